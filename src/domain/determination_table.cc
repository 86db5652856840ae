// SPDX-License-Identifier: Apache-2.0
// Level of care (001 §3: a standardized assessment determines the level of care). The published
// LOCUS, CALOCUS and ASAM grids are licensed, so a program that holds a licence installs its own
// table (docs/assessments.md "Determination tables"); without one the assessor enters the level.
#include <algorithm>
#include <utility>

#include "domain/instrument.h"
#include "domain/instrument_toml.h"

namespace carecoord {
namespace {

using namespace instrument_toml;  // NOLINT(google-build-using-namespace): this file's helpers

constexpr std::string_view kTopKeys[] = {"instrument", "instrument_version", "name", "rule"};
constexpr std::string_view kRuleKeys[] = {"level", "composite_min", "composite_max",
                                          "rating_at_least", "rating_at_most"};

std::string LevelCodes(const Instrument& instrument) {
  std::vector<std::string> codes;
  for (const LevelOfCare& level : instrument.levels) codes.push_back(level.code);
  return Join(codes);
}

// `rating_at_least = { risk_of_harm = 5 }`: each item must be one of the instrument's scored
// items, each bound within the item's range.
Status ParseRatings(const toml::table& rule, std::string_view key, const Instrument& instrument,
                    std::map<std::string, int, std::less<>>& out, std::string_view where) {
  const toml::node* node = rule.get(key);
  if (node == nullptr) return {};
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    return Problem(LineOf(*node), where, key, "must be a table of item = rating");
  }
  const toml::key* first_bad = nullptr;
  for (const auto& [item_key, value] : *table) {
    if (instrument.FindItem(item_key.str()) != nullptr) continue;
    if (first_bad == nullptr || item_key.source().begin.line < first_bad->source().begin.line) {
      first_bad = &item_key;
    }
  }
  if (first_bad != nullptr) {
    return Problem(
        first_bad->source().begin.line, where, key,
        "no item '" + std::string(first_bad->str()).substr(0, 40) + "' in " + instrument.title);
  }
  for (const auto& [item_key, value] : *table) {
    const InstrumentItem& item = *instrument.FindItem(item_key.str());
    const std::string item_id(item_key.str());
    if (!item.scored || item.kind != ItemKind::kRating) {
      return Problem(LineOf(value), where, key,
                     "item '" + item_id + "' is not one of the ratings of " + instrument.title);
    }
    if (!value.is_integer()) {
      return Problem(LineOf(value), where, key, "'" + item_id + "' must be a whole number");
    }
    const std::int64_t v = value.as_integer()->get();
    if (v < item.min || v > item.max) {
      return Problem(LineOf(value), where, key,
                     "'" + item_id + "' is rated " + std::to_string(item.min) + "–" +
                         std::to_string(item.max) + ", not " + std::to_string(v));
    }
    out[item_id] = static_cast<int>(v);
  }
  return {};
}

bool HasConditions(const DeterminationRule& rule) {
  return rule.composite_min || rule.composite_max || !rule.rating_at_least.empty() ||
         !rule.rating_at_most.empty();
}

bool Matches(const DeterminationRule& rule, const Answers& answers, int composite) {
  if (rule.composite_min && composite < *rule.composite_min) return false;
  if (rule.composite_max && composite > *rule.composite_max) return false;
  // An unanswered rating meets no condition on it (every rating of a level-of-care instrument is
  // normally required, so this is the cautious reading).
  const auto rating = [&](const std::string& item) -> std::optional<int> {
    const auto it = answers.find(item);
    return it == answers.end() ? std::nullopt : it->second.value;
  };
  for (const auto& [item, at_least] : rule.rating_at_least) {
    const auto v = rating(item);
    if (!v || *v < at_least) return false;
  }
  for (const auto& [item, at_most] : rule.rating_at_most) {
    const auto v = rating(item);
    if (!v || *v > at_most) return false;
  }
  return true;
}

}  // namespace

Result<DeterminationTable> ParseDeterminationTable(std::string_view toml_text,
                                                   const Instrument& instrument) {
  auto parsed = ParseText(toml_text);
  if (!parsed) return std::unexpected(parsed.error());
  const toml::table& root = *parsed;
  if (auto st = CheckKeys(root, kTopKeys, ""); !st) return std::unexpected(st.error());

  DeterminationTable table;
  if (auto st = ReadId(root, "instrument", 1, table.instrument, ""); !st) {
    return std::unexpected(st.error());
  }
  if (table.instrument != instrument.id) {
    return Problem(LineOf(*root.get("instrument")), "", "instrument",
                   "this table is for '" + table.instrument + "', not '" + instrument.id + "'");
  }
  if (instrument.kind != InstrumentKind::kLevelOfCare) {
    return Problem(LineOf(*root.get("instrument")), "", "instrument",
                   "'" + instrument.id + "' is not a level_of_care instrument");
  }
  if (auto st =
          ReadInt(root, "instrument_version", true, 1, 1, 1'000'000, table.instrument_version, "");
      !st) {
    return std::unexpected(st.error());
  }
  if (table.instrument_version != instrument.version) {
    return Problem(LineOf(*root.get("instrument_version")), "", "instrument_version",
                   "this table is for version " + std::to_string(table.instrument_version) +
                       " of '" + instrument.id + "'; version " +
                       std::to_string(instrument.version) + " is installed");
  }
  if (auto st = ReadString(root, "name", true, 1, 200, table.name, ""); !st) {
    return std::unexpected(st.error());
  }

  auto rules = TablesOf(root, "rule", "");
  if (!rules) return std::unexpected(rules.error());
  if (rules->empty()) {
    return Problem(1, "", "rule", "at least one [[rule]] is needed; the last matches everything");
  }
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const toml::table& t = *(*rules)[i];
    const std::string where = "rule " + std::to_string(i + 1);
    const std::uint32_t line = LineOf(t);
    if (auto st = CheckKeys(t, kRuleKeys, where); !st) return std::unexpected(st.error());
    DeterminationRule rule;
    if (auto st = ReadString(t, "level", true, line, 10, rule.level, where); !st) {
      return std::unexpected(st.error());
    }
    if (instrument.FindLevel(rule.level) == nullptr) {
      return Problem(LineOf(*t.get("level")), where, "level",
                     "unknown level '" + rule.level + "'; " + instrument.title + " has levels " +
                         LevelCodes(instrument));
    }
    for (auto [key, out] : {std::pair{"composite_min", &rule.composite_min},
                            std::pair{"composite_max", &rule.composite_max}}) {
      if (t.get(key) == nullptr) continue;
      int value = 0;
      if (auto st =
              ReadInt(t, key, true, line, instrument.total_min, instrument.total_max, value, where);
          !st) {
        return std::unexpected(st.error());
      }
      *out = value;
    }
    if (rule.composite_min && rule.composite_max && *rule.composite_max < *rule.composite_min) {
      return Problem(
          LineOf(*t.get("composite_max")), where, "composite_max",
          "must be at least composite_min (" + std::to_string(*rule.composite_min) + ")");
    }
    if (auto st = ParseRatings(t, "rating_at_least", instrument, rule.rating_at_least, where);
        !st) {
      return std::unexpected(st.error());
    }
    if (auto st = ParseRatings(t, "rating_at_most", instrument, rule.rating_at_most, where); !st) {
      return std::unexpected(st.error());
    }
    const bool last = i + 1 == rules->size();
    // Every set of ratings must get a level, and no rule may be unreachable: only the last rule
    // matches everything.
    if (last && HasConditions(rule)) {
      return Problem(line, where, "rule",
                     "the last rule must have no conditions, so every set of ratings gets a "
                     "level");
    }
    if (!last && !HasConditions(rule)) {
      return Problem(line, where, "rule",
                     "a rule without conditions matches everything, so the rules after it "
                     "could never apply; only the last rule may have none");
    }
    table.rules.push_back(std::move(rule));
  }
  return table;
}

Result<DeterminationTable> ParseDeterminationTableFor(std::string_view toml_text,
                                                      std::span<const Instrument> instruments) {
  auto parsed = ParseText(toml_text);
  if (!parsed) return std::unexpected(parsed.error());
  std::string id;
  if (auto st = ReadId(*parsed, "instrument", 1, id, ""); !st) return std::unexpected(st.error());
  std::vector<std::string> level_of_care;
  for (const Instrument& instrument : instruments) {
    if (instrument.id == id) return ParseDeterminationTable(toml_text, instrument);
    if (instrument.kind == InstrumentKind::kLevelOfCare) level_of_care.push_back(instrument.id);
  }
  return Problem(LineOf(*parsed->get("instrument")), "", "instrument",
                 "no instrument '" + id + "'; tables are for " + Join(level_of_care));
}

std::string RecommendLevel(const DeterminationTable& table, const Answers& answers, int composite) {
  for (const DeterminationRule& rule : table.rules) {
    if (Matches(rule, answers, composite)) return rule.level;
  }
  // Unreachable for a parsed table: its last rule has no conditions.
  return table.rules.empty() ? std::string() : table.rules.back().level;
}

Result<LevelDetermination> DetermineLevel(const Instrument& instrument,
                                          const DeterminationTable* table, const Answers& answers,
                                          int composite, const LevelEntry& entry) {
  if (instrument.kind != InstrumentKind::kLevelOfCare) {
    if (!entry.recommended.empty()) {
      return Fail(ErrorCode::kInvalidArgument, "only level-of-care instruments recommend a level",
                  "recommended_level");
    }
    if (!entry.provided.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "only level-of-care instruments record the level provided", "level_provided");
    }
    if (!entry.variance_reason.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "only level-of-care instruments record a variance reason", "variance_reason");
    }
    return LevelDetermination{};
  }
  const std::string levels = LevelCodes(instrument);
  LevelDetermination out;
  if (table != nullptr) {
    out.recommended = RecommendLevel(*table, answers, composite);
    out.source = "table";
    if (!entry.recommended.empty() && entry.recommended != out.recommended) {
      return Fail(ErrorCode::kInvalidArgument,
                  "the installed table recommends " + out.recommended + ", not " +
                      entry.recommended.substr(0, 10),
                  "recommended_level");
    }
  } else {
    if (entry.recommended.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "required: no determination table is installed for " + instrument.title +
                      ", so the assessor enters the recommended level (" + levels + ")",
                  "recommended_level");
    }
    if (instrument.FindLevel(entry.recommended) == nullptr) {
      return Fail(
          ErrorCode::kInvalidArgument,
          "unknown level '" + entry.recommended.substr(0, 10) + "'; expected one of " + levels,
          "recommended_level");
    }
    out.recommended = entry.recommended;
    out.source = "assessor";
  }
  if (!entry.provided.empty() && instrument.FindLevel(entry.provided) == nullptr) {
    return Fail(ErrorCode::kInvalidArgument,
                "unknown level '" + entry.provided.substr(0, 10) + "'; expected one of " + levels,
                "level_provided");
  }
  out.provided = entry.provided;
  // 001 §3 asks for the choice of the individual served and the least restrictive level, so the
  // level provided may differ from the one recommended; when it does, the reason is kept.
  const bool blank_reason = std::all_of(entry.variance_reason.begin(), entry.variance_reason.end(),
                                        [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (!out.provided.empty() && out.provided != out.recommended && blank_reason) {
    return Fail(ErrorCode::kInvalidArgument,
                "required: level " + out.provided + " is provided where " + out.recommended +
                    " is recommended; say why",
                "variance_reason");
  }
  constexpr std::size_t kMaxReason = 2000;
  if (entry.variance_reason.size() > kMaxReason) {
    return Fail(ErrorCode::kInvalidArgument, "at most 2000 bytes", "variance_reason");
  }
  out.variance_reason = entry.variance_reason;
  return out;
}

}  // namespace carecoord
