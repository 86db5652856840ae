// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carecoord {

// Small pieces of plain English for the sentences people read: policy descriptions
// (policy.cc) and obligation explanations (obligation_text.cc). One place, so the two speak
// alike ("3 contacts", "the 3rd failed attempt").

// A code as words: "inpatient_psychiatric" → "inpatient psychiatric".
std::string Spaced(std::string_view code);

// The first letter upper-cased (ASCII): "contact" → "Contact". Empty stays empty.
std::string Capitalised(std::string text);

// English ordinal: 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd".
std::string Ordinal(int n);

// A count and its noun, plural unless 1: (3, "contact") → "3 contacts", (1, "day") → "1 day".
// Regular nouns only (an "s" is appended).
std::string Plural(int n, std::string_view noun);

// A list as a choice: "a", "a or b", "a, b or c" (no serial comma); empty for none.
std::string JoinOr(const std::vector<std::string>& items);

}  // namespace carecoord
