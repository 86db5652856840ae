// SPDX-License-Identifier: Apache-2.0
#include "store/obligation_repository.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/contact.h"
#include "store/assessment_repository.h"
#include "store/care_plan_repository.h"
#include "store/population_writer.h"
#include "store/sql_queries.h"

namespace carecoord::store {
namespace {

constexpr std::size_t kInsertColumns = 20;
// Rows per INSERT statement, largest first. A fixed set of sizes keeps the statement cache to
// four texts while a batch of n rows takes at most 3 statements per size below the largest
// (on PostgreSQL each statement is a round trip).
constexpr std::array<std::size_t, 4> kRowsPerInsert = {64, 16, 4, 1};

const std::string& InsertSql(std::size_t size_index) {
  static const std::array<std::string, kRowsPerInsert.size()> kSql = [] {
    std::array<std::string, kRowsPerInsert.size()> out;
    for (std::size_t i = 0; i < kRowsPerInsert.size(); ++i) {
      out[i] = MultiRowInsert(sql::kObligationsInsert, kInsertColumns, kRowsPerInsert[i]);
    }
    return out;
  }();
  return kSql[size_index];
}

Value OptValue(const std::optional<Instant>& t) {
  return t ? Value(ToMillis(*t)) : Value(nullptr);
}

// The readers of queries/obligation_facts.sql's column blocks, one per block; each child row
// also has episode_id, which LoadRange groups by.

// `-- columns: episode`.
EpisodeFacts EpisodeFromRow(const std::string& org_id, const Row& r) {
  EpisodeFacts f;
  f.org_id = org_id;
  f.episode_id = r.Text("episode_id");
  f.participant_id = r.Text("participant_id");
  f.program_id = r.Text("program_id");
  f.time_zone = r.Text("time_zone");
  f.status = r.Text("status");
  f.referral_received_at = r.Time("referral_received_at");
  f.started_at = r.Time("started_at");
  f.enrolled_at = r.OptTime("enrolled_at");
  f.ended_at = r.OptTime("ended_at");
  f.coordinator_id = r.Text("coordinator_id");
  f.contacts_per_week = static_cast<int>(r.Int("contacts_per_week"));
  f.schedule_reason = r.Text("schedule_reason");
  return f;
}

// `-- columns: history`.
void AddHistory(EpisodeFacts& f, const Row& r) {
  StatusChangeFact h;
  h.from_status = r.Text("from_status");
  h.to_status = r.Text("to_status");
  h.changed_at = r.Time("changed_at");
  f.history.push_back(std::move(h));
}

// `-- columns: handoff`.
void AddHandoff(EpisodeFacts& f, const Row& r) {
  HandoffFact h;
  h.seq = static_cast<int>(r.Int("seq"));
  h.from_user_id = r.Text("from_user_id");
  h.to_user_id = r.Text("to_user_id");
  h.occurred_at = r.Time("occurred_at");
  h.face_to_face = r.Bool("face_to_face");
  f.handoffs.push_back(std::move(h));
}

// `-- columns: team_member`.
void AddTeamMember(EpisodeFacts& f, const Row& r) {
  TeamMemberFact m;
  m.id = r.Text("id");
  m.role = r.Text("role");
  m.user_id = r.Text("user_id");
  m.start_date = r.Text("start_date");
  m.end_date = r.OptText("end_date");
  f.team.push_back(std::move(m));
}

// `-- columns: contact`. A contact counts from when it was first saved (created_at).
void AddContact(EpisodeFacts& f, const Row& r) {
  ContactFact c;
  c.id = r.Text("id");
  c.occurred_at = r.Time("occurred_at");
  c.recorded_at = r.Time("created_at");
  c.mode = r.Text("mode");
  c.successful = r.Bool("successful");
  c.with_whom = r.Text("with_whom");
  c.by_user_id = r.Text("by_user_id");
  c.by_role = r.Text("by_role");
  c.purposes = SplitCodeList(r.Text("purposes"));
  c.outcome = r.Text("outcome");
  f.contacts.push_back(std::move(c));
}

// `-- columns: transition`.
void AddTransition(EpisodeFacts& f, const Row& r) {
  TransitionFact t;
  t.id = r.Text("id");
  t.level = r.Text("level");
  t.facility = r.Text("facility");
  t.admitted_at = r.Time("admitted_at");
  t.discharged_at = r.OptTime("discharged_at");
  t.medication_needed = r.Bool("medication_needed");
  t.recorded_at = r.Time("created_at");
  f.transitions.push_back(std::move(t));
}

// `-- columns: appointment`. Appointments hang off their transition; the transitions of the
// episode are already loaded.
void AddAppointment(EpisodeFacts& f, const Row& r) {
  const std::string transition_id = r.Text("transition_id");
  for (TransitionFact& t : f.transitions) {
    if (t.id != transition_id) continue;
    AppointmentFact a;
    a.id = r.Text("id");
    a.status = r.Text("status");
    a.scheduled_for = r.OptTime("scheduled_for");
    a.me_notified_at = r.OptTime("me_notified_at");
    a.recorded_at = r.Time("created_at");
    a.provider = r.Text("provider");
    t.appointments.push_back(std::move(a));
    return;
  }
}

// `-- columns: release`.
void AddRelease(EpisodeFacts& f, const Row& r) {
  ReleaseFact c;
  c.id = r.Text("id");
  c.party_name = r.Text("party_name");
  c.party_name_norm = r.Text("party_name_norm");
  c.effective_date = r.Text("effective_date");
  c.expiry_date = r.Text("expiry_date");
  c.revoked_date = r.OptText("revoked_date");
  c.recorded_at = r.Time("created_at");
  f.releases.push_back(std::move(c));
}

using AddFn = void (*)(EpisodeFacts&, const Row&);

// The child tables in load order (appointments after transitions: they attach to them).
struct ChildQuery {
  std::string_view one;    // $1 org, $2 episode
  std::string_view range;  // $1 org, $2 first, $3 last (releases: $2 program, $3 first, $4 last)
  AddFn add;
  bool range_names_program;
};

constexpr std::array<ChildQuery, 7> kChildren = {{
    {sql::kObligationFactsHistory, sql::kObligationFactsHistoryRange, &AddHistory, false},
    {sql::kObligationFactsHandoffs, sql::kObligationFactsHandoffsRange, &AddHandoff, false},
    {sql::kObligationFactsTeam, sql::kObligationFactsTeamRange, &AddTeamMember, false},
    {sql::kObligationFactsContacts, sql::kObligationFactsContactsRange, &AddContact, false},
    {sql::kObligationFactsTransitions, sql::kObligationFactsTransitionsRange, &AddTransition,
     false},
    {sql::kObligationFactsAppointments, sql::kObligationFactsAppointmentsRange, &AddAppointment,
     false},
    {sql::kObligationFactsReleases, sql::kObligationFactsReleasesRange, &AddRelease, true},
}};

// The care plan of the episode and what stratification reads about its participant
// (assessments and discharges of all their episodes, the tier override), from the repositories
// that own those tables. `strata` caches the participant's facts across a range's episodes.
Status LoadPlanAndStratification(
    Connection& conn, const std::string& org_id, EpisodeFacts& f,
    std::unordered_map<std::string, StratificationFacts>* strata = nullptr) {
  auto plan = CarePlanRepository(conn).LoadFact(org_id, f.episode_id);
  if (!plan) return std::unexpected(plan.error());
  f.care_plan = std::move(*plan);
  if (strata != nullptr) {
    if (auto it = strata->find(f.participant_id); it != strata->end()) {
      f.stratification = it->second;
      return {};
    }
  }
  auto facts = AssessmentRepository(conn).LoadStratificationFacts(org_id, f.participant_id);
  if (!facts) return std::unexpected(facts.error());
  f.stratification = std::move(*facts);
  if (strata != nullptr) strata->emplace(f.participant_id, f.stratification);
  return {};
}

Result<std::vector<std::string>> Ids(Connection& conn, std::string_view sql,
                                     std::span<const Value> params) {
  auto rows = conn.Query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<std::string> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(r.Text(0));
  return out;
}

// The columns of queries/obligations.sql's `-- columns: obligation`.
StoredObligation StoredFromRow(const Row& r) {
  StoredObligation s;
  s.episode_id = r.Text("episode_id");
  Obligation& o = s.obligation;
  o.key = r.Text("okey");
  o.rule_id = r.Text("rule_id");
  s.program_id = r.Text("program_id");
  s.participant_id = r.Text("participant_id");
  o.assignee_id = r.Text("assignee_id");
  o.window_start = r.Time("window_start");
  o.due_at = r.Time("due_at");
  o.recurring = r.Bool("recurring");
  o.state = ParseObligationState(r.Text("state")).value_or(ObligationState::kOpen);
  o.resolved_at = r.OptTime("resolved_at");
  o.required = static_cast<int>(r.Int("required"));
  o.counted = static_cast<int>(r.Int("counted"));
  o.explanation = r.Text("explanation");
  o.suggest_mode = r.Text("suggest_mode");
  o.suggest_purpose = r.Text("suggest_purpose");
  o.suggest_with = r.Text("suggest_with");
  s.policy_version = r.Int("policy_version");
  s.evaluated_at = r.Time("evaluated_at");
  return s;
}

// The columns of queries/obligations.sql's `-- columns: compliance_counts`. The sums are
// NUMERIC (read as doubles) on PostgreSQL; Int truncates them.
ComplianceCounts CountsFromRow(const Row& r) {
  ComplianceCounts c;
  c.met = static_cast<int>(r.Int("met"));
  c.excused = static_cast<int>(r.Int("excused"));
  c.missed = static_cast<int>(r.Int("missed"));
  c.overdue = static_cast<int>(r.Int("overdue"));
  c.pending = static_cast<int>(r.Int("pending"));
  return c;
}

Result<std::vector<UserCount>> UserCounts(Connection& conn, std::string_view sql,
                                          std::span<const Value> params, bool with_count) {
  auto rows = conn.Query(sql, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<UserCount> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    out.push_back({r.Text("user_id"), r.Text("display_name"),
                   with_count ? static_cast<int>(r.Int("count")) : 0});
  }
  return out;
}

}  // namespace

Result<std::optional<EpisodeFacts>> ObligationFactsRepository::Load(const std::string& org_id,
                                                                    const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kObligationFactsEpisode, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<EpisodeFacts>();
  EpisodeFacts f = EpisodeFromRow(org_id, rows->front());
  for (const ChildQuery& child : kChildren) {
    auto children = conn_.Query(child.one, params);
    if (!children) return std::unexpected(children.error());
    for (const Row& r : *children) child.add(f, r);
  }
  if (auto st = LoadPlanAndStratification(conn_, org_id, f); !st) {
    return std::unexpected(st.error());
  }
  return std::optional<EpisodeFacts>(std::move(f));
}

Result<std::vector<std::string>> ObligationFactsRepository::EpisodesOfParticipant(
    const std::string& org_id, const std::string& participant_id) {
  const Value params[] = {org_id, participant_id};
  return Ids(conn_, sql::kObligationFactsParticipantEpisodeIds, params);
}

Result<std::vector<std::string>> ObligationFactsRepository::EpisodesOfProgram(
    const std::string& org_id, const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  return Ids(conn_, sql::kObligationFactsProgramEpisodeIds, params);
}

Result<std::vector<EpisodeFacts>> ObligationFactsRepository::LoadRange(
    const std::string& org_id, const std::string& program_id, const std::string& first_id,
    const std::string& last_id) {
  const Value episode_params[] = {org_id, program_id, first_id, last_id};
  auto rows = conn_.Query(sql::kObligationFactsEpisodeRange, episode_params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<EpisodeFacts> out;
  out.reserve(rows->size());
  // By id rather than by merging on order: child rows arrive grouped by episode, but rows of
  // other programs' episodes between the ids are mixed in, and text order is the database's
  // collation, which C++ need not share.
  std::unordered_map<std::string, std::size_t> index;
  index.reserve(rows->size());
  for (const Row& r : *rows) {
    index.emplace(r.Text("episode_id"), out.size());
    out.push_back(EpisodeFromRow(org_id, r));
  }
  if (out.empty()) return out;
  const Value child_params[] = {org_id, first_id, last_id};
  for (const ChildQuery& child : kChildren) {
    auto children = child.range_names_program ? conn_.Query(child.range, episode_params)
                                              : conn_.Query(child.range, child_params);
    if (!children) return std::unexpected(children.error());
    EpisodeFacts* current = nullptr;
    std::string current_id;
    for (const Row& r : *children) {
      const Value& id = r.at("episode_id");
      const auto* text = std::get_if<std::string>(&id);
      if (text == nullptr) continue;
      if (*text != current_id) {
        current_id = *text;
        auto it = index.find(current_id);
        current = it == index.end() ? nullptr : &out[it->second];
      }
      if (current != nullptr) child.add(*current, r);
    }
  }
  // Plans and stratification facts are read per episode (a few queries each), through the
  // repositories that own those tables; a participant's facts are read once per range.
  std::unordered_map<std::string, StratificationFacts> strata;
  for (EpisodeFacts& f : out) {
    if (auto st = LoadPlanAndStratification(conn_, org_id, f, &strata); !st) {
      return std::unexpected(st.error());
    }
  }
  return out;
}

Status ObligationRepository::InsertRows(const std::string& org_id,
                                        std::span<const EpisodeObligationSet> sets,
                                        std::int64_t policy_version, Instant evaluated_at,
                                        std::int64_t* inserted) {
  std::size_t total = 0;
  for (const EpisodeObligationSet& s : sets) total += s.obligations.size();
  if (total == 0) return {};
  std::vector<Value> params;
  params.reserve(std::min(total, kRowsPerInsert[0]) * kInsertColumns);
  std::size_t size_index = 0;
  std::size_t in_batch = 0;
  std::size_t left = total;
  auto batch_size = [&] {
    while (kRowsPerInsert[size_index] > left) ++size_index;
    return kRowsPerInsert[size_index];
  };
  std::size_t want = batch_size();
  for (const EpisodeObligationSet& s : sets) {
    for (const Obligation& o : s.obligations) {
      params.emplace_back(org_id);
      params.emplace_back(s.episode_id);
      params.emplace_back(o.key);
      params.emplace_back(o.rule_id);
      params.emplace_back(s.program_id);
      params.emplace_back(s.participant_id);
      params.emplace_back(o.assignee_id);
      params.emplace_back(ToMillis(o.window_start));
      params.emplace_back(ToMillis(o.due_at));
      params.emplace_back(std::int64_t{o.recurring ? 1 : 0});
      params.emplace_back(std::string(ObligationStateName(o.state)));
      params.push_back(OptValue(o.resolved_at));
      params.emplace_back(std::int64_t{o.required});
      params.emplace_back(std::int64_t{o.counted});
      params.emplace_back(o.explanation);
      params.emplace_back(o.suggest_mode);
      params.emplace_back(o.suggest_purpose);
      params.emplace_back(o.suggest_with);
      params.emplace_back(policy_version);
      params.emplace_back(ToMillis(evaluated_at));
      if (++in_batch < want) continue;
      auto n = conn_.Execute(InsertSql(size_index), params);
      if (!n) return std::unexpected(n.error());
      left -= in_batch;
      if (inserted != nullptr) *inserted += static_cast<std::int64_t>(in_batch);
      in_batch = 0;
      params.clear();
      if (left > 0) want = batch_size();
    }
  }
  return {};
}

Status ObligationRepository::Replace(const std::string& org_id, const EpisodeObligationSet& set,
                                     std::int64_t policy_version, Instant evaluated_at) {
  const Value params[] = {org_id, set.episode_id};
  if (auto n = conn_.Execute(sql::kObligationsDeleteEpisode, params); !n) {
    return std::unexpected(n.error());
  }
  return InsertRows(org_id, std::span(&set, 1), policy_version, evaluated_at, nullptr);
}

Result<std::int64_t> ObligationRepository::ReplaceRange(
    const std::string& org_id, const std::string& program_id, const std::string& first_id,
    const std::string& last_id, std::span<const EpisodeObligationSet> sets,
    std::int64_t policy_version, Instant evaluated_at) {
  const Value params[] = {org_id, program_id, first_id, last_id, ToMillis(evaluated_at)};
  auto newer = Ids(conn_, sql::kObligationsRefreshedAfter, params);
  if (!newer) return std::unexpected(newer.error());
  if (auto n = conn_.Execute(sql::kObligationsDeleteRange, params); !n) {
    return std::unexpected(n.error());
  }
  std::int64_t inserted = 0;
  if (newer->empty()) {
    if (auto st = InsertRows(org_id, sets, policy_version, evaluated_at, &inserted); !st) {
      return std::unexpected(st.error());
    }
    return inserted;
  }
  const std::unordered_set<std::string> skip(newer->begin(), newer->end());
  std::vector<EpisodeObligationSet> kept;
  kept.reserve(sets.size());
  for (const EpisodeObligationSet& s : sets) {
    if (!skip.contains(s.episode_id)) kept.push_back(s);
  }
  if (auto st = InsertRows(org_id, kept, policy_version, evaluated_at, &inserted); !st) {
    return std::unexpected(st.error());
  }
  return inserted;
}

Result<std::vector<StoredObligation>> ObligationRepository::ListEpisode(
    const std::string& org_id, const std::string& episode_id) {
  const Value params[] = {org_id, episode_id};
  auto rows = conn_.Query(sql::kObligationsListEpisode, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredObligation> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(StoredFromRow(r));
  return out;
}

Result<std::vector<StoredObligation>> ObligationRepository::ListProgram(
    const std::string& org_id, const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  auto rows = conn_.Query(sql::kObligationsListProgram, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredObligation> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) out.push_back(StoredFromRow(r));
  return out;
}

Result<std::vector<StoredObligation>> ObligationRepository::Worklist(const std::string& org_id,
                                                                     const std::string& assignee_id,
                                                                     Instant now,
                                                                     Instant due_before) {
  const Value params[] = {org_id, assignee_id, ToMillis(now), ToMillis(due_before)};
  auto rows = conn_.Query(sql::kObligationsWorklist, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<StoredObligation> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    StoredObligation s = StoredFromRow(r);
    s.participant_name = r.Text("given_name");
    const std::string family = r.Text("family_name");
    if (!family.empty()) s.participant_name += (s.participant_name.empty() ? "" : " ") + family;
    s.time_zone = r.Text("time_zone");
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<ComplianceCounts>> ObligationRepository::ComplianceByAssignee(
    const std::string& org_id, const std::string& program_id, Instant after, Instant until,
    Instant now) {
  const Value params[] = {org_id, program_id, ToMillis(after), ToMillis(until), ToMillis(now)};
  auto rows = conn_.Query(sql::kObligationsComplianceByAssignee, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ComplianceCounts> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    ComplianceCounts c = CountsFromRow(r);
    c.assignee_id = r.Text("assignee_id");
    c.assignee_name = r.Text("assignee_name");
    c.rule_id = r.Text("rule_id");
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<ComplianceCounts>> ObligationRepository::ComplianceByRule(
    const std::string& org_id, const std::string& program_id, Instant after, Instant until,
    Instant now) {
  const Value params[] = {org_id, program_id, ToMillis(after), ToMillis(until), ToMillis(now)};
  auto rows = conn_.Query(sql::kObligationsComplianceByRule, params);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ComplianceCounts> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    ComplianceCounts c = CountsFromRow(r);
    c.rule_id = r.Text("rule_id");
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<UserCount>> ObligationRepository::OverdueDeadlines(const std::string& org_id,
                                                                      const std::string& program_id,
                                                                      Instant now) {
  const Value params[] = {org_id, program_id, ToMillis(now)};
  return UserCounts(conn_, sql::kObligationsOverdueDeadlines, params, true);
}

Result<std::vector<UserCount>> ObligationRepository::Caseloads(const std::string& org_id,
                                                               const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  return UserCounts(conn_, sql::kObligationsCaseloads, params, true);
}

Result<std::vector<UserCount>> ObligationRepository::ProgramStaff(const std::string& org_id,
                                                                  const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  return UserCounts(conn_, sql::kObligationsProgramStaff, params, false);
}

Result<std::optional<ProgramInfo>> ObligationRepository::Program(const std::string& org_id,
                                                                 const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  auto rows = conn_.Query(sql::kObligationsProgram, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<ProgramInfo>();
  const Row& r = rows->front();
  return std::optional<ProgramInfo>(
      ProgramInfo{org_id, r.Text("id"), r.Text("name"), r.Text("time_zone")});
}

Result<std::vector<ProgramInfo>> ObligationRepository::AllPrograms() {
  auto rows = conn_.Query(sql::kObligationsAllPrograms);
  if (!rows) return std::unexpected(rows.error());
  std::vector<ProgramInfo> out;
  out.reserve(rows->size());
  for (const Row& r : *rows) {
    out.push_back(ProgramInfo{r.Text("org_id"), r.Text("id"), r.Text("name"), ""});
  }
  return out;
}

Result<std::int64_t> ObligationRepository::PolicyVersionInForce(const std::string& org_id,
                                                                const std::string& program_id) {
  const Value params[] = {org_id, program_id};
  auto row = conn_.QueryOne(sql::kObligationsPolicyVersionInForce, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0);
}

Result<std::int64_t> ObligationRepository::PolicyVersionAt(const std::string& org_id,
                                                           const std::string& program_id,
                                                           Instant at) {
  const Value params[] = {org_id, program_id, ToMillis(at)};
  auto row = conn_.QueryOne(sql::kObligationsPolicyVersionAt, params);
  if (!row) return std::unexpected(row.error());
  return row->Int(0);
}

Result<std::optional<PolicyVersionRecord>> ObligationRepository::GetPolicyVersion(
    const std::string& org_id, const std::string& program_id, std::int64_t version) {
  const Value params[] = {org_id, program_id, version};
  auto rows = conn_.Query(sql::kObligationsPolicyGet, params);
  if (!rows) return std::unexpected(rows.error());
  if (rows->empty()) return std::optional<PolicyVersionRecord>();
  const Row& r = rows->front();
  PolicyVersionRecord p;
  p.org_id = org_id;
  p.program_id = program_id;
  p.version = r.Int("version");
  p.source = r.Text("source");
  p.note = r.Text("note");
  p.created_by = r.Text("created_by");
  p.created_by_name = r.Text("created_by_name");
  p.created_at = r.Time("created_at");
  return std::optional<PolicyVersionRecord>(std::move(p));
}

Status ObligationRepository::InsertPolicyVersion(const PolicyVersionRecord& p) {
  const Value params[] = {p.org_id,     p.program_id,          p.version, p.source, p.note,
                          p.created_by, ToMillis(p.created_at)};
  auto n = conn_.Execute(sql::kObligationsPolicyInsert, params);
  if (!n) return std::unexpected(n.error());
  return {};
}

}  // namespace carecoord::store
