// SPDX-License-Identifier: Apache-2.0
#include "app/risk_tier_service.h"

#include <algorithm>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "domain/episode_status.h"
#include "store/assessment_repository.h"
#include "store/episode_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxReasonBytes = 1000;
constexpr char kTierType[] = "risk_tier";

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The program whose policy decides the tier: that of the participant's open episode (the most
// recently started when several programs have one open), else of their latest episode. kNotFound
// without any episode: no program, so no tiers.
Result<std::string> DecidingProgram(store::Connection& conn, const std::string& org_id,
                                    const std::string& participant_id) {
  auto episodes = store::EpisodeRepository(conn).ListForParticipant(org_id, participant_id);
  if (!episodes) return std::unexpected(episodes.error());
  if (episodes->empty()) {
    return Fail(ErrorCode::kNotFound,
                "The participant has no episode of care coordination, so no program's policy "
                "gives them a risk tier.");
  }
  // Newest started first (EpisodeRepository).
  for (const EpisodeDetail& d : *episodes) {
    auto status = ParseEpisodeStatus(d.episode.status);
    if (status && !IsTerminal(*status)) return d.episode.program_id;
  }
  return episodes->front().episode.program_id;
}

// The tier as the policy of the deciding program puts it now, with the policy's tier list.
Result<ParticipantTier> Compute(store::Connection& conn, PolicyCache& policies,
                                const std::string& org_id, const std::string& participant_id,
                                Instant now) {
  auto program = DecidingProgram(conn, org_id, participant_id);
  if (!program) return std::unexpected(program.error());
  auto policy = policies.InForce(conn, org_id, *program);
  if (!policy) return std::unexpected(policy.error());
  auto facts = store::AssessmentRepository(conn).LoadStratificationFacts(org_id, participant_id);
  if (!facts) return std::unexpected(facts.error());
  ParticipantTier out;
  out.tier = StratifyParticipant(*policy->policy, *facts, now);
  out.program_id = std::move(*program);
  out.policy_version = static_cast<int>(policy->version);
  for (const RiskTier& t : policy->policy->tiers) {
    out.tier_ids.push_back(t.id);
    out.tier_titles.push_back(t.title);
  }
  return out;
}

bool SupervisesProgram(const Actor& actor, const std::string& program_id) {
  return std::ranges::any_of(actor.roles, [&](const RoleGrant& g) {
    return g.role == Role::kSupervisor && g.program_id == program_id;
  });
}

std::string TierNameOrNone(const std::string& tier) {
  return tier.empty() ? "(none)" : tier;
}

}  // namespace

RiskTierService::RiskTierService(core::Runner& runner, PolicyCache& policies,
                                 ObligationRefresher& refresher)
    : runner_(runner), policies_(policies), refresher_(refresher) {}

Result<ParticipantTier> RiskTierService::Get(Context& ctx, const std::string& participant_id) {
  const Instant now = runner_.clock().Now();
  auto conn = runner_.db().Acquire();
  if (!conn) return std::unexpected(conn.error());
  const Target target{kTierType, "", participant_id};
  if (auto rel = AuthorizeParticipant(ctx, **conn, Action::kReadRiskTier, target, now); !rel) {
    return std::unexpected(rel.error());
  }
  auto tier = Compute(**conn, policies_, ctx.actor.org_id.value, participant_id, now);
  if (!tier) return std::unexpected(tier.error());
  ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kReadRiskTier, target,
                                           AuditOutcome::kAllowed,
                                           "tier " + TierNameOrNone(tier->tier.tier), now));
  return tier;
}

Result<ParticipantTier> RiskTierService::Override(Context& ctx, const std::string& participant_id,
                                                  const std::optional<std::string>& tier,
                                                  const std::string& reason) {
  const Instant now = runner_.clock().Now();
  auto conn = runner_.db().Acquire();
  if (!conn) return std::unexpected(conn.error());
  const std::string& org = ctx.actor.org_id.value;
  const Target target{kTierType, "", participant_id};
  if (auto rel = AuthorizeParticipant(ctx, **conn, Action::kOverrideRiskTier, target, now); !rel) {
    return std::unexpected(rel.error());
  }
  auto before = Compute(**conn, policies_, org, participant_id, now);
  if (!before) return std::unexpected(before.error());
  // The role table lets supervisors override; the tier is the deciding program's, so only a
  // supervisor of that program may set it (a supervisor elsewhere may see the participant
  // through a care team).
  if (!SupervisesProgram(ctx.actor, before->program_id)) {
    ctx.read_events.push_back(MakeAuditEvent(ctx, Action::kOverrideRiskTier, target,
                                             AuditOutcome::kDenied,
                                             "not a supervisor of the deciding program", now));
    return Fail(ErrorCode::kPermissionDenied,
                "Only a supervisor of the program whose policy decides the tier may override it.");
  }
  if (tier && std::ranges::find(before->tier_ids, *tier) == before->tier_ids.end()) {
    std::string ids;
    for (const std::string& id : before->tier_ids) (ids += ids.empty() ? "" : ", ") += id;
    return Fail(ErrorCode::kInvalidArgument,
                "tier must be one of the program policy's tiers" +
                    (ids.empty() ? std::string(" (it has none)") : ": " + ids),
                "tier");
  }
  if (Blank(reason)) {
    return Fail(ErrorCode::kInvalidArgument, "reason is required: say why the tier is overridden",
                "reason");
  }
  if (reason.size() > kMaxReasonBytes) {
    return Fail(ErrorCode::kInvalidArgument, "reason is longer than 1000 bytes", "reason");
  }

  auto written = store::InTransaction(**conn, [&]() -> Result<ParticipantTier> {
    store::AssessmentRepository repo(**conn);
    // The override in force as of this transaction (another supervisor may have just cleared it).
    auto facts = repo.LoadStratificationFacts(org, participant_id);
    if (!facts) return std::unexpected(facts.error());
    if (!tier && !facts->override) {
      return Fail(ErrorCode::kConflict, "no override is in force; there is nothing to clear");
    }
    TierOverrideRecord o;
    o.org_id = org;
    o.participant_id = participant_id;
    if (tier) {
      o.id = NewId(now);
      o.tier = *tier;
      o.reason = reason;
      o.set_by = ctx.actor.user_id.value;
      o.set_at = now;
    }
    if (auto st = repo.ReplaceOverride(o, ctx.actor.user_id.value, now); !st) {
      return std::unexpected(st.error());
    }
    // The tier in force sets the contact schedule bounds, in this commit.
    if (auto st = refresher_.RefreshParticipant(**conn, org, participant_id, now); !st) {
      return std::unexpected(st.error());
    }
    auto after = Compute(**conn, policies_, org, participant_id, now);
    if (!after) return std::unexpected(after.error());
    std::string detail = (tier ? "set: " : "cleared: ") + TierNameOrNone(before->tier.tier) +
                         " -> " + TierNameOrNone(after->tier.tier) + "; reason: " + reason;
    // A clearing names the override it ended.
    const std::string& override_id = tier ? o.id : facts->override->id;
    std::vector events{MakeAuditEvent(ctx, Action::kOverrideRiskTier,
                                      {kTierType, override_id, participant_id},
                                      AuditOutcome::kAllowed, std::move(detail), now)};
    if (auto st = runner_.audit().AppendInTransaction(**conn, events); !st) {
      return std::unexpected(st.error());
    }
    return after;
  });
  return written;
}

}  // namespace carecoord::app
