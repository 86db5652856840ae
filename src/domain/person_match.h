// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace carecoord {

// Duplicate detection at intake (issue 3): two referrals for one person must be caught even when
// the name was typed differently. Pure text functions; the caller pairs them with date of birth
// or payer member id.

// Lower case, Latin accents folded (é → e, ñ → n, ß → ss), punctuation and hyphens turned into
// spaces, runs of spaces collapsed, trimmed. "  María-José  O'Neil " → "maria jose o neil".
std::string NormalizePersonName(std::string_view name);

// True when two names, after normalisation, are the same, are the same words in another order
// ("Lee Pat" / "Pat Lee"), or differ by at most one typing slip per seven letters (edit
// distance, at least one allowed for names of five letters or more; four or fewer must match
// exactly). Empty names never match.
bool NamesLookAlike(std::string_view a, std::string_view b);

}  // namespace carecoord
