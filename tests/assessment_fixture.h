// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the assessment and risk tier tests: answers that give a chosen PHQ-9 total,
// recording through the use case, care team members, and reads of the stored rows and the
// worklist. Header-only so it needs no build change.

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "app/core/crypto.h"
#include "episode_fixture.h"
#include "store/care_team_repository.h"

namespace carecoord::tests {

class AssessmentFixture : public EpisodeFixture {
 protected:
  app::AssessmentService& assessments() { return services_->assessments; }

  // PHQ-9 answers whose total is `total` (0–27) with item 9 answered `item9` (0–3, counted in
  // the total): items 1–8 are filled 3 at a time from the first.
  static Answers Phq9(int total, int item9 = 0) {
    Answers a;
    int left = total - item9;
    for (int i = 1; i <= 8; ++i) {
      const int v = std::min(left, 3);
      left -= v;
      a["q" + std::to_string(i)] = Answer{v, ""};
    }
    EXPECT_EQ(left, 0) << "a PHQ-9 total of " << total << " with item 9 = " << item9;
    a["q9"] = Answer{item9, ""};
    return a;
  }

  app::NewAssessment Phq9Assessment(int total, int item9 = 0) {
    app::NewAssessment in;
    in.instrument_id = "phq9";
    in.assessed_at = clock_.Now() - std::chrono::hours(1);
    in.answers = Phq9(total, item9);
    return in;
  }

  // LOCUS ratings (1–5) of the seven dimensions, in file order.
  static Answers Locus(const std::array<int, 7>& ratings) {
    static constexpr std::array<const char*, 7> kDimensions = {"risk_of_harm",
                                                               "functional_status",
                                                               "co_morbidity",
                                                               "recovery_environment_stress",
                                                               "recovery_environment_support",
                                                               "treatment_and_recovery_history",
                                                               "engagement"};
    Answers a;
    for (std::size_t i = 0; i < kDimensions.size(); ++i) a[kDimensions[i]] = Answer{ratings[i], ""};
    return a;
  }

  app::NewAssessment LocusAssessment(const std::array<int, 7>& ratings) {
    app::NewAssessment in;
    in.instrument_id = "locus";
    in.assessed_at = clock_.Now() - std::chrono::hours(1);
    in.respondent = "assessor";
    in.answers = Locus(ratings);
    return in;
  }

  // Records and fails the test when refused.
  AssessmentRecord RecordOk(app::Context& ctx, const std::string& participant_id,
                            const app::NewAssessment& in) {
    auto r = assessments().Record(ctx, participant_id, in);
    EXPECT_TRUE(r) << (r ? "" : r.error().message + " (" + r.error().field + ")");
    return r ? r->assessment : AssessmentRecord{};
  }

  // `username` joins the episode's care team as `role` from the start of the episode.
  void AddToTeam(const SeededEpisode& s, const std::string& username, const std::string& role) {
    auto conn = db().Acquire();
    ASSERT_TRUE(conn);
    const Instant now = clock_.Now();
    CareTeamMemberRecord m;
    m.org_id = org_id_;
    m.id = app::NewId(now);
    m.episode_id = s.episode_id;
    m.participant_id = s.participant_id;
    m.role = role;
    m.user_id = UserIdOf(username);
    m.start_date = AddDays(Today(), -30);
    m.created_at = m.updated_at = now;
    ASSERT_TRUE(store::CareTeamRepository(**conn).Insert(m));
  }

  // A participant with no episode at all.
  std::string SeedParticipantOnly() {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    const Instant now = clock_.Now();
    const std::string id = app::NewId(now);
    const std::vector<store::Value> p = {org_id_, id, ToMillis(now)};
    auto n = (*conn)->Execute(
        "INSERT INTO participants (org_id, id, given_name, family_name, name_norm, family_norm,"
        " birth_date, created_at, updated_at) VALUES ($1, $2, 'Sam', 'Nobody', 'sam nobody',"
        " 'nobody', '2001-06-15', $3, $3)",
        p);
    EXPECT_TRUE(n) << (n ? "" : n.error().message);
    return id;
  }

  std::int64_t Count(const std::string& sql, const std::vector<store::Value>& params) {
    auto conn = db().Acquire();
    EXPECT_TRUE(conn);
    auto row = (*conn)->QueryOne(sql, params);
    EXPECT_TRUE(row) << (row ? "" : row.error().message);
    return row ? row->Int(0) : -1;
  }

  std::int64_t AssessmentRows(const std::string& participant_id) {
    return Count("SELECT COUNT(*) FROM assessments WHERE participant_id = $1", {participant_id});
  }

  std::int64_t ObligationRows(const std::string& episode_id, const std::string& rule_id) {
    return Count("SELECT COUNT(*) FROM obligations WHERE episode_id = $1 AND rule_id = $2",
                 {episode_id, rule_id});
  }

  // The worklist items of `username` for `rule_id` about `participant_id`.
  std::vector<app::ObligationView> WorklistItems(const std::string& username,
                                                 const std::string& rule_id,
                                                 const std::string& participant_id) {
    auto ctx = ContextFor(username);
    auto w = services_->obligations.WorklistFor(ctx);
    EXPECT_TRUE(w) << (w ? "" : w.error().message);
    std::vector<app::ObligationView> out;
    if (!w) return out;
    for (const app::ObligationView& o : w->items) {
      if (o.rule_id == rule_id && o.participant_id == participant_id) out.push_back(o);
    }
    return out;
  }

  // The largest number of contacts any early-engagement week of the episode asks for (the
  // schedule's count in full weeks). -1 when there is none.
  int MaxEarlyEngagementRequired(const std::string& episode_id) {
    return static_cast<int>(
        Count("SELECT COALESCE(MAX(required), -1) FROM obligations WHERE episode_id = $1 AND "
              "rule_id = 'early_engagement'",
              {episode_id}));
  }

  // Whether ctx's read events include one of `action` with `outcome`.
  static bool HasReadEvent(const app::Context& ctx, const std::string& action,
                           AuditOutcome outcome = AuditOutcome::kAllowed) {
    for (const AuditRecord& e : ctx.read_events) {
      if (e.action == action && e.outcome == outcome) return true;
    }
    return false;
  }
};

}  // namespace carecoord::tests
