// SPDX-License-Identifier: Apache-2.0
// Reading an instrument definition (docs/assessments.md "Instrument files"): the file is checked
// whole on load, so scoring (instrument_scoring.cc) can rely on a well-formed instrument.
#include <algorithm>
#include <charconv>
#include <set>
#include <tuple>
#include <utility>

#include "domain/instrument.h"
#include "domain/instrument_toml.h"

namespace carecoord {
namespace {

using namespace instrument_toml;  // NOLINT(google-build-using-namespace): this file's helpers

constexpr std::string_view kTopKeys[] = {
    "id",        "version",     "title",   "description", "cite", "license", "kind",
    "pediatric", "total_label", "section", "band",        "flag", "need",    "level"};
constexpr std::string_view kSectionKeys[] = {"id", "title", "help", "item"};
constexpr std::string_view kItemKeys[] = {"id",     "text",    "kind", "required",
                                          "scored", "options", "min",  "max"};
constexpr std::string_view kOptionKeys[] = {"value", "label"};
constexpr std::string_view kBandKeys[] = {"min", "max", "code", "label"};
constexpr std::string_view kFlagKeys[] = {"flag", "item", "at_least", "label", "urgent"};
constexpr std::string_view kNeedKeys[] = {"need", "label", "items", "at_least"};
constexpr std::string_view kLevelKeys[] = {"code", "label"};

// Answer values and rating bounds stay small so totals cannot overflow.
constexpr int kValueLimit = 1000;
constexpr std::size_t kShortText = 200;
constexpr std::size_t kLongText = 1000;

// "item 'q9'" when the table has a usable id, else `fallback`.
std::string Where(const toml::table& table, std::string_view what, std::string_view fallback) {
  const toml::node* id = table.get("id");
  if (id != nullptr && id->is_string() && IsId(id->as_string()->get())) {
    return std::string(what) + " '" + id->as_string()->get() + "'";
  }
  return std::string(fallback);
}

// The lowest and highest answer an item can have (choice and rating items).
int LowestAnswer(const InstrumentItem& item) {
  if (item.kind == ItemKind::kRating) return item.min;
  int lo = item.options.front().value;
  for (const AnswerOption& o : item.options) lo = std::min(lo, o.value);
  return lo;
}
int HighestAnswer(const InstrumentItem& item) {
  if (item.kind == ItemKind::kRating) return item.max;
  int hi = item.options.front().value;
  for (const AnswerOption& o : item.options) hi = std::max(hi, o.value);
  return hi;
}

Status ParseOptions(const toml::table& table, std::string_view where, InstrumentItem& item) {
  const toml::node* node = table.get("options");
  if (node == nullptr) return Problem(LineOf(table), where, "options", "missing");
  const toml::array* array = node->as_array();
  if (array == nullptr || (!array->empty() && !array->is_array_of_tables())) {
    return Problem(LineOf(*node), where, "options",
                   "must be a list of { value = …, label = \"…\" } tables");
  }
  if (array->size() < 2) {
    return Problem(LineOf(*node), where, "options", "at least two options are needed");
  }
  for (const toml::node& element : *array) {
    const toml::table& t = *element.as_table();
    if (auto st = CheckKeys(t, kOptionKeys, where); !st) return st;
    AnswerOption option;
    if (auto st =
            ReadInt(t, "value", true, LineOf(t), -kValueLimit, kValueLimit, option.value, where);
        !st) {
      return st;
    }
    if (auto st = ReadString(t, "label", true, LineOf(t), kShortText, option.label, where); !st) {
      return st;
    }
    for (const AnswerOption& seen : item.options) {
      if (seen.value == option.value) {
        return Problem(
            LineOf(t), where, "options",
            "values must be distinct (" + std::to_string(option.value) + " is given twice)");
      }
    }
    item.options.push_back(std::move(option));
  }
  return {};
}

Status ParseItem(const toml::table& table, const std::string& section_where, bool structured,
                 InstrumentItem& item) {
  const std::string where = Where(table, "item", section_where);
  if (auto st = CheckKeys(table, kItemKeys, where); !st) return st;
  const std::uint32_t line = LineOf(table);
  if (auto st = ReadId(table, "id", line, item.id, where); !st) return st;
  if (auto st = ReadString(table, "text", true, line, kLongText, item.text, where); !st) {
    return st;
  }
  std::string kind;
  if (auto st = ReadString(table, "kind", true, line, kShortText, kind, where); !st) return st;
  if (kind == "choice") {
    item.kind = ItemKind::kChoice;
  } else if (kind == "rating") {
    item.kind = ItemKind::kRating;
  } else if (kind == "text") {
    item.kind = ItemKind::kText;
  } else {
    return Problem(LineOf(*table.get("kind")), where, "kind",
                   "unknown '" + kind.substr(0, 40) + "'; expected one of choice, rating, text");
  }
  if (auto st = ReadBool(table, "required", item.required, where); !st) return st;
  // Choice and rating items count toward the total unless they say otherwise; text never does,
  // and a structured instrument has no total at all.
  item.scored = item.kind != ItemKind::kText && !structured;
  if (auto st = ReadBool(table, "scored", item.scored, where); !st) return st;
  if (item.scored && item.kind == ItemKind::kText) {
    return Problem(LineOf(*table.get("scored")), where, "scored", "a text item cannot be scored");
  }
  if (item.scored && structured) {
    return Problem(LineOf(*table.get("scored")), where, "scored",
                   "a structured instrument has no total, so no item is scored");
  }

  if (item.kind != ItemKind::kChoice && table.get("options") != nullptr) {
    return Problem(LineOf(*table.get("options")), where, "options", "only for choice items");
  }
  if (item.kind != ItemKind::kRating) {
    for (std::string_view key : {"min", "max"}) {
      if (table.get(key) != nullptr) {
        return Problem(LineOf(*table.get(key)), where, key, "only for rating items");
      }
    }
  }
  if (item.kind == ItemKind::kChoice) return ParseOptions(table, where, item);
  if (item.kind == ItemKind::kRating) {
    if (auto st = ReadInt(table, "min", true, line, -kValueLimit, kValueLimit, item.min, where);
        !st) {
      return st;
    }
    if (auto st = ReadInt(table, "max", true, line, -kValueLimit, kValueLimit, item.max, where);
        !st) {
      return st;
    }
    if (item.min >= item.max) {
      return Problem(LineOf(*table.get("max")), where, "max",
                     "must be greater than min (" + std::to_string(item.min) + ")");
    }
  }
  return {};
}

Status ParseSections(const toml::table& root, Instrument& instrument) {
  auto tables = TablesOf(root, "section", "");
  if (!tables) return std::unexpected(tables.error());
  if (tables->empty()) {
    return Problem(1, "", "section", "at least one [[section]] with items is needed");
  }
  const bool structured = instrument.kind == InstrumentKind::kStructured;
  std::set<std::string, std::less<>> section_ids;
  std::set<std::string, std::less<>> item_ids;
  for (const toml::table* t : *tables) {
    const std::string where = Where(*t, "section", "section");
    if (auto st = CheckKeys(*t, kSectionKeys, where); !st) return st;
    InstrumentSection section;
    const std::uint32_t line = LineOf(*t);
    if (auto st = ReadId(*t, "id", line, section.id, where); !st) return st;
    if (!section_ids.insert(section.id).second) {
      return Problem(LineOf(*t->get("id")), where, "id",
                     "section '" + section.id + "' is defined twice");
    }
    if (auto st = ReadString(*t, "title", true, line, kLongText, section.title, where); !st) {
      return st;
    }
    if (auto st = ReadString(*t, "help", false, line, kLongText, section.help, where); !st) {
      return st;
    }
    auto items = TablesOf(*t, "item", where);
    if (!items) return std::unexpected(items.error());
    if (items->empty()) {
      return Problem(line, where, "item", "at least one [[section.item]] is needed");
    }
    for (const toml::table* it : *items) {
      InstrumentItem item;
      if (auto st = ParseItem(*it, where, structured, item); !st) return st;
      if (!item_ids.insert(item.id).second) {
        return Problem(LineOf(*it->get("id")), "item '" + item.id + "'", "id",
                       "item '" + item.id + "' is defined twice");
      }
      section.items.push_back(std::move(item));
    }
    instrument.sections.push_back(std::move(section));
  }
  return {};
}

// Bands run low to high, contiguous, from the lowest total to the highest: every total has
// exactly one band.
Status ParseBands(const toml::table& root, Instrument& instrument) {
  auto tables = TablesOf(root, "band", "");
  if (!tables) return std::unexpected(tables.error());
  if (tables->empty()) return {};
  if (!instrument.scored) {
    return Problem(LineOf(*tables->front()), "", "band",
                   "bands need a scored instrument (no item is scored)");
  }
  constexpr int kTotalLimit = 1'000'000;
  for (const toml::table* t : *tables) {
    const std::string where = Where(*t, "band", "band");
    if (auto st = CheckKeys(*t, kBandKeys, where); !st) return st;
    ScoreBand band;
    const std::uint32_t line = LineOf(*t);
    if (auto st = ReadId(*t, "code", line, band.code, where); !st) return st;
    const std::string named = "band '" + band.code + "'";
    if (auto st = ReadString(*t, "label", true, line, kShortText, band.label, named); !st) {
      return st;
    }
    if (auto st = ReadInt(*t, "min", true, line, -kTotalLimit, kTotalLimit, band.min, named); !st) {
      return st;
    }
    if (auto st = ReadInt(*t, "max", true, line, -kTotalLimit, kTotalLimit, band.max, named); !st) {
      return st;
    }
    const std::uint32_t min_line = LineOf(*t->get("min"));
    if (band.max < band.min) {
      return Problem(LineOf(*t->get("max")), named, "max",
                     "must be at least min (" + std::to_string(band.min) + ")");
    }
    for (const ScoreBand& seen : instrument.bands) {
      if (seen.code == band.code) {
        return Problem(LineOf(*t->get("code")), named, "code",
                       "band '" + band.code + "' is defined twice");
      }
    }
    if (instrument.bands.empty()) {
      if (band.min != instrument.total_min) {
        return Problem(min_line, named, "min",
                       "the first band must start at the lowest total, " +
                           std::to_string(instrument.total_min));
      }
    } else {
      const ScoreBand& previous = instrument.bands.back();
      if (band.min > previous.max + 1) {
        const std::string gap =
            band.min == previous.max + 2
                ? std::to_string(previous.max + 1)
                : std::to_string(previous.max + 1) + "–" + std::to_string(band.min - 1);
        return Problem(min_line, named, "min",
                       "bands must be contiguous: no band holds " + gap + " (band '" +
                           previous.code + "' ends at " + std::to_string(previous.max) + ")");
      }
      if (band.min <= previous.max) {
        return Problem(min_line, named, "min",
                       "bands must not overlap: band '" + previous.code + "' already holds " +
                           std::to_string(previous.min) + "–" + std::to_string(previous.max) +
                           " (bands run low to high)");
      }
    }
    instrument.bands.push_back(std::move(band));
  }
  if (instrument.bands.back().max != instrument.total_max) {
    const toml::table& last = *tables->back();
    return Problem(
        LineOf(*last.get("max")), "band '" + instrument.bands.back().code + "'", "max",
        "the last band must end at the highest total, " + std::to_string(instrument.total_max));
  }
  return {};
}

// An item a flag or need reads: it must exist and have a number for an answer, and `at_least`
// must be reachable without every answer reaching it. Flags and needs may read unscored items
// (the SDOH screener has no total, but its positive answers are needs).
// `at_least_line` is where `at_least` is written, or the rule's line when it is left at 1.
Status CheckRuleItem(const Instrument& instrument, const std::string& item_id, int at_least,
                     std::uint32_t item_line, std::string_view item_key,
                     std::uint32_t at_least_line, std::string_view where) {
  const InstrumentItem* item = instrument.FindItem(item_id);
  if (item == nullptr) {
    return Problem(item_line, where, item_key, "no item '" + item_id + "' in this instrument");
  }
  if (item->kind == ItemKind::kText) {
    return Problem(item_line, where, item_key,
                   "item '" + item_id + "' is a text item; only choice and rating items can");
  }
  if (at_least > HighestAnswer(*item)) {
    return Problem(at_least_line, where, "at_least",
                   "item '" + item_id + "' never answers " + std::to_string(at_least) +
                       " (its highest answer is " + std::to_string(HighestAnswer(*item)) + ")");
  }
  if (at_least <= LowestAnswer(*item)) {
    return Problem(at_least_line, where, "at_least",
                   "every answer to item '" + item_id + "' is at least " +
                       std::to_string(at_least) + ", so at_least must be higher");
  }
  return {};
}

Status ParseFlags(const toml::table& root, Instrument& instrument) {
  auto tables = TablesOf(root, "flag", "");
  if (!tables) return std::unexpected(tables.error());
  for (const toml::table* t : *tables) {
    const toml::node* flag_node = t->get("flag");
    const std::string where =
        flag_node != nullptr && flag_node->is_string() && IsId(flag_node->as_string()->get())
            ? "flag '" + flag_node->as_string()->get() + "'"
            : "flag";
    if (auto st = CheckKeys(*t, kFlagKeys, where); !st) return st;
    FlagRule rule;
    const std::uint32_t line = LineOf(*t);
    if (auto st = ReadId(*t, "flag", line, rule.flag, where); !st) return st;
    for (const FlagRule& seen : instrument.flags) {
      if (seen.flag == rule.flag) {
        return Problem(LineOf(*flag_node), where, "flag",
                       "flag '" + rule.flag + "' is defined twice");
      }
    }
    if (auto st = ReadId(*t, "item", line, rule.item, where); !st) return st;
    if (auto st =
            ReadInt(*t, "at_least", false, line, -kValueLimit, kValueLimit, rule.at_least, where);
        !st) {
      return st;
    }
    if (auto st = ReadString(*t, "label", true, line, kShortText, rule.label, where); !st) {
      return st;
    }
    if (auto st = ReadBool(*t, "urgent", rule.urgent, where); !st) return st;
    const std::uint32_t at_least_line =
        t->get("at_least") != nullptr ? LineOf(*t->get("at_least")) : line;
    if (auto st = CheckRuleItem(instrument, rule.item, rule.at_least, LineOf(*t->get("item")),
                                "item", at_least_line, where);
        !st) {
      return st;
    }
    instrument.flags.push_back(std::move(rule));
  }
  return {};
}

Status ParseNeeds(const toml::table& root, Instrument& instrument) {
  auto tables = TablesOf(root, "need", "");
  if (!tables) return std::unexpected(tables.error());
  for (const toml::table* t : *tables) {
    const toml::node* need_node = t->get("need");
    const std::string where =
        need_node != nullptr && need_node->is_string() && IsId(need_node->as_string()->get())
            ? "need '" + need_node->as_string()->get() + "'"
            : "need";
    if (auto st = CheckKeys(*t, kNeedKeys, where); !st) return st;
    NeedRule rule;
    const std::uint32_t line = LineOf(*t);
    if (auto st = ReadId(*t, "need", line, rule.need, where); !st) return st;
    for (const NeedRule& seen : instrument.needs) {
      if (seen.need == rule.need) {
        return Problem(LineOf(*need_node), where, "need",
                       "need '" + rule.need + "' is defined twice");
      }
    }
    if (auto st = ReadString(*t, "label", true, line, kShortText, rule.label, where); !st) {
      return st;
    }
    if (auto st =
            ReadInt(*t, "at_least", false, line, -kValueLimit, kValueLimit, rule.at_least, where);
        !st) {
      return st;
    }
    const toml::node* items = t->get("items");
    if (items == nullptr) return Problem(line, where, "items", "missing");
    const toml::array* array = items->as_array();
    if (array == nullptr || array->empty()) {
      return Problem(LineOf(*items), where, "items", "must be a non-empty list of item ids");
    }
    for (const toml::node& element : *array) {
      if (!element.is_string()) {
        return Problem(LineOf(element), where, "items", "must be a list of item ids");
      }
      const std::string& id = element.as_string()->get();
      if (std::find(rule.items.begin(), rule.items.end(), id) != rule.items.end()) {
        return Problem(LineOf(element), where, "items", "'" + id + "' is listed twice");
      }
      if (auto st = CheckRuleItem(
              instrument, id, rule.at_least, LineOf(element), "items",
              t->get("at_least") != nullptr ? LineOf(*t->get("at_least")) : line, where);
          !st) {
        return st;
      }
      rule.items.push_back(id);
    }
    instrument.needs.push_back(std::move(rule));
  }
  return {};
}

// Level codes are decimal numbers ("0.5", "2.1", "4"), so "level 4 or above" compares across
// instruments (LOCUS 0–6, ASAM 0.5–4).
std::optional<double> LevelNumber(std::string_view code) {
  if (code.empty() || code.size() > 10) return std::nullopt;
  const auto dot = code.find('.');
  const auto digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(code.substr(0, dot))) return std::nullopt;
  if (dot != std::string_view::npos && !digits(code.substr(dot + 1))) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), value);
  if (ec != std::errc() || end != code.data() + code.size()) return std::nullopt;
  return value;
}

Status ParseLevels(const toml::table& root, Instrument& instrument) {
  auto tables = TablesOf(root, "level", "");
  if (!tables) return std::unexpected(tables.error());
  const bool level_of_care = instrument.kind == InstrumentKind::kLevelOfCare;
  if (!level_of_care) {
    if (tables->empty()) return {};
    return Problem(LineOf(*tables->front()), "", "level",
                   "levels are only for level_of_care instruments");
  }
  if (tables->size() < 2) {
    const toml::node* kind = root.get("kind");
    return Problem(tables->empty() ? LineOf(*kind) : LineOf(*tables->front()), "", "level",
                   "a level_of_care instrument needs at least two [[level]] tables");
  }
  double previous = 0;
  for (const toml::table* t : *tables) {
    if (auto st = CheckKeys(*t, kLevelKeys, "level"); !st) return st;
    LevelOfCare level;
    const std::uint32_t line = LineOf(*t);
    if (auto st = ReadString(*t, "code", true, line, 10, level.code, "level"); !st) return st;
    const std::string where = "level '" + level.code + "'";
    const std::uint32_t code_line = LineOf(*t->get("code"));
    const std::optional<double> number = LevelNumber(level.code);
    if (!number) {
      return Problem(code_line, where, "code", "must be a decimal number such as \"2\" or \"3.5\"");
    }
    if (!instrument.levels.empty() && *number <= previous) {
      return Problem(code_line, where, "code",
                     "level codes must increase, low to high: '" + level.code + "' comes after '" +
                         instrument.levels.back().code + "'");
    }
    previous = *number;
    if (auto st = ReadString(*t, "label", true, line, kShortText, level.label, where); !st) {
      return st;
    }
    instrument.levels.push_back(std::move(level));
  }
  return {};
}

}  // namespace

const InstrumentItem* Instrument::FindItem(std::string_view item_id) const {
  for (const InstrumentSection& section : sections) {
    for (const InstrumentItem& item : section.items) {
      if (item.id == item_id) return &item;
    }
  }
  return nullptr;
}

const LevelOfCare* Instrument::FindLevel(std::string_view code) const {
  for (const LevelOfCare& level : levels) {
    if (level.code == code) return &level;
  }
  return nullptr;
}

std::string_view InstrumentKindName(InstrumentKind kind) {
  switch (kind) {
    case InstrumentKind::kScreener: return "screener";
    case InstrumentKind::kStructured: return "structured";
    case InstrumentKind::kLevelOfCare: return "level_of_care";
  }
  return "screener";
}

std::string_view ItemKindName(ItemKind kind) {
  switch (kind) {
    case ItemKind::kChoice: return "choice";
    case ItemKind::kRating: return "rating";
    case ItemKind::kText: return "text";
  }
  return "choice";
}

Result<Instrument> ParseInstrument(std::string_view toml_text) {
  auto parsed = ParseText(toml_text);
  if (!parsed) return std::unexpected(parsed.error());
  const toml::table& root = *parsed;
  if (auto st = CheckKeys(root, kTopKeys, ""); !st) return std::unexpected(st.error());

  Instrument instrument;
  if (auto st = ReadId(root, "id", 1, instrument.id, ""); !st) return std::unexpected(st.error());
  if (auto st = ReadInt(root, "version", true, 1, 1, 1'000'000, instrument.version, ""); !st) {
    return std::unexpected(st.error());
  }
  for (auto [key, required, limit, out] :
       {std::tuple{"title", true, kShortText, &instrument.title},
        std::tuple{"description", false, kLongText, &instrument.description},
        std::tuple{"cite", false, kShortText, &instrument.cite},
        std::tuple{"license", false, kLongText, &instrument.license},
        std::tuple{"total_label", false, kShortText, &instrument.total_label}}) {
    if (auto st = ReadString(root, key, required, 1, limit, *out, ""); !st) {
      return std::unexpected(st.error());
    }
  }
  std::string kind;
  if (auto st = ReadString(root, "kind", true, 1, kShortText, kind, ""); !st) {
    return std::unexpected(st.error());
  }
  if (kind == "screener") {
    instrument.kind = InstrumentKind::kScreener;
  } else if (kind == "structured") {
    instrument.kind = InstrumentKind::kStructured;
  } else if (kind == "level_of_care") {
    instrument.kind = InstrumentKind::kLevelOfCare;
  } else {
    return Problem(LineOf(*root.get("kind")), "", "kind",
                   "unknown '" + kind.substr(0, 40) +
                       "'; expected one of screener, structured, level_of_care");
  }
  if (auto st = ReadBool(root, "pediatric", instrument.pediatric, ""); !st) {
    return std::unexpected(st.error());
  }
  if (auto st = ParseSections(root, instrument); !st) return std::unexpected(st.error());

  // The total is the sum of the scored items, so its range is the sums of their extremes.
  for (const InstrumentSection& section : instrument.sections) {
    for (const InstrumentItem& item : section.items) {
      if (!item.scored) continue;
      instrument.scored = true;
      instrument.total_min += LowestAnswer(item);
      instrument.total_max += HighestAnswer(item);
    }
  }
  if (instrument.kind == InstrumentKind::kLevelOfCare && !instrument.scored) {
    return Problem(LineOf(*root.get("kind")), "", "kind",
                   "a level_of_care instrument needs scored ratings for its composite");
  }
  if (!instrument.scored && root.get("total_label") != nullptr) {
    return Problem(LineOf(*root.get("total_label")), "", "total_label",
                   "only for scored instruments (no item is scored)");
  }
  if (instrument.scored && instrument.total_label.empty()) {
    instrument.total_label =
        instrument.kind == InstrumentKind::kLevelOfCare ? "Composite score" : "Total score";
  }

  if (auto st = ParseBands(root, instrument); !st) return std::unexpected(st.error());
  if (auto st = ParseFlags(root, instrument); !st) return std::unexpected(st.error());
  if (auto st = ParseNeeds(root, instrument); !st) return std::unexpected(st.error());
  if (auto st = ParseLevels(root, instrument); !st) return std::unexpected(st.error());
  return instrument;
}

}  // namespace carecoord
