// SPDX-License-Identifier: Apache-2.0
#include "app/instrument_catalog.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

namespace carecoord::app {
namespace {

// A problem in a file: "<path>: line 9, rule 2, key 'level': …", keeping the domain's `line`
// and `key` members and adding `file`, so an administrator goes straight to it.
Error InFile(const std::string& path, Error error) {
  error.message = path + ": " + error.message;
  error.members.push_back({"file", path});
  return error;
}

std::unexpected<Error> ConfigError(std::string message) {
  return Fail(ErrorCode::kInvalidArgument, std::move(message), "determination_tables");
}

// Installed tables: every regular *.toml file directly in `dir`, in file-name order so that a
// problem is reported the same way on every start.
Result<std::vector<std::filesystem::path>> TableFiles(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return ConfigError("determination tables: '" + dir + "' is not a directory");
  }
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".toml" && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) {
    return ConfigError("determination tables: cannot read '" + dir + "': " + ec.message());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return ConfigError(path.string() + ": cannot be read");
  }
  // A table is a page of rules; anything much larger is not one.
  constexpr std::size_t kMaxBytes = 1 << 20;
  if (text.str().size() > kMaxBytes) {
    return ConfigError(path.string() + ": larger than 1 MiB; not a determination table");
  }
  return text.str();
}

}  // namespace

Result<InstrumentCatalog> InstrumentCatalog::Load(const std::string& tables_dir) {
  InstrumentCatalog catalog;
  const std::vector<std::string_view> texts = BuiltInInstrumentTexts();
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto instrument = ParseInstrument(texts[i]);
    if (!instrument) {
      return std::unexpected(
          InFile("built-in instrument " + std::to_string(i + 1), instrument.error()));
    }
    if (catalog.Find(instrument->id) != nullptr) {
      return Fail(ErrorCode::kInternal,
                  "built-in instrument '" + instrument->id + "' is shipped twice");
    }
    catalog.instruments_.push_back(std::move(*instrument));
  }
  if (tables_dir.empty()) return catalog;

  CARECOORD_TRY(files, TableFiles(tables_dir));
  std::map<std::string, std::string, std::less<>> file_of;  // instrument id → table file
  for (const std::filesystem::path& file : *files) {
    const std::string path = file.string();
    CARECOORD_TRY(text, ReadFile(file));
    auto table = ParseDeterminationTableFor(*text, catalog.instruments_);
    if (!table) return std::unexpected(InFile(path, table.error()));
    if (auto [it, inserted] = file_of.emplace(table->instrument, path); !inserted) {
      return ConfigError(path + ": a determination table for '" + table->instrument +
                         "' is already installed from " + it->second +
                         "; keep one table per instrument");
    }
    catalog.tables_.emplace(table->instrument, std::move(*table));
  }
  return catalog;
}

const InstrumentCatalog& InstrumentCatalog::BuiltIn() {
  // The built-ins are compiled in and checked by the domain tests (EveryBuiltInParses): one that
  // fails to parse here is a broken build, not bad input.
  static const InstrumentCatalog catalog = [] {
    auto loaded = Load("");
    if (!loaded) {
      std::fprintf(stderr, "carecoord: broken built-in instrument: %s\n",
                   loaded.error().message.c_str());
      std::abort();
    }
    return std::move(*loaded);
  }();
  return catalog;
}

const Instrument* InstrumentCatalog::Find(std::string_view id) const {
  for (const Instrument& instrument : instruments_) {
    if (instrument.id == id) return &instrument;
  }
  return nullptr;
}

const DeterminationTable* InstrumentCatalog::TableFor(std::string_view instrument_id) const {
  const auto it = tables_.find(instrument_id);
  return it == tables_.end() ? nullptr : &it->second;
}

}  // namespace carecoord::app
