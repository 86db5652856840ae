// SPDX-License-Identifier: Apache-2.0
#include "app/participant_service.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "app/referral_service.h"
#include "domain/calendar.h"
#include "domain/ids.h"
#include "domain/person_match.h"
#include "domain/referral.h"
#include "store/access_repository.h"
#include "store/participant_repository.h"

namespace carecoord::app {
namespace {

using P = ParticipantRecord;

// The editable text fields of a participant: wire name, column, limits, code list (empty for
// free text). Names as docs/participant-record.md "Participant".
struct FieldRule {
  std::string_view name;
  std::string P::*member;
  std::size_t min_chars;
  std::size_t max_chars;
  std::span<const std::string_view> (*codes)();
};

constexpr std::array<FieldRule, 27> kParticipantFields = {{
    {"given_name", &P::given_name, 1, 100, nullptr},
    {"family_name", &P::family_name, 1, 100, nullptr},
    {"preferred_name", &P::preferred_name, 0, 100, nullptr},
    {"birth_date", &P::birth_date, 1, 10, nullptr},
    {"sex", &P::sex, 0, 20, SexCodes},
    {"gender_identity", &P::gender_identity, 0, 100, nullptr},
    {"pronouns", &P::pronouns, 0, 50, nullptr},
    {"phone", &P::phone, 0, 50, nullptr},
    {"email", &P::email, 0, 254, nullptr},
    {"preferred_contact_method", &P::preferred_contact_method, 0, 20, ContactMethods},
    {"preferred_contact_times", &P::preferred_contact_times, 0, 200, nullptr},
    {"address.line", &P::address_line, 0, 200, nullptr},
    {"address.city", &P::city, 0, 100, nullptr},
    {"address.state", &P::state, 0, 100, nullptr},
    {"address.postal_code", &P::postal_code, 0, 20, nullptr},
    {"living_situation", &P::living_situation, 0, 30, LivingSituations},
    {"preferred_language", &P::preferred_language, 1, 35, nullptr},
    {"cultural_considerations", &P::cultural_considerations, 0, 2000, nullptr},
    {"advance_directive", &P::advance_directive, 0, 2000, nullptr},
    {"health_care_proxy", &P::health_care_proxy, 0, 500, nullptr},
    {"payer", &P::payer, 0, 200, nullptr},
    {"member_id", &P::member_id, 0, 100, nullptr},
    {"primary_care_provider", &P::primary_care_provider, 0, 200, nullptr},
    {"child.school_name", &P::school_name, 0, 200, nullptr},
    {"child.school_grade", &P::school_grade, 0, 50, nullptr},
    {"child.education_plan", &P::education_plan, 0, 2000, nullptr},
    {"child.family_notes", &P::family_notes, 0, 4000, nullptr},
}};

bool HasRole(const Actor& actor, Role role) {
  return std::ranges::any_of(actor.roles, [&](const auto& g) { return g.role == role; });
}

// An audit reason that keeps the emergency access reason of the request (ctx.reason).
std::string WithContextReason(const Context& ctx, const std::string& what) {
  return ctx.reason.empty() ? what : ctx.reason + "; " + what;
}

Status CheckPastDate(const std::string& value, std::string_view field, Instant now) {
  CARECOORD_TRY(d, ParseDate(value, field));
  CARECOORD_TRY(today, LocalDate(now, "UTC"));
  if (*d > *today || *d < "1900-01-01") {
    return Fail(ErrorCode::kInvalidArgument, std::string(field) + " must be a past date after 1900",
                std::string(field));
  }
  return {};
}

// Validates and applies `changes`; returns the wire names changed.
Result<std::string> Apply(P& p, const ParticipantChanges& changes, Instant now) {
  std::string what;
  for (const auto& [name, value] : changes.text) {
    const auto rule = std::ranges::find(kParticipantFields, name, &FieldRule::name);
    if (rule == kParticipantFields.end()) {
      return Fail(ErrorCode::kInvalidArgument, "unknown field '" + name + "'", name);
    }
    if (rule->codes != nullptr) {
      CARECOORD_RETURN_IF_ERROR(CheckCode(value, rule->codes(), name));
    } else if (auto st = CheckText(value, rule->min_chars, rule->max_chars, name); !st) {
      return std::unexpected(st.error());
    }
    if (name == "birth_date") {
      CARECOORD_RETURN_IF_ERROR(CheckPastDate(value, name, now));
    }
    const bool is_name = name == "given_name" || name == "family_name" || name == "member_id";
    p.*(rule->member) = is_name ? TrimSpace(value) : value;
    what += name + " ";
  }
  if (changes.interpreter_needed) {
    p.interpreter_needed = *changes.interpreter_needed;
    what += "interpreter_needed ";
  }
  p.name_norm = NormalizePersonName(p.given_name + " " + p.family_name);
  p.family_norm = NormalizePersonName(p.family_name);
  if (!what.empty()) what.pop_back();
  return what;
}

Status ApplyRelated(RelatedPersonRecord& r, const RelatedPersonInput& in) {
  if (in.name) {
    if (auto st = CheckText(*in.name, 1, 200, "name"); !st) return st;
    r.name = TrimSpace(*in.name);
  }
  if (in.relationship) {
    if (auto st = CheckCode(*in.relationship, Relationships(), "relationship"); !st) return st;
    r.relationship = *in.relationship;
  }
  if (in.roles) {
    if (auto st = CheckCodes(*in.roles, RelatedPersonRoles(), "roles"); !st) return st;
    std::string joined;
    for (const auto& role : *in.roles) joined += (joined.empty() ? "" : " ") + role;
    r.roles = joined;
  }
  if (in.phone) {
    if (auto st = CheckText(*in.phone, 0, 50, "phone"); !st) return st;
    r.phone = *in.phone;
  }
  if (in.email) {
    if (auto st = CheckText(*in.email, 0, 254, "email"); !st) return st;
    r.email = *in.email;
  }
  if (in.notes) {
    if (auto st = CheckText(*in.notes, 0, 4000, "notes"); !st) return st;
    r.notes = *in.notes;
  }
  if (in.active) r.active = *in.active;
  return {};
}

Status CheckLimit(std::int64_t limit) {
  if (limit < 1 || limit > 200)
    return Fail(ErrorCode::kInvalidArgument, "limit must be 1 to 200", "limit");
  return {};
}

}  // namespace

ParticipantService::ParticipantService(core::Runner& runner) : runner_(runner) {}

namespace {

Result<ParticipantView> Load(store::Connection& conn, const std::string& org_id,
                             const std::string& id, Instant now) {
  store::ParticipantRepository repo(conn);
  CARECOORD_TRY(p, repo.Find(org_id, id));
  if (!*p) return Fail(ErrorCode::kNotFound, "No such participant, or it is not on your caseload.");
  ParticipantView view;
  view.participant = std::move(**p);
  CARECOORD_TRY(today, LocalDate(now, "UTC"));
  view.age = AgeOn(view.participant.birth_date, *today);
  CARECOORD_TRY(related, repo.RelatedPersons(org_id, id));
  view.related_persons = std::move(*related);
  CARECOORD_TRY(episodes, repo.EpisodeSummaries(org_id, id));
  view.episodes = std::move(*episodes);
  return view;
}

}  // namespace

Result<ParticipantPage> ParticipantService::Search(Context& ctx, const ParticipantQuery& q) {
  const Target target{"participant", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kSearchParticipants, target));
  CARECOORD_RETURN_IF_ERROR(CheckText(q.q, 0, 200, "q"));
  if (!q.birth_date.empty()) {
    CARECOORD_RETURN_IF_ERROR(ParseDate(q.birth_date, "birth_date"));
  }
  CARECOORD_RETURN_IF_ERROR(CheckText(q.member_id, 0, 100, "member_id"));
  CARECOORD_RETURN_IF_ERROR(CheckLimit(q.limit));
  store::ParticipantSearch search;
  if (!q.cursor.empty()) {
    CARECOORD_TRY(parts, DecodeCursor(q.cursor, 2));
    search.after = std::pair((*parts)[0], (*parts)[1]);
  }
  search.name_prefix = NormalizePersonName(q.q);
  search.birth_date = q.birth_date;
  search.member_id = TrimSpace(q.member_id);
  search.limit = q.limit + 1;
  CARECOORD_TRY(today, ActorToday(ctx, uc->conn(), uc->now()));
  const VisibilityScope scope = ScopeOf(ctx, *today);
  store::SearchScope where{scope.whole_organization, scope.user_id, scope.today};
  CARECOORD_TRY(rows, store::ParticipantRepository(uc->conn()).Search(uc->org(), where, search));
  ParticipantPage out;
  out.items = std::move(*rows);
  if (out.items.size() > static_cast<std::size_t>(q.limit)) {
    out.items.resize(static_cast<std::size_t>(q.limit));
    out.next_cursor = EncodeCursor({out.items.back().family_norm, out.items.back().id});
  }
  uc->Audit(Action::kSearchParticipants, target);
  return out;
}

Result<ParticipantView> ParticipantService::Get(Context& ctx, const std::string& id) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Target target{"participant", id, id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kReadParticipant, target));
  CARECOORD_TRY(view, Load(uc->conn(), uc->org(), id, uc->now()));
  uc->Audit(Action::kReadParticipant, target);
  return view;
}

Result<ParticipantView> ParticipantService::Update(Context& ctx, const std::string& id,
                                                   std::int64_t expected_version,
                                                   const ParticipantChanges& changes) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  const Target target{"participant", id, id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kUpdateParticipant, target));
  store::ParticipantRepository repo(uc->conn());
  const std::string org = uc->org();
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(found, repo.Find(org, id));
    if (!*found)
      return Fail(ErrorCode::kNotFound, "No such participant, or it is not on your caseload.");
    P p = std::move(**found);
    CARECOORD_TRY(what, Apply(p, changes, now));
    if (p.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the participant was changed by someone else (now version " +
                      std::to_string(p.version) + "); reload and try again");
    }
    p.updated_at = now;
    CARECOORD_TRY(ok, repo.Update(p));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the participant was changed by someone else; reload and try again");
    }
    uc->Audit(
        Action::kUpdateParticipant, target,
        WithContextReason(ctx, "changed: " + (what->empty() ? std::string("nothing") : *what)));
    return {};
  }));
  return Load(uc->conn(), org, id, now);
}

Result<RelatedPersonRecord> ParticipantService::AddRelatedPerson(Context& ctx,
                                                                 const std::string& participant_id,
                                                                 const RelatedPersonInput& in) {
  CARECOORD_TRY(uc, runner_.Open(ctx));
  const Instant now = uc->now();
  CARECOORD_RETURN_IF_ERROR(
      uc->RequireParticipant(Action::kWriteRelatedPerson, {"related_person", "", participant_id}));
  if (!in.name) return Fail(ErrorCode::kInvalidArgument, "name is required", "name");
  if (!in.relationship) {
    return Fail(ErrorCode::kInvalidArgument, "relationship is required", "relationship");
  }
  RelatedPersonRecord r;
  r.org_id = uc->org();
  r.id = NewId(now);
  r.participant_id = participant_id;
  CARECOORD_RETURN_IF_ERROR(ApplyRelated(r, in));
  r.created_at = r.updated_at = now;
  store::ParticipantRepository repo(uc->conn());
  CARECOORD_TRY(created, uc->Create("related_person", [&]() -> Result<std::string> {
    CARECOORD_RETURN_IF_ERROR(repo.InsertRelated(r));
    uc->Audit(Action::kWriteRelatedPerson, {"related_person", r.id, participant_id},
              WithContextReason(ctx, "created"));
    return r.id;
  }));
  CARECOORD_TRY(stored, repo.FindRelated(r.org_id, created->id));
  if (!*stored) return Fail(ErrorCode::kNotFound, "no such related person");
  return std::move(**stored);
}

Result<RelatedPersonRecord> ParticipantService::UpdateRelatedPerson(Context& ctx,
                                                                    const std::string& id,
                                                                    std::int64_t expected_version,
                                                                    const RelatedPersonInput& in) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kWriteRelatedPerson, {"related_person", id, ""}));
  const Instant now = uc->now();
  if (!LooksLikeUuid(id)) return Fail(ErrorCode::kNotFound, "no such related person");
  store::ParticipantRepository repo(uc->conn());
  const std::string org = uc->org();
  CARECOORD_TRY(found, repo.FindRelated(org, id));
  if (!*found) return Fail(ErrorCode::kNotFound, "no such related person");
  const Target target{"related_person", id, (*found)->participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kWriteRelatedPerson, target));
  RelatedPersonRecord out;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(again, repo.FindRelated(org, id));
    if (!*again) return Fail(ErrorCode::kNotFound, "no such related person");
    RelatedPersonRecord r = std::move(**again);
    CARECOORD_RETURN_IF_ERROR(ApplyRelated(r, in));
    if (r.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the related person was changed by someone else (now version " +
                      std::to_string(r.version) + "); reload and try again");
    }
    r.updated_at = now;
    CARECOORD_TRY(ok, repo.UpdateRelated(r));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the related person was changed by someone else; reload and try again");
    }
    uc->Audit(Action::kWriteRelatedPerson, target,
              WithContextReason(ctx, r.active ? "updated" : "ended"));
    r.version += 1;
    out = std::move(r);
    return {};
  }));
  return out;
}

Result<EmergencyGrantRow> ParticipantService::RequestEmergencyAccess(
    Context& ctx, const std::string& participant_id, const std::string& reason) {
  const Target target{"participant", participant_id, participant_id};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kRequestEmergencyAccess, target));
  const Instant now = uc->now();
  const std::string why = TrimSpace(reason);
  CARECOORD_RETURN_IF_ERROR(CheckText(why, 10, 500, "reason"));
  if (!LooksLikeUuid(participant_id)) {
    return Fail(ErrorCode::kNotFound, "No such participant.");
  }
  const std::string org = uc->org();
  CARECOORD_TRY(p, store::ParticipantRepository(uc->conn()).Find(org, participant_id));
  if (!*p) {
    uc->AuditDenied(Action::kRequestEmergencyAccess, target, "no such participant");
    return Fail(ErrorCode::kNotFound, "No such participant.");
  }
  store::EmergencyGrant grant;
  grant.org_id = org;
  grant.id = NewId(now);
  grant.user_id = ctx.actor.user_id.value;
  grant.participant_id = participant_id;
  grant.reason = why;
  grant.granted_at = now;
  grant.expires_at = now + kEmergencyAccessDuration;
  CARECOORD_TRY(created, uc->Create("emergency_access", [&]() -> Result<std::string> {
    CARECOORD_RETURN_IF_ERROR(store::AccessRepository(uc->conn()).InsertEmergencyGrant(grant));
    // DESIGN §4: emergency access is flagged and its reason recorded with the event.
    uc->Audit(Action::kRequestEmergencyAccess, {"emergency_access", grant.id, participant_id},
              "emergency access: " + why);
    return grant.id;
  }));
  EmergencyGrantRow out;
  out.id = created->id;
  out.user_id = grant.user_id;
  out.user_name = ctx.actor.display_name;
  out.participant_id = participant_id;
  out.participant_name = (*p)->given_name + " " + (*p)->family_name;
  out.reason = why;
  out.granted_at = grant.granted_at;
  out.expires_at = grant.expires_at;
  return out;
}

Result<EmergencyAccessPage> ParticipantService::ListEmergencyAccess(Context& ctx,
                                                                    std::int64_t limit,
                                                                    const std::string& cursor) {
  const Target target{"emergency_access", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListEmergencyAccess, target));
  CARECOORD_RETURN_IF_ERROR(CheckLimit(limit));
  std::optional<std::pair<std::int64_t, std::string>> before;
  if (!cursor.empty()) {
    CARECOORD_TRY(parts, DecodeCursor(cursor, 2));
    before = std::pair(std::atoll((*parts)[0].c_str()), (*parts)[1]);
  }
  CARECOORD_TRY(rows, store::ParticipantRepository(uc->conn())
                          .EmergencyGrants(uc->org(), HasRole(ctx.actor, Role::kAuditor),
                                           ctx.actor.user_id.value, before, limit + 1));
  EmergencyAccessPage out;
  out.items = std::move(*rows);
  if (out.items.size() > static_cast<std::size_t>(limit)) {
    out.items.resize(static_cast<std::size_t>(limit));
    out.next_cursor =
        EncodeCursor({std::to_string(ToMillis(out.items.back().granted_at)), out.items.back().id});
  }
  uc->Audit(Action::kListEmergencyAccess, target);
  return out;
}

}  // namespace carecoord::app
