// SPDX-License-Identifier: Apache-2.0
#include "domain/stratification.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

#include "domain/plain_text.h"
#include "domain/program_calendar.h"

namespace carecoord {
namespace {

// Reasons carry UTC dates ("20 Nov 2026"): stratification is program-independent (a
// participant's assessments are theirs across programs) and takes no time zone.
std::string TrimmedDay(Instant t) {
  return ProgramCalendar::Long(date::local_days{date::floor<date::days>(t).time_since_epoch()});
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// A level code as a number ("4", "2.5"); nullopt for anything else.
std::optional<double> LevelNumber(std::string_view code) {
  double v = 0;
  const char* end = code.data() + code.size();
  const auto [ptr, ec] = std::from_chars(code.data(), end, v);
  if (code.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return v;
}

// Later first: assessed_at, then recorded_at, then id so equal times still give one answer.
bool Later(const AssessmentFact& a, const AssessmentFact& b) {
  return std::tie(a.assessed_at, a.recorded_at, a.id) >
         std::tie(b.assessed_at, b.recorded_at, b.id);
}

class Stratifier {
 public:
  Stratifier(const StratificationFacts& facts, Instant as_of) : facts_(facts), as_of_(as_of) {
    for (const AssessmentFact& a : facts.assessments) {
      // Only what had happened and had been recorded by as_of counts.
      if (a.assessed_at > as_of || a.recorded_at > as_of) continue;
      const AssessmentFact*& latest = latest_[a.instrument];
      if (latest == nullptr || Later(a, *latest)) latest = &a;
    }
  }

  // The reasons condition `c` holds (empty: it does not).
  std::vector<TierReason> Reasons(const TierCondition& c) const {
    std::vector<TierReason> out;
    switch (c.kind) {
      case TierConditionKind::kLevelAtLeast: {
        // The latest recommended level among the instruments: a newer assessment with a lower
        // level supersedes an older, higher one.
        const AssessmentFact* latest = nullptr;
        for (const auto& [instrument, a] : latest_) {
          if (!c.instruments.empty() && !Contains(c.instruments, instrument)) continue;
          if (a->recommended_level.empty()) continue;
          if (latest == nullptr || Later(*a, *latest)) latest = a;
        }
        if (latest == nullptr) break;
        const auto level = LevelNumber(latest->recommended_level);
        if (!level || *level < c.level_at_least) break;
        out.push_back({Title(*latest) + " recommended level " + latest->recommended_level + " on " +
                           TrimmedDay(latest->assessed_at),
                       "assessment", latest->id});
        break;
      }
      case TierConditionKind::kBand: {
        const auto it = latest_.find(c.instrument);
        if (it == latest_.end() || !Contains(c.bands, it->second->band)) break;
        const AssessmentFact& a = *it->second;
        std::string text = Title(a) + " " + (a.band_label.empty() ? Spaced(a.band) : a.band_label);
        if (a.total) text += " (" + std::to_string(*a.total) + ")";
        out.push_back({text + " on " + TrimmedDay(a.assessed_at), "assessment", a.id});
        break;
      }
      case TierConditionKind::kFlag:
        for (const auto& [instrument, a] : latest_) {
          if (!Contains(a->flags, c.flag)) continue;
          out.push_back(
              {Title(*a) + ": " + Spaced(c.flag) + " flag raised on " + TrimmedDay(a->assessed_at),
               "assessment", a->id});
        }
        break;
      case TierConditionKind::kNeed:
        for (const auto& [instrument, a] : latest_) {
          if (!Contains(a->needs, c.need)) continue;
          out.push_back(
              {Title(*a) + ": " + Spaced(c.need) + " identified on " + TrimmedDay(a->assessed_at),
               "assessment", a->id});
        }
        break;
      case TierConditionKind::kRecentDischarge:
        for (const DischargeFact& d : facts_.discharges) {
          if (d.discharged_at > as_of_ || d.recorded_at > as_of_) continue;
          if (!c.levels.empty() && !Contains(c.levels, d.level)) continue;
          // Counts for `days` days of 24 h: still at exactly days × 24 h, not a minute later.
          if (as_of_ > d.discharged_at + date::days{c.days}) continue;
          out.push_back(
              {"Discharged from " + Spaced(d.level) + " on " + TrimmedDay(d.discharged_at),
               "transition", d.transition_id});
        }
        break;
    }
    return out;
  }

 private:
  static std::string Title(const AssessmentFact& a) {
    return a.instrument_title.empty() ? a.instrument : a.instrument_title;
  }

  const StratificationFacts& facts_;
  Instant as_of_;
  std::map<std::string, const AssessmentFact*, std::less<>> latest_;  // per instrument
};

}  // namespace

TierResult StratifyParticipant(const Policy& policy, const StratificationFacts& facts,
                               Instant as_of) {
  TierResult result;
  result.schedule = policy.schedule;
  if (policy.tiers.empty()) return result;

  const Stratifier stratifier(facts, as_of);
  const RiskTier* computed = &policy.tiers.back();  // the last tier holds everyone else
  for (const RiskTier& tier : policy.tiers) {
    std::vector<TierReason> reasons;
    for (const TierCondition& c : tier.when) {
      for (TierReason& r : stratifier.Reasons(c)) reasons.push_back(std::move(r));
    }
    if (!reasons.empty()) {
      computed = &tier;
      result.reasons = std::move(reasons);
      break;
    }
  }
  result.computed_tier = computed->id;
  result.computed_title = computed->title;

  const RiskTier* in_force = computed;
  // A supervisor's override replaces the computed tier while the policy still has that tier.
  if (facts.override && facts.override->set_at <= as_of) {
    if (const RiskTier* t = policy.FindTier(facts.override->tier)) {
      in_force = t;
      result.override = facts.override;
    }
  }
  result.tier = in_force->id;
  result.title = in_force->title;
  result.schedule = policy.ScheduleFor(in_force->id);
  return result;
}

}  // namespace carecoord
