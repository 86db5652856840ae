// SPDX-License-Identifier: Apache-2.0
#include "domain/person_match.h"

#include <algorithm>
#include <sstream>
#include <vector>

namespace carecoord {
namespace {

// Folds the two-byte UTF-8 Latin-1 letters (U+00C0..U+00FF) to ASCII; other bytes pass through.
std::string FoldLatin1(std::string_view s) {
  static constexpr const char* kFold[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        out += kFold[next - 0x80];
        ++i;
        continue;
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::vector<std::string> Words(const std::string& normalized) {
  std::vector<std::string> words;
  std::istringstream in(normalized);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string NormalizePersonName(std::string_view name) {
  const std::string folded = FoldLatin1(name);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  for (char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    const bool letter_or_digit =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!letter_or_digit) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
  }
  return out;
}

bool NamesLookAlike(std::string_view a, std::string_view b) {
  const std::string na = NormalizePersonName(a);
  const std::string nb = NormalizePersonName(b);
  if (na.empty() || nb.empty()) return false;
  if (na == nb) return true;
  auto wa = Words(na), wb = Words(nb);
  std::sort(wa.begin(), wa.end());
  std::sort(wb.begin(), wb.end());
  if (wa == wb) return true;
  // Letters, not spaces, set the allowance. Generous on purpose: a match is only offered to
  // intake as a possible duplicate, and only together with the same date of birth.
  const auto letters_of = [](const std::string& s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return c != ' '; }));
  };
  const std::size_t letters = std::max(letters_of(na), letters_of(nb));
  const std::size_t allowed = letters < 5 ? 0 : std::max<std::size_t>(1, letters / 7);
  return EditDistance(na, nb) <= allowed;
}

}  // namespace carecoord
