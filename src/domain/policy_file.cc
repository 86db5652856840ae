// SPDX-License-Identifier: Apache-2.0
#include "domain/policy_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <span>
#include <utility>

#include "domain/contact.h"
#include "domain/obligations.h"
#include "domain/role.h"

namespace carecoord {
namespace {

// Where a problem is: the rule being read ("" outside rules) and the key's prefix inside it
// ("schedule.", "satisfied_by.", "suggest.").
struct Scope {
  std::string rule;
  std::string prefix;
  std::string_view noun = "rule";  // "tier" inside [[tier]]
};

// Every problem in a policy file reads "line N, rule 'id', key 'k': what" so an administrator
// finds it, and carries `line` and `key` for the API's error list (docs/worklists.md).
std::unexpected<Error> Problem(std::uint32_t line, const Scope& scope, std::string_view key,
                               std::string_view what) {
  const std::string full_key = scope.prefix + std::string(key);
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.field = "source";
  e.message = "line " + std::to_string(line);
  if (!scope.rule.empty()) e.message += ", " + std::string(scope.noun) + " '" + scope.rule + "'";
  if (!full_key.empty()) e.message += ", key '" + full_key + "'";
  e.message += ": " + std::string(what);
  e.members.push_back({"line", std::to_string(line)});
  e.members.push_back({"key", full_key});
  return std::unexpected(std::move(e));
}

std::uint32_t LineOf(const toml::node& node) {
  return node.source().begin.line;
}

std::string AllowedList(std::span<const std::string_view> allowed) {
  std::string out;
  for (std::string_view a : allowed) {
    if (!out.empty()) out += ", ";
    out += a;
  }
  return out;
}

bool In(std::span<const std::string_view> allowed, std::string_view value) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

// Unknown keys are errors: a misspelt key must not silently change nothing. The first one in
// the file is reported (toml++ tables iterate in key order, not file order).
Status CheckKeys(const toml::table& table, std::span<const std::string_view> allowed,
                 const Scope& scope) {
  const toml::key* first = nullptr;
  for (const auto& [key, node] : table) {
    if (In(allowed, key.str())) continue;
    if (first == nullptr || key.source().begin.line < first->source().begin.line) first = &key;
  }
  if (first == nullptr) return {};
  return Problem(first->source().begin.line, scope, first->str(),
                 "unknown key; expected one of " + AllowedList(allowed));
}

// Reads an optional whole number within [lo, hi]; `out` keeps its value when absent.
Status ReadInt(const toml::table& table, std::string_view key, std::int64_t lo, std::int64_t hi,
               int& out, const Scope& scope) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  if (!node->is_integer()) return Problem(LineOf(*node), scope, key, "must be a whole number");
  const std::int64_t v = node->as_integer()->get();
  if (v < lo || v > hi) {
    return Problem(LineOf(*node), scope, key,
                   "must be " + std::to_string(lo) + "–" + std::to_string(hi));
  }
  out = static_cast<int>(v);
  return {};
}

Status ReadBool(const toml::table& table, std::string_view key, bool& out, const Scope& scope) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  if (!node->is_boolean()) return Problem(LineOf(*node), scope, key, "must be true or false");
  out = node->as_boolean()->get();
  return {};
}

// A string; `required` ones missing are reported at `table_line`.
Status ReadString(const toml::table& table, std::string_view key, bool required,
                  std::uint32_t table_line, std::string& out, const Scope& scope) {
  const toml::node* node = table.get(key);
  if (node == nullptr) {
    if (required) return Problem(table_line, scope, key, "missing");
    return {};
  }
  if (!node->is_string()) return Problem(LineOf(*node), scope, key, "must be a string");
  out = node->as_string()->get();
  if (required && out.empty()) return Problem(LineOf(*node), scope, key, "must not be empty");
  if (out.size() > 200) return Problem(LineOf(*node), scope, key, "at most 200 bytes");
  return {};
}

// A code from a fixed list.
Status ReadCode(const toml::table& table, std::string_view key, bool required,
                std::uint32_t table_line, std::span<const std::string_view> allowed,
                std::string& out, const Scope& scope) {
  if (auto st = ReadString(table, key, required, table_line, out, scope); !st) return st;
  if (table.get(key) != nullptr && !In(allowed, out)) {
    return Problem(LineOf(*table.get(key)), scope, key,
                   "unknown '" + out.substr(0, 40) + "'; expected one of " + AllowedList(allowed));
  }
  return {};
}

// An array of distinct codes from a fixed list.
Status ReadCodes(const toml::table& table, std::string_view key,
                 std::span<const std::string_view> allowed, std::vector<std::string>& out,
                 const Scope& scope) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return {};
  const toml::array* array = node->as_array();
  if (array == nullptr) return Problem(LineOf(*node), scope, key, "must be an array of strings");
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (s == nullptr) return Problem(LineOf(item), scope, key, "must be an array of strings");
    const std::string& code = s->get();
    if (!In(allowed, code)) {
      return Problem(
          LineOf(item), scope, key,
          "unknown '" + code.substr(0, 40) + "'; expected one of " + AllowedList(allowed));
    }
    if (std::find(out.begin(), out.end(), code) != out.end()) {
      return Problem(LineOf(item), scope, key, "'" + code + "' is listed twice");
    }
    out.push_back(code);
  }
  return {};
}

bool IsRuleId(std::string_view id) {
  if (id.empty() || id.size() > 40 || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

constexpr std::string_view kTopKeys[] = {"schedule", "table", "rule", "tier"};
constexpr std::string_view kScheduleKeys[] = {"min_per_week", "max_per_week", "default_per_week"};
constexpr std::string_view kTableKeys[] = {"history_months", "horizon_days"};
constexpr std::string_view kRuleKeys[] = {"id",
                                          "title",
                                          "cite",
                                          "enabled",
                                          "start",
                                          "window",
                                          "amount",
                                          "count",
                                          "count_from_schedule",
                                          "for_days",
                                          "first_period_full",
                                          "after_failed_attempts",
                                          "days_before_expiry",
                                          "medication_needed_only",
                                          "levels",
                                          "flag",
                                          "days_before",
                                          "excused_by_refusal",
                                          "excused_by_unavailability",
                                          "ends_on_transfer",
                                          "assignee",
                                          "suggest",
                                          "satisfied_by"};
constexpr std::string_view kSatisfierKeys[] = {"kind",     "modes", "with_whom",  "purposes",
                                               "outcomes", "roles", "successful", "by"};
constexpr std::string_view kSuggestKeys[] = {"mode", "purpose", "with"};

constexpr std::string_view kStartNames[] = {
    "referral_received", "enrolled",         "episode_started",  "handoff",
    "discharge",         "failed_attempts",  "release_expiring", "peer_on_team",
    "care_plan",         "goal_target_date", "assessment_flag",  "staffing"};
constexpr std::string_view kWindowNames[] = {"within_hours",   "within_days",  "calendar_week",
                                             "calendar_month", "rolling_days", "same_day",
                                             "by_date"};
constexpr std::string_view kSatisfierNames[] = {
    "contact",          "handoff_face_to_face", "appointment_kept", "release_renewed",
    "care_plan_agreed", "care_plan_reviewed",   "goal_closed"};
constexpr std::string_view kTierKeys[] = {"id", "title", "schedule", "when"};
constexpr std::string_view kConditionKeys[] = {"kind",       "level_at_least", "instruments",
                                               "instrument", "bands",          "flag",
                                               "need",       "days",           "levels"};
constexpr std::string_view kConditionKindNames[] = {"level_at_least", "band", "flag", "need",
                                                    "recent_discharge"};
constexpr std::string_view kContactByNames[] = {"anyone", "accountable_coordinator", "team_peer"};
constexpr std::string_view kAssigneeNames[] = {"accountable_coordinator", "team_peer"};
// The author's role in the program (domain/role.h), for `roles` filters.
std::span<const std::string_view> RoleNames() {
  static const auto* const kNames = [] {
    auto* names = new std::vector<std::string_view>();
    for (Role r : kAllRoles) names->push_back(RoleName(r));
    return names;
  }();
  return *kNames;
}

// The schedule bounds at `node` (the top-level [schedule] or a tier's `schedule`).
Status ReadScheduleBounds(const toml::node& node, ContactScheduleBounds& b, const Scope& outer) {
  const Scope scope{outer.rule, outer.prefix + "schedule.", outer.noun};
  const toml::table* t = node.as_table();
  if (t == nullptr) return Problem(LineOf(node), outer, "schedule", "must be a table");
  if (auto st = CheckKeys(*t, kScheduleKeys, scope); !st) return st;
  for (std::string_view key : kScheduleKeys) {
    int* out = key == "min_per_week"   ? &b.min_per_week
               : key == "max_per_week" ? &b.max_per_week
                                       : &b.default_per_week;
    if (auto st = ReadInt(*t, key, 1, 7, *out, scope); !st) return st;
  }
  // 001 §2: a schedule between the minimum and the maximum; the default must be one of them.
  if (b.min_per_week > b.max_per_week) {
    const toml::node* at = t->get("min_per_week") ? t->get("min_per_week") : &node;
    return Problem(LineOf(*at), scope, "min_per_week", "must not exceed max_per_week");
  }
  if (b.default_per_week < b.min_per_week || b.default_per_week > b.max_per_week) {
    const toml::node* at = t->get("default_per_week") ? t->get("default_per_week") : &node;
    return Problem(LineOf(*at), scope, "default_per_week",
                   "must be between min_per_week and max_per_week");
  }
  return {};
}

Status ParseSchedule(const toml::table& root, Policy& policy) {
  const toml::node* node = root.get("schedule");
  if (node == nullptr) return {};
  return ReadScheduleBounds(*node, policy.schedule, Scope{});
}

// An id-like code: a flag, a need, a band, an instrument ("safety", "housing_instability").
Status ReadId(const toml::table& t, std::string_view key, std::uint32_t line, std::string& out,
              const Scope& scope) {
  if (auto st = ReadString(t, key, true, line, out, scope); !st) return st;
  if (!IsRuleId(out)) {
    return Problem(LineOf(*t.get(key)), scope, key,
                   "'" + out.substr(0, 40) + "' must match [a-z][a-z0-9_]{0,39}");
  }
  return {};
}

// An array of distinct id-like codes; at least one.
Status ReadIds(const toml::table& t, std::string_view key, bool required, std::uint32_t line,
               std::vector<std::string>& out, const Scope& scope) {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    if (required) return Problem(line, scope, key, "missing");
    return {};
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) return Problem(LineOf(*node), scope, key, "must be an array of strings");
  if (array->empty()) return Problem(LineOf(*node), scope, key, "needs at least one entry");
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (s == nullptr) return Problem(LineOf(item), scope, key, "must be an array of strings");
    const std::string& code = s->get();
    if (!IsRuleId(code)) {
      return Problem(LineOf(item), scope, key,
                     "'" + code.substr(0, 40) + "' must match [a-z][a-z0-9_]{0,39}");
    }
    if (std::find(out.begin(), out.end(), code) != out.end()) {
      return Problem(LineOf(item), scope, key, "'" + code + "' is listed twice");
    }
    out.push_back(code);
  }
  return {};
}

// One [[tier.when]]: its kind decides which keys it takes; every other key is an error, so a
// key meant for another kind cannot silently do nothing.
Status ParseCondition(const toml::table& t, TierCondition& c, const Scope& tier_scope) {
  const Scope scope{tier_scope.rule, "when.", "tier"};
  const std::uint32_t line = t.source().begin.line;
  if (auto st = CheckKeys(t, kConditionKeys, scope); !st) return st;
  std::string kind;
  if (auto st = ReadCode(t, "kind", true, line, kConditionKindNames, kind, scope); !st) return st;
  c.kind = *ParseTierConditionKind(kind);
  std::vector<std::string_view> takes;
  switch (c.kind) {
    case TierConditionKind::kLevelAtLeast: takes = {"level_at_least", "instruments"}; break;
    case TierConditionKind::kBand: takes = {"instrument", "bands"}; break;
    case TierConditionKind::kFlag: takes = {"flag"}; break;
    case TierConditionKind::kNeed: takes = {"need"}; break;
    case TierConditionKind::kRecentDischarge: takes = {"days", "levels"}; break;
  }
  for (std::string_view key : kConditionKeys) {
    if (key == "kind" || t.get(key) == nullptr) continue;
    if (std::find(takes.begin(), takes.end(), key) == takes.end()) {
      return Problem(LineOf(*t.get(key)), scope, key, "does not apply to kind '" + kind + "'");
    }
  }
  switch (c.kind) {
    case TierConditionKind::kLevelAtLeast: {
      const toml::node* node = t.get("level_at_least");
      if (node == nullptr) return Problem(line, scope, "level_at_least", "missing");
      if (!node->is_number()) {
        return Problem(LineOf(*node), scope, "level_at_least", "must be a number");
      }
      c.level_at_least = node->is_integer() ? static_cast<double>(node->as_integer()->get())
                                            : node->as_floating_point()->get();
      if (!(c.level_at_least > 0 && c.level_at_least <= 100)) {
        return Problem(LineOf(*node), scope, "level_at_least", "must be above 0 and at most 100");
      }
      return ReadIds(t, "instruments", false, line, c.instruments, scope);
    }
    case TierConditionKind::kBand:
      if (auto st = ReadId(t, "instrument", line, c.instrument, scope); !st) return st;
      return ReadIds(t, "bands", true, line, c.bands, scope);
    case TierConditionKind::kFlag: return ReadId(t, "flag", line, c.flag, scope);
    case TierConditionKind::kNeed: return ReadId(t, "need", line, c.need, scope);
    case TierConditionKind::kRecentDischarge:
      if (t.get("days") == nullptr) return Problem(line, scope, "days", "missing");
      if (auto st = ReadInt(t, "days", 1, 366, c.days, scope); !st) return st;
      return ReadCodes(t, "levels", kTransitionLevels, c.levels, scope);
  }
  return {};
}

Status ParseTier(const toml::table& t, bool last, RiskTier& tier, std::set<std::string>& ids) {
  const std::uint32_t line = t.source().begin.line;
  Scope scope{"", "", "tier"};
  if (auto st = ReadString(t, "id", true, line, tier.id, scope); !st) return st;
  if (!IsRuleId(tier.id)) {
    return Problem(LineOf(*t.get("id")), scope, "id",
                   "'" + tier.id.substr(0, 40) + "' must match [a-z][a-z0-9_]{0,39}");
  }
  if (!ids.insert(tier.id).second) {
    return Problem(LineOf(*t.get("id")), scope, "id", "'" + tier.id + "' is used twice");
  }
  scope.rule = tier.id;
  if (auto st = CheckKeys(t, kTierKeys, scope); !st) return st;
  if (auto st = ReadString(t, "title", true, line, tier.title, scope); !st) return st;
  if (const toml::node* node = t.get("schedule")) {
    ContactScheduleBounds bounds;
    if (auto st = ReadScheduleBounds(*node, bounds, scope); !st) return st;
    tier.schedule = bounds;
  }
  const toml::node* when = t.get("when");
  if (when != nullptr) {
    const toml::array* array = when->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      return Problem(LineOf(*when), scope, "when", "must be [[tier.when]] tables");
    }
    for (const toml::node& item : *array) {
      TierCondition c;
      if (auto st = ParseCondition(*item.as_table(), c, scope); !st) return st;
      tier.when.push_back(std::move(c));
    }
  }
  // Tiers are tried highest first; the last holds everyone the others did not take.
  if (last && !tier.when.empty()) {
    return Problem(LineOf(*when), scope, "when",
                   "the last tier holds everyone else and must have no conditions");
  }
  if (!last && tier.when.empty()) {
    return Problem(when != nullptr ? LineOf(*when) : line, scope, "when",
                   "needs at least one [[tier.when]] condition (only the last tier has none)");
  }
  return {};
}

Status ParseTiers(const toml::table& root, Policy& policy) {
  const toml::node* node = root.get("tier");
  if (node == nullptr) return {};
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables() || array->empty()) {
    return Problem(LineOf(*node), Scope{}, "tier", "must be [[tier]] tables");
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < array->size(); ++i) {
    RiskTier tier;
    if (auto st = ParseTier(*(*array)[i].as_table(), i + 1 == array->size(), tier, ids); !st) {
      return st;
    }
    policy.tiers.push_back(std::move(tier));
  }
  return {};
}

Status ParseTableSection(const toml::table& root, Policy& policy) {
  const toml::node* node = root.get("table");
  if (node == nullptr) return {};
  const Scope scope{"", "table."};
  const toml::table* t = node->as_table();
  if (t == nullptr) return Problem(LineOf(*node), Scope{}, "table", "must be a table");
  if (auto st = CheckKeys(*t, kTableKeys, scope); !st) return st;
  if (auto st = ReadInt(*t, "history_months", 1, 24, policy.history_months, scope); !st) return st;
  return ReadInt(*t, "horizon_days", 7, 366, policy.horizon_days, scope);
}

Status ParseSatisfier(const toml::table& t, const PolicyRule& rule, Satisfier& s,
                      const Scope& rule_scope) {
  const Scope scope{rule_scope.rule, "satisfied_by."};
  const std::uint32_t line = t.source().begin.line;
  if (auto st = CheckKeys(t, kSatisfierKeys, scope); !st) return st;
  std::string kind;
  if (auto st = ReadCode(t, "kind", true, line, kSatisfierNames, kind, scope); !st) return st;
  s.kind = *ParseSatisfierKind(kind);
  if (auto st = ReadCodes(t, "modes", kContactModes, s.modes, scope); !st) return st;
  if (auto st = ReadCodes(t, "with_whom", kContactParties, s.with_whom, scope); !st) return st;
  if (auto st = ReadCodes(t, "purposes", kContactPurposes, s.purposes, scope); !st) return st;
  if (auto st = ReadCodes(t, "outcomes", kContactOutcomes, s.outcomes, scope); !st) return st;
  if (auto st = ReadCodes(t, "roles", RoleNames(), s.roles, scope); !st) return st;
  if (t.get("successful") != nullptr) {
    bool successful = false;
    if (auto st = ReadBool(t, "successful", successful, scope); !st) return st;
    s.successful = successful;
  }
  std::string by;
  if (auto st = ReadCode(t, "by", false, line, kContactByNames, by, scope); !st) return st;
  if (!by.empty()) s.by = *ParseContactBy(by);

  // Filters mean something only for contacts; elsewhere they would be silently ignored.
  if (s.kind != SatisfierKind::kContact) {
    for (std::string_view key : kSatisfierKeys) {
      if (key != "kind" && t.get(key) != nullptr) {
        return Problem(LineOf(*t.get(key)), scope, key, "applies only to kind 'contact'");
      }
    }
  }
  const auto needs_start = [&](RuleStart start, std::string_view what) -> Status {
    if (rule.start == start) return {};
    return Problem(LineOf(*t.get("kind")), scope, "kind",
                   std::string(what) + " needs start '" + std::string(RuleStartName(start)) + "'");
  };
  switch (s.kind) {
    case SatisfierKind::kHandoffFaceToFace:
      return needs_start(RuleStart::kHandoff, "handoff_face_to_face");
    case SatisfierKind::kAppointmentKept:
      return needs_start(RuleStart::kDischarge, "appointment_kept");
    case SatisfierKind::kReleaseRenewed:
      return needs_start(RuleStart::kReleaseExpiring, "release_renewed");
    case SatisfierKind::kCarePlanAgreed:
      // Agreement is the plan's, and the plan is the episode's: a start inside the episode.
      if (rule.start == RuleStart::kEnrolled || rule.start == RuleStart::kEpisodeStarted ||
          rule.start == RuleStart::kReferralReceived) {
        return {};
      }
      return Problem(LineOf(*t.get("kind")), scope, "kind",
                     "care_plan_agreed needs start 'enrolled', 'episode_started' or "
                     "'referral_received'");
    case SatisfierKind::kCarePlanReviewed:
      return needs_start(RuleStart::kCarePlan, "care_plan_reviewed");
    case SatisfierKind::kGoalClosed: return needs_start(RuleStart::kGoalTargetDate, "goal_closed");
    case SatisfierKind::kContact: break;
  }
  if (s.by == ContactBy::kTeamPeer && rule.start != RuleStart::kPeerOnTeam) {
    return Problem(LineOf(*t.get("by")), scope, "by", "team_peer needs start 'peer_on_team'");
  }
  return {};
}

Status ParseSuggest(const toml::node& node, PolicyRule& rule, const Scope& rule_scope) {
  const toml::table* t = node.as_table();
  if (t == nullptr) {
    return Problem(LineOf(node), rule_scope, "suggest",
                   "must be an inline table { mode, purpose, with }");
  }
  const Scope scope{rule_scope.rule, "suggest."};
  const std::uint32_t line = LineOf(node);
  if (auto st = CheckKeys(*t, kSuggestKeys, scope); !st) return st;
  if (auto st = ReadCode(*t, "mode", true, line, kContactModes, rule.suggest_mode, scope); !st) {
    return st;
  }
  if (auto st = ReadCode(*t, "purpose", true, line, kContactPurposes, rule.suggest_purpose, scope);
      !st) {
    return st;
  }
  return ReadCode(*t, "with", true, line, kContactParties, rule.suggest_with, scope);
}

bool IsRecurring(WindowKind w) {
  return w == WindowKind::kCalendarWeek || w == WindowKind::kCalendarMonth ||
         w == WindowKind::kRollingDays;
}

Status ParseRule(const toml::table& t, PolicyRule& rule, std::set<std::string>& ids) {
  const std::uint32_t line = t.source().begin.line;
  Scope scope;
  // The id first so every later problem names its rule.
  if (auto st = ReadString(t, "id", true, line, rule.id, scope); !st) return st;
  if (!IsRuleId(rule.id)) {
    return Problem(LineOf(*t.get("id")), scope, "id",
                   "'" + rule.id.substr(0, 40) + "' must match [a-z][a-z0-9_]{0,39}");
  }
  if (!ids.insert(rule.id).second) {
    return Problem(LineOf(*t.get("id")), scope, "id", "'" + rule.id + "' is used twice");
  }
  scope.rule = rule.id;
  if (auto st = CheckKeys(t, kRuleKeys, scope); !st) return st;
  if (auto st = ReadString(t, "title", true, line, rule.title, scope); !st) return st;
  if (auto st = ReadString(t, "cite", false, line, rule.cite, scope); !st) return st;
  if (auto st = ReadBool(t, "enabled", rule.enabled, scope); !st) return st;

  std::string text;
  if (auto st = ReadCode(t, "start", true, line, kStartNames, text, scope); !st) return st;
  rule.start = *ParseRuleStart(text);
  text.clear();
  if (auto st = ReadCode(t, "window", true, line, kWindowNames, text, scope); !st) return st;
  rule.window = *ParseWindowKind(text);
  const bool recurring = IsRecurring(rule.window);

  const auto only_with = [&](std::string_view key, bool allowed, std::string_view what) -> Status {
    const toml::node* node = t.get(key);
    if (node == nullptr || allowed) return {};
    return Problem(LineOf(*node), scope, key, "applies only to " + std::string(what));
  };

  // amount: hours or days. A release's window runs from N days before its expiry to the end
  // of its last valid day, so its length comes from the release, not from `amount`.
  const bool takes_amount =
      (rule.window == WindowKind::kWithinHours || rule.window == WindowKind::kWithinDays ||
       rule.window == WindowKind::kRollingDays) &&
      rule.start != RuleStart::kReleaseExpiring;
  if (auto st = only_with("amount", takes_amount,
                          "windows within_hours, within_days and rolling_days (not with start "
                          "'release_expiring', whose window ends at the expiry)");
      !st) {
    return st;
  }
  if (takes_amount) {
    if (t.get("amount") == nullptr) return Problem(line, scope, "amount", "missing");
    const int max = rule.window == WindowKind::kWithinHours ? 8760 : 3650;
    if (auto st = ReadInt(t, "amount", 1, max, rule.amount, scope); !st) return st;
  }
  if (auto st = ReadInt(t, "count", 1, 50, rule.count, scope); !st) return st;
  if (auto st = ReadBool(t, "count_from_schedule", rule.count_from_schedule, scope); !st) {
    return st;
  }
  if (rule.count_from_schedule) {
    // The schedule is contacts per week (001 §2), so only weekly windows can use it.
    if (rule.window != WindowKind::kCalendarWeek) {
      return Problem(LineOf(*t.get("count_from_schedule")), scope, "count_from_schedule",
                     "applies only to window 'calendar_week'");
    }
    if (t.get("count") != nullptr) {
      return Problem(LineOf(*t.get("count")), scope, "count",
                     "not allowed with count_from_schedule = true");
    }
  }
  if (auto st = only_with("for_days", recurring, "recurring windows"); !st) return st;
  if (auto st = ReadInt(t, "for_days", 0, 366, rule.for_days, scope); !st) return st;
  if (auto st = only_with(
          "first_period_full",
          rule.window == WindowKind::kCalendarWeek || rule.window == WindowKind::kCalendarMonth,
          "windows calendar_week and calendar_month");
      !st) {
    return st;
  }
  if (auto st = ReadBool(t, "first_period_full", rule.first_period_full, scope); !st) return st;

  if (auto st = only_with("after_failed_attempts", rule.start == RuleStart::kFailedAttempts,
                          "start 'failed_attempts'");
      !st) {
    return st;
  }
  if (auto st = ReadInt(t, "after_failed_attempts", 1, 50, rule.after_failed_attempts, scope);
      !st) {
    return st;
  }
  if (auto st = only_with("days_before_expiry", rule.start == RuleStart::kReleaseExpiring,
                          "start 'release_expiring'");
      !st) {
    return st;
  }
  if (auto st = ReadInt(t, "days_before_expiry", 1, 366, rule.days_before_expiry, scope); !st) {
    return st;
  }
  if (rule.start == RuleStart::kReleaseExpiring && rule.window != WindowKind::kWithinDays) {
    // The window runs from N days before expiry to the expiry; its length is derived.
    return Problem(LineOf(*t.get("window")), scope, "window",
                   "start 'release_expiring' needs window 'within_days'");
  }
  for (std::string_view key :
       {std::string_view("medication_needed_only"), std::string_view("levels")}) {
    if (auto st = only_with(key, rule.start == RuleStart::kDischarge, "start 'discharge'"); !st) {
      return st;
    }
  }
  if (auto st = ReadBool(t, "medication_needed_only", rule.medication_needed_only, scope); !st) {
    return st;
  }
  if (auto st = ReadCodes(t, "levels", kTransitionLevels, rule.levels, scope); !st) return st;

  // Care-plan and assessment starts (docs/assessments.md "Obligations from care plans and
  // assessments"): a review or target date is a day, so its deadline is that day's end.
  const bool dated = rule.start == RuleStart::kCarePlan || rule.start == RuleStart::kGoalTargetDate;
  if (dated && rule.window != WindowKind::kByDate) {
    return Problem(LineOf(*t.get("window")), scope, "window",
                   "start '" + std::string(RuleStartName(rule.start)) + "' needs window 'by_date'");
  }
  if (rule.window == WindowKind::kByDate && !dated) {
    return Problem(LineOf(*t.get("window")), scope, "window",
                   "by_date needs start 'care_plan' or 'goal_target_date'");
  }
  if (rule.window == WindowKind::kSameDay && rule.start == RuleStart::kReleaseExpiring) {
    return Problem(LineOf(*t.get("window")), scope, "window",
                   "start 'release_expiring' needs window 'within_days'");
  }
  if (auto st = only_with("days_before", rule.window == WindowKind::kByDate, "window 'by_date'");
      !st) {
    return st;
  }
  if (auto st = ReadInt(t, "days_before", 0, 366, rule.days_before, scope); !st) return st;
  if (auto st =
          only_with("flag", rule.start == RuleStart::kAssessmentFlag, "start 'assessment_flag'");
      !st) {
    return st;
  }
  if (rule.start == RuleStart::kAssessmentFlag) {
    if (auto st = ReadId(t, "flag", line, rule.flag, scope); !st) return st;
  }
  if (auto st = ReadBool(t, "excused_by_refusal", rule.excused_by_refusal, scope); !st) return st;
  if (auto st = only_with("excused_by_unavailability", rule.start == RuleStart::kDischarge,
                          "start 'discharge'");
      !st) {
    return st;
  }
  if (auto st = ReadBool(t, "excused_by_unavailability", rule.excused_by_unavailability, scope);
      !st) {
    return st;
  }
  if (auto st = ReadBool(t, "ends_on_transfer", rule.ends_on_transfer, scope); !st) return st;
  text.clear();
  if (auto st = ReadCode(t, "assignee", false, line, kAssigneeNames, text, scope); !st) return st;
  if (!text.empty()) rule.assignee = *ParseAssignee(text);
  if (rule.assignee == Assignee::kTeamPeer && rule.start != RuleStart::kPeerOnTeam) {
    return Problem(LineOf(*t.get("assignee")), scope, "assignee",
                   "team_peer needs start 'peer_on_team'");
  }
  if (const toml::node* node = t.get("suggest")) {
    if (auto st = ParseSuggest(*node, rule, scope); !st) return st;
  }

  const bool unrecorded = rule.start == RuleStart::kStaffing;
  if (const toml::node* node = t.get("satisfied_by")) {
    const toml::array* array = node->as_array();
    if (array == nullptr || !array->is_array_of_tables()) {
      return Problem(LineOf(*node), scope, "satisfied_by", "must be [[rule.satisfied_by]] tables");
    }
    if (array->empty()) {
      return Problem(LineOf(*node), scope, "satisfied_by", "needs at least one entry");
    }
    for (const toml::node& item : *array) {
      Satisfier s;
      if (auto st = ParseSatisfier(*item.as_table(), rule, s, scope); !st) return st;
      rule.satisfied_by.push_back(std::move(s));
    }
  } else if (!unrecorded) {
    // A rule that nothing satisfies would only ever be missed.
    return Problem(line, scope, "satisfied_by", "needs at least one entry");
  }

  if (unrecorded && rule.enabled) {
    return Problem(t.get("enabled") ? LineOf(*t.get("enabled")) : line, scope, "enabled",
                   "start 'staffing' needs staffing records, which this version does not keep "
                   "yet; set enabled = false");
  }
  return {};
}

}  // namespace

Result<Policy> ParsePolicy(std::string_view toml_text) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    return Problem(e.source().begin.line, Scope{}, "", e.description());
  }
  Policy policy;
  if (auto st = CheckKeys(root, kTopKeys, Scope{}); !st) return std::unexpected(st.error());
  if (auto st = ParseSchedule(root, policy); !st) return std::unexpected(st.error());
  if (auto st = ParseTableSection(root, policy); !st) return std::unexpected(st.error());
  if (auto st = ParseTiers(root, policy); !st) return std::unexpected(st.error());

  const toml::node* rules = root.get("rule");
  if (rules == nullptr) return policy;  // a program may have no rules at all
  const toml::array* array = rules->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    return Problem(LineOf(*rules), Scope{}, "rule", "must be [[rule]] tables");
  }
  std::set<std::string> ids;
  for (const toml::node& item : *array) {
    PolicyRule rule;
    if (auto st = ParseRule(*item.as_table(), rule, ids); !st) return std::unexpected(st.error());
    policy.rules.push_back(std::move(rule));
  }
  return policy;
}

}  // namespace carecoord
