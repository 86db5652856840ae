// SPDX-License-Identifier: Apache-2.0
// Standardized assessments on both drivers (001 §3, 002; docs/assessments.md "Assessments"):
// the server's score and band are stored, the PHQ-9 safety flag puts an urgent item on the
// accountable coordinator's worklist in the same commit, bad input changes nothing and names the
// field, level of care from the assessor or an installed table, access and audit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "assessment_fixture.h"

namespace carecoord::tests {
namespace {

class AssessmentTest : public AssessmentFixture {};

TEST_P(AssessmentTest, RecordsAPhq9WithTheServersScoreAndBand) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  app::NewAssessment in = Phq9Assessment(12);
  in.notes = "Done by phone.";
  in.answers["difficulty"] = Answer{1, ""};  // not scored: the total stays 12
  const auto a = RecordOk(ctx, s.participant_id, in);
  EXPECT_EQ(a.participant_id, s.participant_id);
  EXPECT_EQ(a.episode_id, s.episode_id);  // the open episode, by default
  EXPECT_EQ(a.instrument_id, "phq9");
  EXPECT_EQ(a.instrument_version, 1);
  EXPECT_EQ(a.instrument_title, "PHQ-9");
  EXPECT_EQ(a.assessed_at, in.assessed_at);
  EXPECT_EQ(a.total, 12);
  EXPECT_EQ(a.band, "moderate");
  EXPECT_EQ(a.band_label, "Moderate");
  EXPECT_TRUE(a.flags.empty());
  EXPECT_TRUE(a.needs.empty());
  EXPECT_EQ(a.recommended_level, "");
  EXPECT_EQ(a.level_source, "");
  EXPECT_EQ(a.respondent, "participant");
  EXPECT_EQ(a.notes, "Done by phone.");
  EXPECT_EQ(a.recorded_by, UserIdOf("care_coordinator"));
  EXPECT_EQ(a.recorded_by_name, "User care_coordinator");
  EXPECT_EQ(a.created_at, clock_.Now());
  ASSERT_EQ(a.answers.size(), 10u);
  EXPECT_EQ(a.answers.at("q1").value, 3);
  EXPECT_EQ(a.answers.at("q5").value, 0);
  EXPECT_EQ(a.answers.at("difficulty").value, 1);
  EXPECT_EQ(AuditCount("assessment.record", a.id), 1);
  {
    // The audit trail says what was found, never the answers.
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto row = (*conn)->QueryOne("SELECT reason FROM audit_events WHERE resource_id = $1",
                                 std::vector<store::Value>{a.id});
    ASSERT_TRUE(row);
    EXPECT_NE(row->Text(0).find("phq9"), std::string::npos) << row->Text(0);
    EXPECT_NE(row->Text(0).find("moderate"), std::string::npos) << row->Text(0);
    EXPECT_EQ(row->Text(0).find("q1"), std::string::npos) << row->Text(0);
  }

  auto got = assessments().Get(ctx, s.participant_id, a.id);
  ASSERT_TRUE(got) << got.error().message;
  EXPECT_EQ(got->band, "moderate");
  EXPECT_EQ(got->answers.size(), 10u);
  EXPECT_TRUE(HasReadEvent(ctx, "assessment.list"));
}

// The band edges of the shipped PHQ-9 (0–4 minimal, 5–9 mild, 10–14 moderate, 15–19
// moderately severe, 20–27 severe).
TEST_P(AssessmentTest, Phq9BandEdges) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const std::pair<int, const char*> cases[] = {{0, "minimal"},
                                               {4, "minimal"},
                                               {5, "mild"},
                                               {9, "mild"},
                                               {10, "moderate"},
                                               {14, "moderate"},
                                               {15, "moderately_severe"},
                                               {19, "moderately_severe"},
                                               {20, "severe"},
                                               {27, "severe"}};
  for (const auto& [total, band] : cases) {
    const int item9 = total == 27 ? 3 : 0;
    const auto a = RecordOk(ctx, s.participant_id, Phq9Assessment(total, item9));
    EXPECT_EQ(a.total, total);
    EXPECT_EQ(a.band, band) << total;
  }
}

// docs/assessments.md: "an assessment raising the urgent safety flag (PHQ-9 item 9) starts a
// deadline at the end of that calendar day for the accountable coordinator".
TEST_P(AssessmentTest, ASafetyFlagPutsAnUrgentItemOnTheCoordinatorsWorklistInTheSameCommit) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("peer_support");
  AddToTeam(s, "peer_support", "peer_support");
  // Item 9 answered 0 raises nothing.
  const auto calm = RecordOk(ctx, s.participant_id, Phq9Assessment(3, 0));
  EXPECT_TRUE(calm.flags.empty());
  EXPECT_TRUE(WorklistItems("care_coordinator", "safety_flag_follow_up", s.participant_id).empty());

  // Item 9 = 1 with a minimal total: the flag is raised whatever the total.
  const auto flagged = RecordOk(ctx, s.participant_id, Phq9Assessment(1, 1));
  EXPECT_EQ(flagged.band, "minimal");
  EXPECT_EQ(flagged.flags, std::vector<std::string>{"safety"});
  const auto items = WorklistItems("care_coordinator", "safety_flag_follow_up", s.participant_id);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].assignee_id, UserIdOf("care_coordinator"));
  EXPECT_EQ(items[0].suggest_purpose, "crisis");
  // Due by the end of the day of the assessment in the program's calendar.
  EXPECT_EQ(LocalDate(items[0].due_at - std::chrono::milliseconds(1), "America/New_York").value(),
            Today());
  EXPECT_LE(items[0].due_at - clock_.Now(), std::chrono::hours(24));
  // The peer who recorded it is not the one it is assigned to.
  EXPECT_TRUE(WorklistItems("peer_support", "safety_flag_follow_up", s.participant_id).empty());
}

TEST_P(AssessmentTest, BadInputChangesNothingAndNamesTheField) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  const auto other = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  const std::int64_t obligations_before =
      Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1", {s.episode_id});

  struct Case {
    const char* what;
    app::NewAssessment in;
    const char* field;
  };
  std::vector<Case> cases;
  auto add = [&](const char* what, const char* field, auto change) {
    app::NewAssessment in = Phq9Assessment(6, 1);  // would raise the safety flag
    change(in);
    cases.push_back({what, std::move(in), field});
  };
  add("unknown instrument", "instrument_id", [](auto& in) { in.instrument_id = "phq10"; });
  add("value not an option", "answers.q1", [](auto& in) { in.answers["q1"] = Answer{4, ""}; });
  add("negative value", "answers.q2", [](auto& in) { in.answers["q2"] = Answer{-1, ""}; });
  add("missing required answer", "answers.q9", [](auto& in) { in.answers.erase("q9"); });
  add("unknown item", "answers.q10", [](auto& in) { in.answers["q10"] = Answer{0, ""}; });
  add("text for a choice", "answers.q3", [](auto& in) {
    in.answers["q3"] = Answer{std::nullopt, "often"};
  });
  add("level on a screener", "recommended_level", [](auto& in) { in.level.recommended = "3"; });
  add("provided level on a screener", "level_provided", [](auto& in) { in.level.provided = "3"; });
  add("respondent", "respondent", [](auto& in) { in.respondent = "neighbour"; });
  add("in the future", "assessed_at",
      [&](auto& in) { in.assessed_at = clock_.Now() + std::chrono::milliseconds(1); });
  // Born 1990-04-02 (America/New_York): noon UTC the day before is before the birth date.
  add("before birth", "assessed_at",
      [](auto& in) { in.assessed_at = ParseInstant("1990-04-01T12:00:00Z", "t").value(); });
  add("notes too long", "notes", [](auto& in) { in.notes = std::string(4001, 'n'); });
  add("another participant's episode", "episode_id",
      [&](auto& in) { in.episode_id = other.episode_id; });
  add("not an episode id", "episode_id", [](auto& in) { in.episode_id = "episode-1"; });
  for (const Case& c : cases) {
    auto r = assessments().Record(ctx, s.participant_id, c.in);
    ASSERT_FALSE(r) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.what << ": " << r.error().message;
    EXPECT_EQ(r.error().field, c.field) << c.what << ": " << r.error().message;
  }
  EXPECT_EQ(AssessmentRows(s.participant_id), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM assessment_answers", {}), 0);
  EXPECT_EQ(ObligationRows(s.episode_id, "safety_flag_follow_up"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1", {s.episode_id}),
            obligations_before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE action = 'assessment.record'", {}), 0);

  // The edges that are accepted: exactly now, the birth date itself, notes of 4000 bytes.
  app::NewAssessment now = Phq9Assessment(6);
  now.assessed_at = clock_.Now();
  now.notes = std::string(4000, 'n');
  RecordOk(ctx, s.participant_id, now);
  app::NewAssessment birthday = Phq9Assessment(6);
  birthday.assessed_at = ParseInstant("1990-04-02T12:00:00Z", "t").value();
  RecordOk(ctx, s.participant_id, birthday);
  EXPECT_EQ(AssessmentRows(s.participant_id), 2);
}

TEST_P(AssessmentTest, TheEpisodeIsTheOneGivenOrTheMostRecentOpenOneOrNone) {
  auto ctx = ContextFor("care_coordinator");
  // Only a closed episode: none by default, but the closed one may be named.
  const auto closed = SeedEpisode("care_coordinator", "closed", 60);
  EXPECT_EQ(RecordOk(ctx, closed.participant_id, Phq9Assessment(2)).episode_id, std::nullopt);
  app::NewAssessment named = Phq9Assessment(2);
  named.episode_id = closed.episode_id;
  EXPECT_EQ(RecordOk(ctx, closed.participant_id, named).episode_id, closed.episode_id);

  // Open episodes in two programs: the one started most recently.
  const auto older = SeedEpisode("care_coordinator", "active", 40);
  const std::string program_b = AddTestProgram(db(), org_id_, "Program B", clock_.Now());
  const std::string newer_id = app::NewId(clock_.Now());
  {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    auto e = store::EpisodeRepository(**conn).Find(org_id_, older.episode_id);
    ASSERT_TRUE(e && *e);
    EpisodeRecord newer = **e;
    newer.id = newer_id;
    newer.program_id = program_b;
    newer.started_at = newer.referral_received_at = clock_.Now() - std::chrono::days(5);
    ASSERT_TRUE(store::EpisodeRepository(**conn).Insert(newer));
  }
  EXPECT_EQ(RecordOk(ctx, older.participant_id, Phq9Assessment(2)).episode_id, newer_id);
}

TEST_P(AssessmentTest, ListsNewestFirstAndFiltersByInstrument) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  app::NewAssessment first = Phq9Assessment(3);
  first.assessed_at = clock_.Now() - std::chrono::hours(50);
  app::NewAssessment latest = Phq9Assessment(13);
  latest.assessed_at = clock_.Now() - std::chrono::hours(2);
  app::NewAssessment middle = LocusAssessment({2, 2, 2, 2, 2, 2, 2});
  middle.level.recommended = "2";
  middle.assessed_at = clock_.Now() - std::chrono::hours(20);
  // Recorded out of order: the list follows assessed_at, not the order of recording.
  const auto a_latest = RecordOk(ctx, s.participant_id, latest);
  const auto a_first = RecordOk(ctx, s.participant_id, first);
  const auto a_middle = RecordOk(ctx, s.participant_id, middle);

  auto all = assessments().List(ctx, s.participant_id, "");
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, a_latest.id);
  EXPECT_EQ((*all)[1].id, a_middle.id);
  EXPECT_EQ((*all)[2].id, a_first.id);
  EXPECT_EQ((*all)[1].answers.size(), 7u);
  EXPECT_EQ((*all)[0].answers.size(), 9u);
  EXPECT_EQ((*all)[0].recorded_by_name, "User care_coordinator");
  auto phq = assessments().List(ctx, s.participant_id, "phq9");
  ASSERT_TRUE(phq);
  ASSERT_EQ(phq->size(), 2u);
  EXPECT_EQ((*phq)[0].id, a_latest.id);
  EXPECT_EQ((*phq)[1].answers.at("q1").value, 3);
  auto none = assessments().List(ctx, s.participant_id, "gad7");
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());

  // Another participant's assessment is not found under this one.
  const auto other = SeedEpisode("care_coordinator", "active", 10);
  auto wrong = assessments().Get(ctx, other.participant_id, a_latest.id);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(HasReadEvent(ctx, "assessment.list", AuditOutcome::kDenied));
  auto junk = assessments().Get(ctx, s.participant_id, "not-an-id");
  ASSERT_FALSE(junk);
  EXPECT_EQ(junk.error().code, ErrorCode::kNotFound);
}

// 001 §3: the recommended level comes from the program's installed grid; without one the
// assessor enters it.
TEST_P(AssessmentTest, LocusWithoutATableTakesTheAssessorsLevel) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  app::NewAssessment in = LocusAssessment({3, 3, 3, 3, 3, 3, 2});
  auto missing = assessments().Record(ctx, s.participant_id, in);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "recommended_level");
  in.level.recommended = "7";  // not a LOCUS level
  auto unknown = assessments().Record(ctx, s.participant_id, in);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().field, "recommended_level");
  in.level.recommended = "4";
  in.level.provided = "3";
  auto no_reason = assessments().Record(ctx, s.participant_id, in);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "variance_reason");
  EXPECT_EQ(AssessmentRows(s.participant_id), 0);

  in.level.variance_reason = "no bed available";
  const auto a = RecordOk(ctx, s.participant_id, in);
  EXPECT_EQ(a.total, 20);
  EXPECT_EQ(a.recommended_level, "4");
  EXPECT_EQ(a.level_source, "assessor");
  EXPECT_EQ(a.level_provided, "3");
  EXPECT_EQ(a.variance_reason, "no bed available");
  EXPECT_EQ(a.respondent, "assessor");

  // The same level provided needs no reason.
  app::NewAssessment same = LocusAssessment({1, 1, 1, 1, 1, 1, 1});
  same.level.recommended = "1";
  same.level.provided = "1";
  EXPECT_EQ(RecordOk(ctx, s.participant_id, same).level_provided, "1");
}

// A made-up grid installed the way `carecoord serve --determination-tables DIR` loads one.
class TableDir {
 public:
  TableDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("carecoord-tables-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
    std::ofstream(path_ / "locus.toml") << R"(instrument = "locus"
instrument_version = 1
name = "Made-up grid for tests"

[[rule]]
level = "6"
rating_at_least = { risk_of_harm = 5 }

[[rule]]
level = "4"
composite_min = 20
composite_max = 27

[[rule]]
level = "1"
)";
  }
  ~TableDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TableDir(const TableDir&) = delete;
  TableDir& operator=(const TableDir&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

TEST_P(AssessmentTest, LocusWithAnInstalledTableStoresTheTablesLevel) {
  const TableDir dir;
  auto catalog = app::InstrumentCatalog::Load(dir.path());
  ASSERT_TRUE(catalog) << catalog.error().message;
  ASSERT_NE(catalog->TableFor("locus"), nullptr);
  app::Services with_table(*runner_, {}, *catalog);
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  auto record = [&](const app::NewAssessment& in) {
    return with_table.assessments.Record(ctx, s.participant_id, in);
  };
  // Composite 20 is the grid's lower edge for level 4; 19 falls through to the catch-all.
  const std::pair<std::array<int, 7>, const char*> cases[] = {
      {{3, 3, 3, 3, 3, 3, 2}, "4"},  // 20
      {{3, 3, 3, 3, 3, 2, 2}, "1"},  // 19
      {{4, 4, 4, 4, 4, 4, 3}, "4"},  // 27
      {{4, 4, 4, 4, 4, 4, 4}, "1"},  // 28
      {{5, 1, 1, 1, 1, 1, 1}, "6"},  // risk of harm 5, whatever the composite
  };
  for (const auto& [ratings, level] : cases) {
    auto r = record(LocusAssessment(ratings));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->assessment.recommended_level, level);
    EXPECT_EQ(r->assessment.level_source, "table");
  }
  // An entered level the table contradicts is refused; the same one is accepted.
  app::NewAssessment contradicts = LocusAssessment({3, 3, 3, 3, 3, 3, 2});
  contradicts.level.recommended = "3";
  auto refused = record(contradicts);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "recommended_level");
  // Provided differently from the table's level: a variance reason is needed.
  app::NewAssessment variance = LocusAssessment({3, 3, 3, 3, 3, 3, 2});
  variance.level.provided = "3";
  auto no_reason = record(variance);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().field, "variance_reason");
  variance.level.variance_reason = "waiting list for level 4";
  auto ok = record(variance);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->assessment.recommended_level, "4");
  EXPECT_EQ(ok->assessment.level_provided, "3");
  EXPECT_EQ(AssessmentRows(s.participant_id), 6);
}

TEST_P(AssessmentTest, AccessFollowsTheRecordsRelationships) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  // No relationship: 404, audited as denied, nothing written.
  AddUser("stranger", Role::kCareCoordinator);
  auto stranger = ContextFor("stranger");
  auto hidden = assessments().Record(stranger, s.participant_id, Phq9Assessment(5));
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(HasReadEvent(stranger, "assessment.record", AuditOutcome::kDenied));
  auto hidden_list = assessments().List(stranger, s.participant_id, "");
  ASSERT_FALSE(hidden_list);
  EXPECT_EQ(hidden_list.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(HasReadEvent(stranger, "assessment.list", AuditOutcome::kDenied));

  // A peer on the care team records; an auditor reads but cannot record.
  AddToTeam(s, "peer_support", "peer_support");
  auto peer = ContextFor("peer_support");
  const auto a = RecordOk(peer, s.participant_id, Phq9Assessment(5));
  EXPECT_EQ(a.recorded_by, UserIdOf("peer_support"));
  auto auditor = ContextFor("auditor");
  auto refused = assessments().Record(auditor, s.participant_id, Phq9Assessment(5));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  auto read = assessments().List(auditor, s.participant_id, "");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(read->size(), 1u);
  EXPECT_EQ(AssessmentRows(s.participant_id), 1);
}

TEST_P(AssessmentTest, AnIdempotencyKeyRecordsOnce) {
  const auto s = SeedEpisode("care_coordinator", "active", 10);
  auto ctx = ContextFor("care_coordinator");
  ctx.idempotency_key = "phq9-visit-1";
  ctx.request_fingerprint = "POST /participants/x/assessments {phq9 12}";
  auto first = assessments().Record(ctx, s.participant_id, Phq9Assessment(12));
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_FALSE(first->replayed);
  auto again = assessments().Record(ctx, s.participant_id, Phq9Assessment(12));
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->replayed);
  EXPECT_EQ(again->assessment.id, first->assessment.id);
  EXPECT_EQ(AssessmentRows(s.participant_id), 1);
  ctx.request_fingerprint = "POST /participants/x/assessments {phq9 20}";
  auto reused = assessments().Record(ctx, s.participant_id, Phq9Assessment(20));
  ASSERT_FALSE(reused);
  EXPECT_EQ(reused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(AssessmentRows(s.participant_id), 1);
}

TEST_P(AssessmentTest, InstrumentsAreListedAndReadWithAnAuditEvent) {
  auto ctx = ContextFor("peer_support");
  auto all = assessments().ListInstruments(ctx);
  ASSERT_TRUE(all) << all.error().message;
  bool has_phq9 = false;
  for (const Instrument& i : **all) has_phq9 = has_phq9 || i.id == "phq9";
  EXPECT_TRUE(has_phq9);
  EXPECT_TRUE(HasReadEvent(ctx, "instrument.list"));
  auto phq9 = assessments().GetInstrument(ctx, "phq9");
  ASSERT_TRUE(phq9) << phq9.error().message;
  EXPECT_EQ((*phq9)->total_max, 27);
  auto unknown = assessments().GetInstrument(ctx, "phq10");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Drivers, AssessmentTest,
                         ::testing::ValuesIn(test_support::DriversUnderTest()),
                         test_support::DriverTestName);

}  // namespace
}  // namespace carecoord::tests
