// SPDX-License-Identifier: Apache-2.0
// Scoring one administration of an instrument: the same rules for every instrument, read from
// its definition (docs/assessments.md "Instrument files"). The web scores live with the same
// rules; this result is the one stored.
#include <algorithm>

#include "domain/instrument.h"

namespace carecoord {
namespace {

// Free text is bounded so one answer cannot swell a record (DESIGN §4 "limits on field length").
constexpr std::size_t kMaxTextBytes = 4000;

std::unexpected<Error> BadAnswer(const std::string& item_id, std::string message) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), "answers." + item_id);
}

std::string OptionValues(const InstrumentItem& item) {
  std::string out;
  for (const AnswerOption& o : item.options) {
    if (!out.empty()) out += ", ";
    out += std::to_string(o.value);
  }
  return out;
}

// An answer is given when it carries a number, or non-empty text.
bool Given(const Answer& answer) {
  return answer.value.has_value() || !answer.text.empty();
}

Status CheckAnswer(const InstrumentItem& item, const Answer& answer) {
  if (item.kind == ItemKind::kText) {
    if (answer.value) return BadAnswer(item.id, "must be text, not a number");
    if (answer.text.size() > kMaxTextBytes) {
      return BadAnswer(item.id, "at most " + std::to_string(kMaxTextBytes) + " bytes");
    }
    return {};
  }
  if (!answer.value) return BadAnswer(item.id, "must be a number, not text");
  const int v = *answer.value;
  if (item.kind == ItemKind::kRating) {
    if (v < item.min || v > item.max) {
      return BadAnswer(item.id, std::to_string(v) + " is out of range: ratings are " +
                                    std::to_string(item.min) + "–" + std::to_string(item.max));
    }
    return {};
  }
  const bool listed = std::any_of(item.options.begin(), item.options.end(),
                                  [v](const AnswerOption& o) { return o.value == v; });
  if (!listed) {
    return BadAnswer(item.id,
                     std::to_string(v) + " is not one of the answers (" + OptionValues(item) + ")");
  }
  return {};
}

// The number answered to `item_id`, if any (choice and rating items).
std::optional<int> ValueOf(const Answers& answers, std::string_view item_id) {
  const auto it = answers.find(item_id);
  if (it == answers.end()) return std::nullopt;
  return it->second.value;
}

}  // namespace

Result<Score> ScoreAnswers(const Instrument& instrument, const Answers& answers) {
  for (const auto& [item_id, answer] : answers) {
    const InstrumentItem* item = instrument.FindItem(item_id);
    if (item == nullptr) {
      return BadAnswer(item_id.substr(0, 40),
                       "no item '" + item_id.substr(0, 40) + "' in " + instrument.title);
    }
    if (!Given(answer)) continue;  // left blank: the same as not sent
    if (auto st = CheckAnswer(*item, answer); !st) return std::unexpected(st.error());
  }

  Score score;
  int total = 0;
  for (const InstrumentSection& section : instrument.sections) {
    for (const InstrumentItem& item : section.items) {
      const auto it = answers.find(item.id);
      const bool given = it != answers.end() && Given(it->second);
      if (!given) {
        if (item.required) return BadAnswer(item.id, "an answer is required");
        continue;
      }
      // An optional scored item left unanswered adds nothing; every required one is present.
      if (item.scored) total += *it->second.value;
    }
  }
  if (instrument.scored) {
    score.total = total;
    for (const ScoreBand& band : instrument.bands) {
      if (total >= band.min && total <= band.max) {
        score.band = band.code;
        score.band_label = band.label;
        break;
      }
    }
  }
  // 001 §3 / PHQ-9 item 9: a flag is raised by its one answer whatever the total.
  for (const FlagRule& rule : instrument.flags) {
    const std::optional<int> v = ValueOf(answers, rule.item);
    if (v && *v >= rule.at_least) {
      score.flags.push_back({rule.flag, rule.label, rule.item, rule.urgent});
    }
  }
  // AHC HRSN: a domain is positive when any of its items is answered positively.
  for (const NeedRule& rule : instrument.needs) {
    const bool positive = std::any_of(rule.items.begin(), rule.items.end(), [&](const auto& id) {
      const std::optional<int> v = ValueOf(answers, id);
      return v && *v >= rule.at_least;
    });
    if (positive) score.needs.push_back({rule.need, rule.label});
  }
  return score;
}

}  // namespace carecoord
