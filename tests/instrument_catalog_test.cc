// SPDX-License-Identifier: Apache-2.0
// The instrument catalog: the built-in instruments and the determination tables a program
// installs in a directory (`carecoord serve --determination-tables DIR`).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "app/instrument_catalog.h"

namespace carecoord {
namespace {

// The invented tables shipped for tests (tests/data/determination/).
std::string ShippedTestTables() {
  return (std::filesystem::path(__FILE__).parent_path() / "data" / "determination").string();
}

// A temporary directory of table files, removed afterwards.
class TableDir {
 public:
  TableDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("carecoord-catalog-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TableDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TableDir(const TableDir&) = delete;
  TableDir& operator=(const TableDir&) = delete;

  std::string Write(const std::string& name, std::string_view text) const {
    std::ofstream(path_ / name) << text;
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Invented, like the shipped test tables: not the licensed grid.
constexpr std::string_view kLocusTable = R"(instrument = "locus"
instrument_version = 1
name = "Made-up LOCUS grid"

[[rule]]
level = "6"
rating_at_least = { risk_of_harm = 5 }

[[rule]]
level = "1"
)";

std::string MemberOf(const Error& e, std::string_view name) {
  for (const ErrorMember& m : e.members) {
    if (m.name == name) return std::get<std::string>(m.value);
  }
  return "<missing>";
}

TEST(InstrumentCatalogTest, BuiltInsInFileNameOrderWithoutTables) {
  const app::InstrumentCatalog& catalog = app::InstrumentCatalog::BuiltIn();
  std::vector<std::string> ids;
  for (const Instrument& i : catalog.All()) ids.push_back(i.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"asam", "calocus", "gad7", "locus", "pediatric_family",
                                           "phq9", "sdoh"}));
  ASSERT_NE(catalog.Find("phq9"), nullptr);
  EXPECT_EQ(catalog.Find("phq9")->title, "PHQ-9");
  EXPECT_EQ(catalog.Find("phq10"), nullptr);
  EXPECT_EQ(catalog.TableFor("locus"), nullptr);
  // The same object every time.
  EXPECT_EQ(&app::InstrumentCatalog::BuiltIn(), &catalog);

  auto loaded = app::InstrumentCatalog::Load("");
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->All().size(), catalog.All().size());
}

TEST(InstrumentCatalogTest, LoadsTheShippedTestTables) {
  auto catalog = app::InstrumentCatalog::Load(ShippedTestTables());
  ASSERT_TRUE(catalog) << catalog.error().message;
  const DeterminationTable* locus = catalog->TableFor("locus");
  ASSERT_NE(locus, nullptr);
  EXPECT_EQ(locus->name, "Invented LOCUS table for tests (not the licensed grid)");
  ASSERT_NE(catalog->TableFor("calocus"), nullptr);
  EXPECT_EQ(catalog->TableFor("asam"), nullptr);
  EXPECT_EQ(catalog->TableFor("phq9"), nullptr);

  // The invented LOCUS table end to end: ratings → level.
  Answers answers;
  for (const InstrumentSection& s : catalog->Find("locus")->sections) {
    for (const InstrumentItem& item : s.items) answers[item.id].value = 3;  // composite 21
  }
  EXPECT_EQ(RecommendLevel(*locus, answers, 21), "4");
  answers["risk_of_harm"].value = 5;
  EXPECT_EQ(RecommendLevel(*locus, answers, 23), "6");
}

TEST(InstrumentCatalogTest, LoadsEveryTomlFileAndIgnoresOthers) {
  const TableDir dir;
  dir.Write("locus.toml", kLocusTable);
  dir.Write("README.txt", "not a table");
  dir.Write("locus.toml.bak", "instrument = \"nonsense\"");
  auto catalog = app::InstrumentCatalog::Load(dir.path());
  ASSERT_TRUE(catalog) << catalog.error().message;
  ASSERT_NE(catalog->TableFor("locus"), nullptr);
  EXPECT_EQ(catalog->TableFor("locus")->name, "Made-up LOCUS grid");

  // An empty directory installs nothing.
  const TableDir empty;
  auto none = app::InstrumentCatalog::Load(empty.path());
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->TableFor("locus"), nullptr);
}

TEST(InstrumentCatalogTest, ABadTableNamesItsFileLineAndKey) {
  const TableDir dir;
  std::string text(kLocusTable);
  text.replace(text.find("level = \"6\""), 11, "level = \"9\"");
  const std::string path = dir.Write("locus.toml", text);
  auto catalog = app::InstrumentCatalog::Load(dir.path());
  ASSERT_FALSE(catalog);
  const Error& e = catalog.error();
  EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(e.message.rfind(path + ": line 6, rule 1, key 'level': unknown level '9'", 0), 0u)
      << e.message;
  EXPECT_EQ(MemberOf(e, "file"), path);
  EXPECT_EQ(MemberOf(e, "line"), "6");
  EXPECT_EQ(MemberOf(e, "key"), "level");
}

TEST(InstrumentCatalogTest, RejectsTablesForUnknownOrUnscoredInstruments) {
  {
    const TableDir dir;
    std::string text(kLocusTable);
    text.replace(0, 20, "instrument = \"lokus\"");
    const std::string path = dir.Write("lokus.toml", text);
    auto catalog = app::InstrumentCatalog::Load(dir.path());
    ASSERT_FALSE(catalog);
    EXPECT_NE(catalog.error().message.find(
                  path + ": line 1, key 'instrument': no instrument 'lokus'; tables are for "
                         "asam, calocus, locus"),
              std::string::npos)
        << catalog.error().message;
  }
  {
    const TableDir dir;
    std::string text(kLocusTable);
    text.replace(0, 20, "instrument = \"phq9\"");
    dir.Write("phq9.toml", text);
    auto catalog = app::InstrumentCatalog::Load(dir.path());
    ASSERT_FALSE(catalog);
    EXPECT_NE(catalog.error().message.find("'phq9' is not a level_of_care instrument"),
              std::string::npos)
        << catalog.error().message;
  }
}

TEST(InstrumentCatalogTest, RejectsTwoTablesForOneInstrument) {
  const TableDir dir;
  const std::string first = dir.Write("a.toml", kLocusTable);
  const std::string second = dir.Write("b.toml", kLocusTable);
  auto catalog = app::InstrumentCatalog::Load(dir.path());
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(catalog.error().message.find(second +
                                         ": a determination table for 'locus' is "
                                         "already installed from " +
                                         first),
            std::string::npos)
      << catalog.error().message;
}

TEST(InstrumentCatalogTest, RejectsAMissingDirectory) {
  const TableDir dir;
  const std::string file = dir.Write("locus.toml", kLocusTable);
  for (const std::string& bad : {dir.path() + "/nowhere", file}) {
    auto catalog = app::InstrumentCatalog::Load(bad);
    ASSERT_FALSE(catalog) << bad;
    EXPECT_EQ(catalog.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(catalog.error().message.find("'" + bad + "' is not a directory"), std::string::npos)
        << catalog.error().message;
  }
}

TEST(InstrumentCatalogTest, ASyntaxErrorNamesTheFileAndLine) {
  const TableDir dir;
  const std::string path = dir.Write("locus.toml", "instrument = \"locus\"\nname = = 1\n");
  auto catalog = app::InstrumentCatalog::Load(dir.path());
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().message.rfind(path + ": line 2", 0), 0u) << catalog.error().message;
}

}  // namespace
}  // namespace carecoord
