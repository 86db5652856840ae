// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/error.h"
#include "domain/instrument.h"

namespace carecoord::app {

// The instruments this server administers (the built-in definitions, instruments/*.toml) and
// the determination tables a licensed program installed (docs/assessments.md "Determination
// tables"). Loaded once at start-up, immutable afterwards: safe to read from every thread.
// Non-copyable; movable.
class InstrumentCatalog {
 public:
  // The built-in instruments and the tables in `tables_dir` (every *.toml file in it; "" for
  // none). kInvalidArgument naming the file and its line for a bad definition or table, a table
  // for an unknown instrument, or two tables for one instrument: bad configuration at start-up
  // is fatal (DESIGN §5), so `carecoord serve` exits with this message.
  static Result<InstrumentCatalog> Load(const std::string& tables_dir);
  // The built-in instruments without tables (tests, tools); the built-ins are validated by the
  // domain tests, so this cannot fail.
  static const InstrumentCatalog& BuiltIn();

  InstrumentCatalog(InstrumentCatalog&&) = default;
  InstrumentCatalog& operator=(InstrumentCatalog&&) = default;
  InstrumentCatalog(const InstrumentCatalog&) = delete;
  InstrumentCatalog& operator=(const InstrumentCatalog&) = delete;

  const std::vector<Instrument>& All() const { return instruments_; }  // in file-name order
  const Instrument* Find(std::string_view id) const;
  // The installed table of a level-of-care instrument, or null (the assessor enters the level).
  const DeterminationTable* TableFor(std::string_view instrument_id) const;

 private:
  InstrumentCatalog() = default;
  std::vector<Instrument> instruments_;
  std::map<std::string, DeterminationTable, std::less<>> tables_;
};

}  // namespace carecoord::app
