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
  CARECOORD_TRY(episodes,
                store::EpisodeRepository(conn).ListForParticipant(org_id, participant_id));
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
  CARECOORD_TRY(program, DecidingProgram(conn, org_id, participant_id));
  CARECOORD_TRY(policy, policies.InForce(conn, org_id, *program));
  CARECOORD_TRY(facts,
                store::AssessmentRepository(conn).LoadStratificationFacts(org_id, participant_id));
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
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{kTierType, "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kReadRiskTier, target));
  CARECOORD_TRY(tier, Compute(uc->conn(), policies_, uc->org(), participant_id, uc->now()));
  uc->Audit(Action::kReadRiskTier, target, "tier " + TierNameOrNone(tier->tier.tier));
  return tier;
}

Result<ParticipantTier> RiskTierService::Override(Context& ctx, const std::string& participant_id,
                                                  const std::optional<std::string>& tier,
                                                  const std::string& reason) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  const Target target{kTierType, "", participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kOverrideRiskTier, target));
  CARECOORD_TRY(before, Compute(uc->conn(), policies_, org, participant_id, now));
  // The role table lets supervisors override; the tier is the deciding program's, so only a
  // supervisor of that program may set it (a supervisor elsewhere may see the participant
  // through a care team).
  if (!SupervisesProgram(ctx.actor, before->program_id)) {
    uc->AuditDenied(Action::kOverrideRiskTier, target, "not a supervisor of the deciding program");
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

  return uc->Write([&]() -> Result<ParticipantTier> {
    store::AssessmentRepository repo(uc->conn());
    // The override in force as of this transaction (another supervisor may have just cleared it).
    CARECOORD_TRY(facts, repo.LoadStratificationFacts(org, participant_id));
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
    CARECOORD_RETURN_IF_ERROR(repo.ReplaceOverride(o, ctx.actor.user_id.value, now));
    // The tier in force sets the contact schedule bounds, in this commit.
    CARECOORD_RETURN_IF_ERROR(refresher_.RefreshParticipant(uc->conn(), org, participant_id, now));
    CARECOORD_TRY(after, Compute(uc->conn(), policies_, org, participant_id, now));
    std::string detail = (tier ? "set: " : "cleared: ") + TierNameOrNone(before->tier.tier) +
                         " -> " + TierNameOrNone(after->tier.tier) + "; reason: " + reason;
    // A clearing names the override it ended.
    const std::string& override_id = tier ? o.id : facts->override->id;
    uc->Audit(Action::kOverrideRiskTier, {kTierType, override_id, participant_id},
              std::move(detail));
    return after;
  });
}

}  // namespace carecoord::app
