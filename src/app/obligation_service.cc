// SPDX-License-Identifier: Apache-2.0
#include "app/obligation_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <ranges>

#include "app/core/access.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "app/episode_service.h"
#include "domain/calendar.h"
#include "domain/ids.h"
#include "store/obligation_repository.h"

namespace carecoord::app {
namespace {

using std::chrono::days;
using std::chrono::milliseconds;

constexpr char kNoProgram[] = "No such program, or it is not one you oversee.";
// Due within this many days of now makes an open window part of this week's work.
constexpr int kWorklistDays = 7;

bool HasRole(const Context& ctx, Role role) {
  return std::ranges::any_of(ctx.actor.roles, [&](const auto& g) { return g.role == role; });
}

// Dashboards and compliance: supervisors of the program; administrators and auditors of the
// organization see every program.
bool OverseesProgram(const Context& ctx, const std::string& program_id) {
  return HasRole(ctx, Role::kAdmin) || HasRole(ctx, Role::kAuditor) ||
         std::ranges::any_of(ctx.actor.roles, [&](const auto& g) {
           return g.role == Role::kSupervisor && g.program_id == program_id;
         });
}

// The program when the actor oversees it, after the runner's role check; anyone else gets the
// answer a missing program gets (kNotFound), audited as denied.
Result<store::ProgramInfo> OverseenProgram(core::UseCase& uc, Action action,
                                           const std::string& program_id) {
  std::optional<store::ProgramInfo> program;
  if (OverseesProgram(uc.ctx(), program_id) && LooksLikeUuid(program_id)) {
    CARECOORD_TRY(found, store::ObligationRepository(uc.conn()).Program(uc.org(), program_id));
    program = std::move(*found);
  }
  if (!program) {
    uc.AuditDenied(action, {"program", program_id, ""}, "not an overseen program");
    return Fail(ErrorCode::kNotFound, kNoProgram);
  }
  return std::move(*program);
}

// The first instant of `date` (YYYY-MM-DD, valid) in `tz`: the earliest instant whose local date
// is not before it. LocalDate is monotonic in the instant, so a binary search over the day
// around UTC midnight finds it, DST transitions included, without a second time zone API.
Result<Instant> StartOfLocalDay(const std::string& date, const std::string& tz) {
  CARECOORD_TRY(utc_midnight, ParseInstant(date, "date"));
  // Every zone's offset is within ±14 h; a day later is safely after.
  std::int64_t lo = ToMillis(*utc_midnight) - 15 * 3'600'000;  // local date before `date`
  std::int64_t hi = ToMillis(*utc_midnight) + 15 * 3'600'000;  // local date `date` or after
  while (hi - lo > 1) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    CARECOORD_TRY(d, LocalDate(FromMillis(mid), tz));
    (*d < date ? lo : hi) = mid;
  }
  return FromMillis(hi);
}

struct MonthSpan {
  std::string month;  // YYYY-MM
  Instant start{};    // first instant of the month, program time zone
  Instant end{};      // first instant of the next month
};

// "YYYY-MM" from 2000-01 to 2199-12 and nothing else.
std::optional<std::pair<int, int>> ParseMonth(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const int month = std::stoi(std::string(text.substr(5, 2)));
  if (year < 2000 || year > 2199 || month < 1 || month > 12) return std::nullopt;
  return std::make_pair(year, month);
}

std::string MonthName(int year, int month) {
  std::string m = std::to_string(month);
  return std::to_string(year) + "-" + (m.size() == 1 ? "0" + m : m);
}

Result<MonthSpan> SpanOf(int year, int month, const std::string& tz) {
  MonthSpan s;
  s.month = MonthName(year, month);
  const int next_year = month == 12 ? year + 1 : year;
  const int next_month = month == 12 ? 1 : month + 1;
  CARECOORD_TRY(start, StartOfLocalDay(s.month + "-01", tz));
  CARECOORD_TRY(end, StartOfLocalDay(MonthName(next_year, next_month) + "-01", tz));
  s.start = *start;
  s.end = *end;
  return s;
}

RuleCompliance ComplianceOf(const PolicyRule* rule, const std::string& rule_id,
                            const store::ComplianceCounts* c) {
  RuleCompliance r;
  r.rule_id = rule_id;
  r.title = rule != nullptr ? rule->title : rule_id;
  if (c != nullptr) {
    r.met = c->met;
    r.excused = c->excused;
    r.missed = c->missed;
    r.overdue = c->overdue;
    r.pending = c->pending;
  }
  const int due = r.met + r.excused + r.missed + r.overdue;
  if (due > 0) r.rate = static_cast<double>(r.met + r.excused) / due;
  return r;
}

// Rules in policy order (enabled ones), then any rule the rows name that the policy no longer
// has, so nothing counted is hidden.
std::vector<RuleCompliance> RulesOf(const Policy& policy,
                                    const std::vector<const store::ComplianceCounts*>& counts) {
  std::vector<RuleCompliance> out;
  auto find = [&](const std::string& id) -> const store::ComplianceCounts* {
    for (const auto* c : counts) {
      if (c->rule_id == id) return c;
    }
    return nullptr;
  };
  for (const PolicyRule& rule : policy.rules) {
    if (rule.enabled) out.push_back(ComplianceOf(&rule, rule.id, find(rule.id)));
  }
  for (const auto* c : counts) {
    const bool listed =
        std::ranges::any_of(out, [&](const auto& r) { return r.rule_id == c->rule_id; });
    if (!listed) out.push_back(ComplianceOf(policy.FindRule(c->rule_id), c->rule_id, c));
  }
  return out;
}

ObligationView ViewOf(const Obligation& o, const Policy& policy, Instant now) {
  ObligationView v;
  v.rule_id = o.rule_id;
  if (const PolicyRule* rule = policy.FindRule(o.rule_id)) {
    v.rule_title = rule->title;
    v.cite = rule->cite;
  } else {
    v.rule_title = o.rule_id;
  }
  v.key = o.key;
  v.assignee_id = o.assignee_id;
  v.window_start = o.window_start;
  v.due_at = o.due_at;
  v.status = std::string(
      ObligationStatusName(StatusAt(o.state, o.recurring, o.window_start, o.due_at, now)));
  v.resolved_at = o.resolved_at;
  v.required = o.required;
  v.counted = o.counted;
  v.explanation = o.explanation;
  v.suggest_mode = o.suggest_mode;
  v.suggest_purpose = o.suggest_purpose;
  v.suggest_with = o.suggest_with;
  return v;
}

}  // namespace

ObligationService::ObligationService(core::Runner& runner, ObligationRefresher& refresher)
    : runner_(runner), refresher_(refresher) {}

Result<Worklist> ObligationService::WorklistFor(Context& ctx) {
  const std::string& user = ctx.actor.user_id.value;
  const Target target{"worklist", user, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadWorklist, target));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(rows, store::ObligationRepository(uc->conn())
                          .Worklist(org, user, now, now + days(kWorklistDays) + milliseconds(1)));
  Worklist out;
  out.as_of = now;
  // A worker's items can come from several programs, each with its policy and calendar.
  std::map<std::string, std::shared_ptr<const Policy>> policies;
  std::map<std::string, std::string> today;
  for (store::StoredObligation& row : *rows) {
    auto& policy = policies[row.program_id];
    if (!policy) {
      CARECOORD_TRY(in_force, refresher_.policies().InForce(uc->conn(), org, row.program_id));
      policy = in_force->policy;
      CARECOORD_TRY(date, LocalDate(now, row.time_zone));
      today[row.program_id] = std::move(*date);
    }
    ObligationView v = ViewOf(row.obligation, *policy, now);
    v.episode_id = std::move(row.episode_id);
    v.participant_id = std::move(row.participant_id);
    v.participant_name = std::move(row.participant_name);
    std::string bucket = "this_week";
    if (v.status == ObligationStatusName(ObligationStatus::kOverdue)) {
      bucket = "overdue";
      ++out.overdue;
    } else {
      // Due today: the window's last instant falls on today's local date.
      CARECOORD_TRY(last_day, LocalDate(v.due_at - milliseconds(1), row.time_zone));
      if (*last_day <= today[row.program_id]) {
        bucket = "today";
        ++out.due_today;
      } else {
        ++out.this_week;
      }
    }
    out.items.push_back(std::move(v));
    out.buckets.push_back(std::move(bucket));
  }
  uc->Audit(Action::kReadWorklist, target, std::to_string(out.items.size()) + " items");
  return out;
}

Result<EpisodeObligations> ObligationService::ForEpisode(Context& ctx,
                                                         const std::string& episode_id,
                                                         std::optional<Instant> as_of) {
  // AuthorizeEpisode does the role check, after the as_of check as before.
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const Instant at = as_of.value_or(now);
  if (at > now) return Fail(ErrorCode::kInvalidArgument, "as_of is in the future", "as_of");
  CARECOORD_TRY(episode,
                AuthorizeEpisode(ctx, uc->conn(), Action::kReadObligations, episode_id, now));
  const std::string& org = uc->org();
  CARECOORD_TRY(facts, store::ObligationFactsRepository(uc->conn()).Load(org, episode->id));
  if (!*facts) return Fail(ErrorCode::kNotFound, "No such episode, or it is not on your caseload.");
  // The rules in force at `at`: an auditor asking about 1 October gets October's policy.
  CARECOORD_TRY(policy, refresher_.policies().InForceAt(uc->conn(), org, episode->program_id, at));
  EpisodeObligations out;
  out.episode_id = episode->id;
  out.as_of = at;
  out.policy_version = policy->version;
  for (const Obligation& o : EvaluateEpisode(*policy->policy, **facts, at)) {
    ObligationView v = ViewOf(o, *policy->policy, at);
    v.episode_id = episode->id;
    v.participant_id = episode->participant_id;
    out.items.push_back(std::move(v));
  }
  uc->Audit(Action::kReadObligations, {"episode", episode->id, episode->participant_id},
            as_of ? "as of " + FormatRfc3339(at) : "");
  return out;
}

Result<ProgramDashboard> ObligationService::Dashboard(Context& ctx, const std::string& program_id,
                                                      std::optional<std::string> month) {
  std::optional<std::pair<int, int>> wanted;
  if (month) {
    wanted = ParseMonth(*month);
    if (!wanted) return Fail(ErrorCode::kInvalidArgument, "month must be YYYY-MM", "month");
  }
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadProgramDashboard, {"program", program_id, ""}));
  const Instant now = uc->now();
  CARECOORD_TRY(program, OverseenProgram(*uc, Action::kReadProgramDashboard, program_id));
  const std::string& org = uc->org();
  if (!wanted) {
    CARECOORD_TRY(today, LocalDate(now, program->time_zone));
    wanted = ParseMonth(today->substr(0, 7));
  }
  CARECOORD_TRY(span, SpanOf(wanted->first, wanted->second, program->time_zone));
  CARECOORD_TRY(policy, refresher_.policies().InForce(uc->conn(), org, program_id));
  store::ObligationRepository repo(uc->conn());
  CARECOORD_TRY(by_assignee,
                repo.ComplianceByAssignee(org, program_id, span->start, span->end, now));
  CARECOORD_TRY(by_rule, repo.ComplianceByRule(org, program_id, span->start, span->end, now));
  CARECOORD_TRY(overdue, repo.OverdueDeadlines(org, program_id, now));
  CARECOORD_TRY(caseloads, repo.Caseloads(org, program_id));
  CARECOORD_TRY(staff, repo.ProgramStaff(org, program_id));

  // Everyone with a worklist in the program: its staff, and whoever holds a caseload or
  // obligations there without (still) holding a role.
  std::map<std::string, CoordinatorRow> rows;
  auto row_of = [&](const std::string& id, const std::string& name) -> CoordinatorRow& {
    CoordinatorRow& r = rows[id];
    r.user_id = id;
    if (r.display_name.empty()) r.display_name = name;
    return r;
  };
  for (const store::UserCount& s : *staff) row_of(s.user_id, s.display_name);
  for (const store::UserCount& c : *caseloads) row_of(c.user_id, c.display_name).caseload = c.count;
  for (const store::UserCount& c : *overdue) row_of(c.user_id, c.display_name).overdue = c.count;
  std::map<std::string, std::vector<const store::ComplianceCounts*>> counts_of;
  for (const store::ComplianceCounts& c : *by_assignee) {
    row_of(c.assignee_id, c.assignee_name).overdue += c.missed;  // this month's missed windows
    counts_of[c.assignee_id].push_back(&c);
  }
  ProgramDashboard out;
  out.program_id = program_id;
  out.month = span->month;
  for (auto& [id, row] : rows) {
    row.rules = RulesOf(*policy->policy, counts_of[id]);
    out.coordinators.push_back(std::move(row));
  }
  std::ranges::sort(out.coordinators, [](const CoordinatorRow& a, const CoordinatorRow& b) {
    return std::tie(a.display_name, a.user_id) < std::tie(b.display_name, b.user_id);
  });
  std::vector<const store::ComplianceCounts*> program_counts;
  for (const store::ComplianceCounts& c : *by_rule) program_counts.push_back(&c);
  out.program = RulesOf(*policy->policy, program_counts);
  uc->Audit(Action::kReadProgramDashboard, {"program", program_id, ""}, "dashboard " + span->month);
  return out;
}

Result<std::vector<ComplianceMonth>> ObligationService::ComplianceHistory(
    Context& ctx, const std::string& program_id, int months) {
  if (months < 1 || months > 24) {
    return Fail(ErrorCode::kInvalidArgument, "months is 1–24", "months");
  }
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadProgramDashboard, {"program", program_id, ""}));
  const Instant now = uc->now();
  CARECOORD_TRY(program, OverseenProgram(*uc, Action::kReadProgramDashboard, program_id));
  const std::string& org = uc->org();
  CARECOORD_TRY(today, LocalDate(now, program->time_zone));
  const auto current = ParseMonth(today->substr(0, 7));
  if (!current) return Fail(ErrorCode::kInternal, "today's date is not a date");
  CARECOORD_TRY(policy, refresher_.policies().InForce(uc->conn(), org, program_id));
  store::ObligationRepository repo(uc->conn());
  std::vector<ComplianceMonth> out;
  out.reserve(static_cast<std::size_t>(months));
  // Oldest first: month index counted from year 0 keeps the arithmetic on whole months.
  const int current_index = current->first * 12 + (current->second - 1);
  for (int i = months - 1; i >= 0; --i) {
    const int index = current_index - i;
    CARECOORD_TRY(span, SpanOf(index / 12, index % 12 + 1, program->time_zone));
    CARECOORD_TRY(counts, repo.ComplianceByRule(org, program_id, span->start, span->end, now));
    std::vector<const store::ComplianceCounts*> ptrs;
    for (const store::ComplianceCounts& c : *counts) ptrs.push_back(&c);
    out.push_back({span->month, RulesOf(*policy->policy, ptrs)});
  }
  uc->Audit(Action::kReadProgramDashboard, {"program", program_id, ""},
            "compliance history " + std::to_string(months) + " months");
  return out;
}

Result<RebuildReport> ObligationService::Rebuild(Context& ctx, const std::string& program_id,
                                                 int threads) {
  const Target target{"program", program_id, ""};
  const std::string& org = ctx.actor.org_id.value;
  Instant now{};
  {
    CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kRebuildObligations, target));
    now = uc->now();
    if (threads < 0 || threads > 64) {
      return Fail(ErrorCode::kInvalidArgument, "threads is 0–64", "threads");
    }
    std::optional<store::ProgramInfo> program;
    if (LooksLikeUuid(program_id)) {
      CARECOORD_TRY(found, store::ObligationRepository(uc->conn()).Program(org, program_id));
      program = std::move(*found);
    }
    if (!program) {
      uc->AuditDenied(Action::kRebuildObligations, target, "no such program");
      return Fail(ErrorCode::kNotFound, kNoProgram);
    }
  }  // the use case ends here: the rebuild takes its own connections from the pool
  const auto started = std::chrono::steady_clock::now();
  // Batch work over the Database (a writer and `threads` readers), so it takes runner_.db().
  auto counts =
      RebuildProgramObligations(runner_.db(), refresher_.policies(), org, program_id, now, threads);
  if (!counts) return std::unexpected(counts.error());
  RebuildReport report;
  report.episodes = counts->episodes;
  report.obligations = counts->obligations;
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  // The rebuild spans many transactions; its event, stamped when the use case began, is
  // written in a transaction of its own once it has finished (a use case would stamp it anew).
  CARECOORD_TRY(conn, runner_.db().Acquire());
  CARECOORD_RETURN_IF_ERROR(store::InTransaction(**conn, [&]() -> Status {
    std::vector events{MakeAuditEvent(ctx, Action::kRebuildObligations, target,
                                      AuditOutcome::kAllowed,
                                      std::to_string(report.episodes) + " episodes, " +
                                          std::to_string(report.obligations) + " obligations",
                                      now)};
    return runner_.audit().AppendInTransaction(**conn, events);
  }));
  return report;
}

}  // namespace carecoord::app
