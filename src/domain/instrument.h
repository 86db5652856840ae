// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"

namespace carecoord {

// Standardized instruments as data (001 §3, 002; docs/assessments.md "Instrument files"). An
// instrument is a versioned TOML definition (instruments/*.toml, embedded at build time) of
// sections, items, answer options, scoring, bands, derived flags and needs; FHIR R4 calls it a
// Questionnaire and an administration a QuestionnaireResponse. Scoring is one pure function
// shared by every instrument: no instrument has code of its own.

enum class InstrumentKind {
  kScreener,     // scored questionnaire: PHQ-9, GAD-7, the SDOH screener
  kStructured,   // sections of answers without a total: the pediatric child and family assessment
  kLevelOfCare,  // ratings, a composite and a level of care: LOCUS, CALOCUS, ASAM
};

enum class ItemKind {
  kChoice,  // one of `options` (its value is the answer)
  kRating,  // an integer from `min` to `max` (licensed instruments: the dimension name only)
  kText,    // free text (structured sections)
};

struct AnswerOption {
  int value = 0;
  std::string label;
};

struct InstrumentItem {
  std::string id;    // [a-z][a-z0-9_]{0,39}, unique in the instrument
  std::string text;  // the question, or the dimension's name for licensed instruments
  ItemKind kind = ItemKind::kChoice;
  std::vector<AnswerOption> options;  // kChoice: at least two, distinct values
  int min = 0;                        // kRating
  int max = 0;                        // kRating, > min
  bool required = true;               // an answer must be given
  bool scored = true;                 // counts toward the total (choice and rating items)
};

struct InstrumentSection {
  std::string id;     // unique in the instrument
  std::string title;  // "Social supports"
  std::string help;   // a sentence for the assessor, may be empty
  std::vector<InstrumentItem> items;
};

// A band of the total: [min, max] inclusive. Bands of a scored instrument cover its whole range
// without gaps or overlaps (checked on load).
struct ScoreBand {
  int min = 0;
  int max = 0;
  std::string code;   // "moderately_severe"
  std::string label;  // "Moderately severe"
};

// A flag raised by one answer, whatever the total: PHQ-9 item 9 above 0 raises `safety`.
struct FlagRule {
  std::string flag;   // "safety"
  std::string item;   // the item whose answer raises it
  int at_least = 1;   // raised when the answer is at least this
  std::string label;  // "Thoughts of self-harm reported (item 9)"
  bool urgent = false;
};

// A need a screener identifies (AHC HRSN core domains): positive when any listed item's answer
// is at least `at_least`. Each positive domain becomes a need on the care plan.
struct NeedRule {
  std::string need;   // "housing_instability"
  std::string label;  // "Housing instability"
  std::vector<std::string> items;
  int at_least = 1;
};

// A level of care a level-of-care instrument can recommend. Codes are decimal numbers ordered
// low to high ("0", "1", ..., "6" for LOCUS; "0.5", "1", "2.1", ... for ASAM), so a policy can
// say "level 4 or above" across instruments.
struct LevelOfCare {
  std::string code;
  std::string label;
};

struct Instrument {
  std::string id;  // [a-z][a-z0-9_]{0,39}: "phq9", "gad7", "sdoh", "pediatric_family", "locus"
  int version = 1;
  std::string title;        // "PHQ-9"
  std::string description;  // one sentence
  std::string cite;         // where the guidance asks for it: "001 §3"
  std::string license;      // "public domain", or why only ratings are kept
  InstrumentKind kind = InstrumentKind::kScreener;
  std::vector<InstrumentSection> sections;  // at least one, each with at least one item
  // Scored instruments (screeners and level of care) sum their scored items; total_min and
  // total_max are computed on load.
  bool scored = false;
  int total_min = 0;
  int total_max = 0;
  std::string total_label;  // "Total score", "Composite score"
  std::vector<ScoreBand> bands;
  std::vector<FlagRule> flags;
  std::vector<NeedRule> needs;
  std::vector<LevelOfCare> levels;  // kLevelOfCare only, low to high
  // For children and youth (CALOCUS, the pediatric assessment); shown first for them.
  bool pediatric = false;

  const InstrumentItem* FindItem(std::string_view item_id) const;
  const LevelOfCare* FindLevel(std::string_view code) const;
};

std::string_view InstrumentKindName(InstrumentKind kind);  // "screener", "structured", ...
std::string_view ItemKindName(ItemKind kind);              // "choice", "rating", "text"

// Parses and validates an instrument definition. Any problem is kInvalidArgument naming the
// line and key ("line 14, item 'q9', key 'options': values must be distinct"), with members
// `line` and `key`; unknown keys are errors. Checks: ids, at least one section and item, options
// and ratings well formed, bands contiguous over the total's range, flag and need items exist
// and are choice or rating items (scored or not: the SDOH screener has no total but has needs),
// levels only (and at least two) for level-of-care instruments, numeric level codes in
// increasing order. An instrument is scored when any item is; a structured one has no scored
// item and a level-of-care one needs them.
Result<Instrument> ParseInstrument(std::string_view toml_text);

// The definitions shipped in instruments/*.toml, embedded at build time, in file-name order.
std::vector<std::string_view> BuiltInInstrumentTexts();

// ---- Administering an instrument ----

struct Answer {
  std::optional<int> value;  // choice and rating items
  std::string text;          // text items
};
using Answers = std::map<std::string, Answer, std::less<>>;  // by item id

struct RaisedFlag {
  std::string flag;
  std::string label;
  std::string item;
  bool urgent = false;
};

struct IdentifiedNeed {
  std::string need;
  std::string label;
};

struct Score {
  std::optional<int> total;  // scored instruments
  std::string band;          // "" when the instrument has no bands
  std::string band_label;
  std::vector<RaisedFlag> flags;      // in the order of the instrument's flag rules
  std::vector<IdentifiedNeed> needs;  // in the order of the instrument's need rules
};

// Validates the answers against the instrument and scores them. kInvalidArgument with field
// "answers.<item id>" for an unknown item, a value not among the options or out of the rating
// range, a number for a text item or text for a number item, a missing required answer, a text
// longer than 4000 bytes. Pure: the same answers always give the same score.
Result<Score> ScoreAnswers(const Instrument& instrument, const Answers& answers);

// ---- Level of care (LOCUS, CALOCUS, ASAM) ----

// The grid that turns ratings into a recommended level. The published grids are licensed, so
// carecoord ships none: a licensed program installs its table as configuration (a TOML file per
// instrument, docs/assessments.md "Determination tables"), validated on load. Rules are tried in
// order; the first that matches gives the level.
struct DeterminationRule {
  std::string level;  // one of the instrument's level codes
  std::optional<int> composite_min;
  std::optional<int> composite_max;
  std::map<std::string, int, std::less<>> rating_at_least;  // item → minimum rating
  std::map<std::string, int, std::less<>> rating_at_most;   // item → maximum rating
};

struct DeterminationTable {
  std::string instrument;  // the instrument id it is for
  int instrument_version = 1;
  std::string name;  // "Program X LOCUS grid, 2026"
  std::vector<DeterminationRule> rules;
};

// Parses and validates a table against its instrument (same id and version; levels and items
// must be the instrument's; ratings within their range; the last rule must match everything, so
// every set of ratings gets a level). Errors name line and key, as ParseInstrument's.
Result<DeterminationTable> ParseDeterminationTable(std::string_view toml_text,
                                                   const Instrument& instrument);

// Parses a table against whichever of `instruments` its `instrument` key names (a loader of a
// directory of tables): an id that is none of them, or not a level-of-care instrument, is an
// error naming the line; otherwise as ParseDeterminationTable.
Result<DeterminationTable> ParseDeterminationTableFor(std::string_view toml_text,
                                                      std::span<const Instrument> instruments);

// The level the first matching rule gives (the table is validated to always have one).
std::string RecommendLevel(const DeterminationTable& table, const Answers& answers, int composite);

// What the assessor entered beside the ratings.
struct LevelEntry {
  std::string recommended;  // required when no table is installed; ignored when one is
  std::string provided;     // the level actually provided ("" = not yet decided)
  std::string variance_reason;
};

struct LevelDetermination {
  std::string recommended;
  std::string source;  // "table" or "assessor"
  std::string provided;
  std::string variance_reason;
};

// The recommended level from the table when one is installed (an entered `recommended` that
// differs is kInvalidArgument "recommended_level: the installed table recommends 4"), else the
// assessor's entry (required, one of the instrument's levels). `provided`, when given, must be
// one of the levels, and a provided level different from the recommended one needs a variance
// reason (field "variance_reason"). Fields: "recommended_level", "level_provided",
// "variance_reason".
Result<LevelDetermination> DetermineLevel(const Instrument& instrument,
                                          const DeterminationTable* table, const Answers& answers,
                                          int composite, const LevelEntry& entry);

}  // namespace carecoord
