// SPDX-License-Identifier: Apache-2.0
// The synthetic demo population: planning (who is in which status, on whose caseload), staff,
// and the load in large transactions. The people themselves: demo_population_person.cc and
// demo_population_episode.cc.
#include "demo/population.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/core/obligation_engine.h"
#include "demo/demo.h"
#include "demo/population_internal.h"
#include "demo/population_lists.h"
#include "store/org_repository.h"
#include "store/user_repository.h"

namespace carecoord::demo {
namespace {

using population::Fate;
using population::ParticipantPlan;
using population::Rng;
using population::Setup;
using population::StaffMember;

// Caseloads of open episodes (001 §1 "adequate staffing of care coordinators"): the demo
// user's is `first`; the rest is split over generated staff with about `average` each, each
// between 20 and 60 (by construction: n = round(rest / average) keeps rest / n in [28, 57)
// for rest >= 57, and the +-20 % spread keeps every share inside [20, 60]).
std::vector<std::int64_t> Caseloads(std::int64_t total, std::int64_t first, double average,
                                    Rng& rng) {
  std::vector<std::int64_t> out{std::min(first, total)};
  std::int64_t rest = total - out[0];
  if (rest <= 0) return out;
  if (rest < 20) {  // too few for a caseload of their own
    out[0] += rest;
    return out;
  }
  const auto n = std::max<std::int64_t>(1, std::llround(static_cast<double>(rest) / average));
  std::vector<std::int64_t> weights(static_cast<std::size_t>(n));
  std::int64_t sum = 0;
  for (auto& w : weights) sum += (w = rng.Between(80, 120));
  std::int64_t given = 0;
  for (std::int64_t w : weights) {
    out.push_back(rest * w / sum);
    given += out.back();
  }
  for (std::size_t k = 1; given < rest; k = k % static_cast<std::size_t>(n) + 1, ++given) {
    ++out[k];
  }
  return out;
}

// Assigns open episodes (those for which `wants` is true) to staff in order, each up to its
// caseload; returns the staff count.
template <typename Wants, typename Assign>
std::size_t Fill(std::vector<ParticipantPlan>& plans, const std::vector<std::int64_t>& caseloads,
                 Wants wants, Assign assign) {
  std::size_t k = 0;
  std::int64_t filled = 0;
  for (ParticipantPlan& p : plans) {
    if (!wants(p)) continue;
    while (k + 1 < caseloads.size() && filled >= caseloads[k]) {
      ++k;
      filled = 0;
    }
    assign(p, static_cast<std::int32_t>(k));
    ++filled;
  }
  return caseloads.size();
}

struct Plan {
  std::vector<ParticipantPlan> participants;
  std::size_t coordinators = 1, peers = 1, nurses = 1;
};

Plan MakePlan(std::int64_t n, std::uint64_t seed) {
  // Where the current episodes stand: most active, every status present.
  static constexpr int kFateWeights[population::kFateCount] = {2, 12, 42, 6, 25, 5, 8};
  Rng rng(population::StreamSeed(seed, population::kPlanStream, 0));
  Plan plan;
  plan.participants.resize(static_cast<std::size_t>(n));
  std::int64_t open = 0, with_peer = 0, with_nurse = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    ParticipantPlan& p = plan.participants[static_cast<std::size_t>(i)];
    auto r = static_cast<int>(rng.Below(100));
    int fate = 0;
    while (r >= kFateWeights[fate]) r -= kFateWeights[fate++];
    if (i < population::kFateCount) fate = static_cast<int>(i);  // one of each, always
    p.fate = static_cast<Fate>(fate);
    const bool engaged = p.fate == Fate::kActive || p.fate == Fate::kTransitioning;
    // 000: peers alongside coordinators for most engaged participants.
    const bool peer = rng.Chance(engaged ? 0.55 : p.fate == Fate::kEngaging ? 0.4 : 0.5);
    const bool nurse = rng.Chance(0.1);
    const auto any = rng.Next();
    if (population::IsOpen(p.fate)) {
      ++open;
      p.peer = peer && p.fate != Fate::kReferred ? 0 : -1;
      p.nurse = nurse && p.fate != Fate::kReferred ? 0 : -1;
      with_peer += p.peer == 0;
      with_nurse += p.nurse == 0;
      p.coordinator = 0;
    } else {
      // Ended episodes: any staff member; fixed after the staff counts are known.
      // (Encoded as -2 - k until then; -1 stays "none".)
      p.coordinator = -2 - static_cast<std::int32_t>(any % 100'000);
      p.peer = peer ? -2 - static_cast<std::int32_t>((any >> 20) % 100'000) : -1;
      p.nurse = nurse ? -2 - static_cast<std::int32_t>((any >> 40) % 100'000) : -1;
    }
  }
  const auto open_plan = [](const ParticipantPlan& p) { return population::IsOpen(p.fate); };
  plan.coordinators = Fill(plan.participants, Caseloads(open, 35, 38.0, rng), open_plan,
                           [](ParticipantPlan& p, std::int32_t k) { p.coordinator = k; });
  plan.peers = Fill(
      plan.participants, Caseloads(with_peer, 30, 38.0, rng),
      [](const ParticipantPlan& p) { return population::IsOpen(p.fate) && p.peer == 0; },
      [](ParticipantPlan& p, std::int32_t k) { p.peer = k; });
  plan.nurses = Fill(
      plan.participants, Caseloads(with_nurse, 25, 45.0, rng),
      [](const ParticipantPlan& p) { return population::IsOpen(p.fate) && p.nurse == 0; },
      [](ParticipantPlan& p, std::int32_t k) { p.nurse = k; });
  const auto spread = [](std::int32_t v, std::size_t count) {
    return v <= -2 ? static_cast<std::int32_t>(static_cast<std::size_t>(-2 - v) % count) : v;
  };
  for (ParticipantPlan& p : plan.participants) {
    if (population::IsOpen(p.fate)) continue;
    p.coordinator = spread(p.coordinator, plan.coordinators);
    if (p.peer != -1) p.peer = spread(p.peer, plan.peers);
    if (p.nurse != -1) p.nurse = spread(p.nurse, plan.nurses);
  }
  return plan;
}

std::string StaffName(Rng& rng) {
  const population::NameGroup& g = population::PickGroup(rng);
  return std::string(rng.Pick(rng.Chance(0.7) ? g.female : g.male)) + " " + rng.Pick(g.family);
}

// Generated staff after the demo user `first` of the same role.
void AddStaff(std::vector<StaffMember>& staff, StaffMember first, std::size_t count,
              const char* prefix, Role role, const std::string& program_id, Rng& rng,
              std::int64_t created_at, std::int64_t id_ms, store::PopulationWriter& out) {
  staff.push_back(std::move(first));
  for (std::size_t k = 1; k < count; ++k) {
    StaffMember m{rng.Id(id_ms), StaffName(rng)};
    char username[32];
    std::snprintf(username, sizeof username, "demo-%s-%04zu", prefix, k);
    out.Add(store::StaffUserRow{m.id, username, m.name, kDemoStaffPasswordHash, created_at});
    out.Add(store::UserRoleRow{m.id, program_id, std::string(RoleName(role))});
    staff.push_back(std::move(m));
  }
}

Result<StaffMember> DemoUser(store::UserRepository& users, const std::string& org_id,
                             const char* username) {
  CARECOORD_TRY(found, users.FindByUsername(username));
  if (!*found || (*found)->org_id != org_id) {
    return Fail(ErrorCode::kPreconditionFailed, std::string("the demo user '") + username +
                                                    "' is missing; run demo without "
                                                    "--participants first");
  }
  return StaffMember{(*found)->id, (*found)->display_name};
}

}  // namespace

Result<PopulationResult> LoadDemoPopulation(store::Database& db, const app::Clock& clock,
                                            app::AuditLog& audit,
                                            const PopulationOptions& options) {
  if (options.participants < 0 || options.participants > 10'000'000) {
    return Fail(ErrorCode::kInvalidArgument, "participants must be between 0 and 10000000",
                "participants");
  }
  const auto started = std::chrono::steady_clock::now();
  PopulationResult result;
  if (options.participants == 0) return result;
  CARECOORD_TRY(conn, db.Acquire());

  // The demo program and its users (LoadDemo).
  Setup setup;
  setup.seed = options.seed;
  setup.participants = options.participants;
  setup.now_ms = ToMillis(clock.Now());
  std::string org_id;
  StaffMember coordinator, peer, nurse;
  {
    store::OrgRepository orgs(**conn);
    store::UserRepository users(**conn);
    CARECOORD_TRY(org, orgs.FindOrgByName(kDemoOrganization));
    if (!*org) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the demo organization is missing; run demo without --participants first");
    }
    org_id = (*org)->org_id;
    CARECOORD_TRY(program, users.FindProgram(org_id, kDemoProgram));
    if (!*program) return Fail(ErrorCode::kPreconditionFailed, "the demo program is missing");
    setup.program_id = (*program)->id;
    CARECOORD_TRY(supervisor, DemoUser(users, org_id, "supervisor"));
    setup.intake_user_id = supervisor->id;
    auto c = DemoUser(users, org_id, "coordinator");
    auto p = DemoUser(users, org_id, "peer");
    auto n = DemoUser(users, org_id, "nurse");
    if (!c || !p || !n) return std::unexpected((!c ? c : !p ? p : n).error());
    coordinator = std::move(*c), peer = std::move(*p), nurse = std::move(*n);
  }
  CARECOORD_TRY(existing, store::CountParticipants(**conn, org_id));
  if (*existing > 0) {
    result.existing_participants = *existing;
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    return result;
  }

  // "Today" is the last calendar day with daytime hours before now (see Setup::today).
  using population::kDay;
  using population::kHour;
  using population::kMinute;
  setup.today = population::DayOf(setup.now_ms - 5 * kHour);
  if (setup.now_ms - kMinute < setup.today * kDay + 13 * kHour) --setup.today;

  Plan plan = MakePlan(options.participants, options.seed);
  store::PopulationWriter out(**conn, org_id, options.rows_per_insert);
  Rng staff_rng(population::StreamSeed(options.seed, population::kStaffStream, 0));
  const std::int64_t staff_created = setup.now_ms - 1200 * kDay;
  AddStaff(setup.coordinators, coordinator, plan.coordinators, "cc", Role::kCareCoordinator,
           setup.program_id, staff_rng, staff_created, setup.IdTime(-1), out);
  AddStaff(setup.peers, peer, plan.peers, "pss", Role::kPeerSupport, setup.program_id, staff_rng,
           staff_created, setup.IdTime(-1), out);
  AddStaff(setup.nurses, nurse, plan.nurses, "ncm", Role::kNurseCareManager, setup.program_id,
           staff_rng, staff_created, setup.IdTime(-1), out);
  population::GenerateOnCallRota(setup, setup.intake_user_id, out);
  result.coordinators = static_cast<std::int64_t>(setup.coordinators.size());
  result.peers = static_cast<std::int64_t>(setup.peers.size());
  result.nurses = static_cast<std::int64_t>(setup.nurses.size());

  CARECOORD_RETURN_IF_ERROR(out.BeginBulkLoad());
  const std::int64_t n = options.participants;
  const std::int64_t loose = population::LooseReferralCount(n);
  const std::int64_t per_tx = std::max<std::int64_t>(1, options.participants_per_transaction);
  // Flush about every 500 participants (~25,000 rows) to bound memory within a transaction.
  constexpr std::size_t kFlushRows = 25'000;
  std::int64_t done = 0;
  Status st;
  for (std::int64_t from = 0; from < n && st; from += per_tx) {
    const std::int64_t to = std::min(n, from + per_tx);
    st = store::InTransaction(**conn, [&]() -> Status {
      if (from == 0) {
        AuditRecord e;
        e.org_id = org_id;
        e.occurred_at = clock.Now();
        e.actor_id = "system";
        e.actor_username = "carecoord demo";
        e.role = "system";
        e.program_id = setup.program_id;
        e.action = "demo.population";
        e.resource_type = "program";
        e.resource_id = setup.program_id;
        e.outcome = AuditOutcome::kAllowed;
        e.reason = "synthetic population: " + std::to_string(n) + " participants, seed " +
                   std::to_string(options.seed);
        std::vector events{std::move(e)};
        if (auto s = audit.AppendInTransaction(**conn, events); !s) return s;
      }
      for (std::int64_t i = from; i < to; ++i) {
        population::GenerateParticipant(setup, i, plan.participants[static_cast<std::size_t>(i)],
                                        out);
        if (out.buffered() >= kFlushRows) {
          if (auto s = out.Flush(); !s) return s;
        }
      }
      // The referrals that did not become episodes, spread evenly over the transactions.
      for (std::int64_t j = from * loose / n; j < to * loose / n; ++j) {
        population::GenerateLooseReferral(setup, j, out);
      }
      return out.Flush();
    });
    if (st) {
      done = to;
      if (options.progress) options.progress(done);
    }
  }
  (void)out.EndBulkLoad();
  if (!st) {
    Error e = st.error();
    e.message = "synthetic population stopped after " + std::to_string(done) +
                " participants were written: " + e.message;
    return std::unexpected(std::move(e));
  }
  result.created = true;
  result.rows = out.counts();
  // Worklists read materialised obligations: build them now, on the evaluators' own
  // connections (this one goes back to the pool first).
  *conn = store::PooledConnection();
  app::PolicyCache policies;
  auto built =
      app::RebuildProgramObligations(db, policies, org_id, setup.program_id, clock.Now(), 0);
  if (!built) {
    Error e = built.error();
    e.message = "synthetic population loaded, but its obligations were not built: " + e.message;
    return std::unexpected(std::move(e));
  }
  result.obligation_episodes = built->episodes;
  result.obligations = built->obligations;
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return result;
}

}  // namespace carecoord::demo
