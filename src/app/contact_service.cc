// SPDX-License-Identifier: Apache-2.0
#include "app/contact_service.h"

#include <algorithm>
#include <charconv>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "domain/calendar.h"
#include "domain/ids.h"
#include "domain/release_check.h"
#include "store/consent_repository.h"
#include "store/contact_repository.h"

namespace carecoord::app {
namespace {

constexpr char kNoContact[] = "No such contact, or it is not on your caseload.";
constexpr char kNoEpisode[] = "No such episode, or it is not on your caseload.";

Result<store::EpisodeContext> LoadEpisode(store::Connection& conn, const std::string& org_id,
                                          const std::string& episode_id) {
  if (!LooksLikeUuid(episode_id)) return Fail(ErrorCode::kNotFound, kNoEpisode);
  CARECOORD_TRY(e, store::ContactContextRepository(conn).Episode(org_id, episode_id));
  if (!*e) return Fail(ErrorCode::kNotFound, kNoEpisode);
  return std::move(**e);
}

Result<ContactRecord> LoadContact(store::Connection& conn, const std::string& org_id,
                                  const std::string& contact_id) {
  if (!LooksLikeUuid(contact_id)) return Fail(ErrorCode::kNotFound, kNoContact);
  CARECOORD_TRY(c, store::ContactRepository(conn).Get(org_id, contact_id));
  if (!*c) return Fail(ErrorCode::kNotFound, kNoContact);
  return std::move(**c);
}

// The actor's role in the program (their first role when they hold none there, e.g. under
// emergency access).
std::string RoleIn(const Context& ctx, const std::string& program_id) {
  for (const auto& g : ctx.actor.roles) {
    if (g.program_id == program_id) return std::string(RoleName(g.role));
  }
  return ctx.actor.roles.empty() ? "" : std::string(RoleName(ctx.actor.roles.front().role));
}

bool SupervisesProgram(const Context& ctx, const std::string& program_id) {
  return std::ranges::any_of(ctx.actor.roles, [&](const auto& g) {
    return g.role == Role::kSupervisor && g.program_id == program_id;
  });
}

// Linked people must belong to the participant; their recorded name fills an empty party name
// so the release rule can match by name too.
Status ResolveParty(store::Connection& conn, const std::string& org_id,
                    const std::string& participant_id, ContactFields& f) {
  store::ContactContextRepository context(conn);
  if (f.related_person_id) {
    CARECOORD_TRY(name, context.RelatedPersonName(org_id, *f.related_person_id, participant_id));
    if (!*name) {
      return Fail(ErrorCode::kInvalidArgument,
                  "party.related_person_id is not a related person of this participant", "party");
    }
    if (f.party_name.empty()) f.party_name = **name;
  }
  if (f.care_team_member_id) {
    CARECOORD_TRY(name, context.CareTeamMemberName(org_id, *f.care_team_member_id, participant_id));
    if (!*name) {
      return Fail(ErrorCode::kInvalidArgument,
                  "party.care_team_member_id is not on this participant's care team", "party");
    }
    if (f.party_name.empty()) f.party_name = **name;
  }
  return {};
}

Status CheckWhen(Instant occurred_at, Instant now, const store::EpisodeContext& episode) {
  if (occurred_at > now) {
    return Fail(ErrorCode::kInvalidArgument, "occurred_at is in the future", "occurred_at");
  }
  if (occurred_at < episode.referral_received_at) {
    return Fail(ErrorCode::kInvalidArgument,
                "occurred_at is before the episode's referral was received (" +
                    FormatRfc3339(episode.referral_received_at) + ")",
                "occurred_at");
  }
  return {};
}

// 004, 001 §7: a contact with an outside party needs a release covering it on its date.
Status RequireRelease(store::Connection& conn, const std::string& org_id,
                      const store::EpisodeContext& episode, const ContactFields& f,
                      Instant occurred_at) {
  if (!IsOutsideParty(f.with_whom)) return {};
  CARECOORD_TRY(on, LocalDate(occurred_at, episode.time_zone));
  CARECOORD_TRY(stored,
                store::ConsentRepository(conn).ListByParticipant(org_id, episode.participant_id));
  std::vector<Release> releases;
  releases.reserve(stored->size());
  for (const ConsentRecord& c : *stored) {
    Release r;
    r.id = c.id;
    r.party_name = c.party_name;
    r.party_name_norm = c.party_name_norm;
    r.related_person_id = c.related_person_id;
    r.care_team_member_id = c.care_team_member_id;
    r.categories = SplitCodeList(c.categories);
    r.effective_date = c.effective_date;
    r.expiry_date = c.expiry_date;
    r.revoked_date = c.revoked_date;
    releases.push_back(std::move(r));
  }
  Disclosure d;
  d.party_name = f.party_name;
  d.related_person_id = f.related_person_id;
  d.care_team_member_id = f.care_team_member_id;
  d.categories = f.disclosed;
  d.on = *on;
  ReleaseDecision decision = CheckRelease(releases, d);
  if (decision.covered) return {};
  Error e;
  e.code = ErrorCode::kConflict;
  e.message = "No release of information covers this contact: " + decision.why +
              ". Record the participant's signed release first (004).";
  e.type = "release-required";
  e.object_name = "missing";
  e.members.push_back({"party", f.party_name});
  e.members.push_back({"categories", decision.missing_categories});
  e.members.push_back({"on", *on});
  e.members.push_back({"why", decision.why});
  return std::unexpected(std::move(e));
}

std::string WhyOf(const Error& e) {
  for (const ErrorMember& m : e.members) {
    if (m.name == "why") {
      if (const auto* s = std::get_if<std::string>(&m.value)) return *s;
    }
  }
  return e.message;
}

// A refusal of the release rule is audited as denied; the write itself rolled back.
void AuditReleaseRefusal(Context& ctx, Action action, const Error& e, const std::string& contact_id,
                         const std::string& participant_id, Instant now) {
  if (e.type != "release-required") return;
  ctx.read_events.push_back(MakeAuditEvent(ctx, action, {"contact", contact_id, participant_id},
                                           AuditOutcome::kDenied, "release required: " + WhyOf(e),
                                           now));
}

std::string EncodeCursor(const ContactRecord& c) {
  return std::to_string(ToMillis(c.occurred_at)) + "~" + c.id;
}

Result<std::optional<store::ContactCursor>> DecodeCursor(const std::string& text) {
  if (text.empty()) return std::optional<store::ContactCursor>();
  const auto sep = text.find('~');
  std::int64_t ms = 0;
  if (sep != std::string::npos) {
    auto [p, ec] = std::from_chars(text.data(), text.data() + sep, ms);
    if (ec == std::errc() && p == text.data() + sep && LooksLikeUuid(text.substr(sep + 1))) {
      return std::optional<store::ContactCursor>(
          store::ContactCursor{FromMillis(ms), text.substr(sep + 1)});
    }
  }
  return Fail(ErrorCode::kInvalidArgument, "cursor is not one this server handed out", "cursor");
}

// A contact about to be edited or signed, with what the checks found on the way.
struct OwnNote {
  ContactRecord contact;
  store::EpisodeContext episode;
};

// Loads a contact for `action` (edit or sign), after the runner's role check: the participant
// relationship, and then the note's own rule — only its author or a supervisor of the program may
// change it. Denials are audited; a contact the caller may not see is kNotFound.
Result<OwnNote> LoadOwnNote(core::UseCase& uc, Action action, const std::string& contact_id,
                            std::string_view verb) {
  CARECOORD_TRY(contact, LoadContact(uc.conn(), uc.org(), contact_id));
  const Target target{"contact", contact_id, contact->participant_id};
  CARECOORD_RETURN_IF_ERROR(uc.RequireParticipant(action, target));
  CARECOORD_TRY(episode, LoadEpisode(uc.conn(), uc.org(), contact->episode_id));
  if (contact->by_user_id != uc.ctx().actor.user_id.value &&
      !SupervisesProgram(uc.ctx(), episode->program_id)) {
    uc.AuditDenied(action, target, "not the author");
    return Fail(ErrorCode::kPermissionDenied,
                "only the author of a note or a supervisor of the program may " +
                    std::string(verb) + " it");
  }
  return OwnNote{std::move(*contact), std::move(*episode)};
}

}  // namespace

ContactService::ContactService(core::Runner& runner, ObligationRefresher& obligations)
    : runner_(runner), obligations_(obligations) {}

Result<ContactPage> ContactService::List(Context& ctx, const std::string& episode_id, int limit,
                                         const std::string& cursor) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListContacts, {"contact", "", ""}));
  if (limit < 1 || limit > 200) return Fail(ErrorCode::kInvalidArgument, "limit is 1–200", "limit");
  CARECOORD_TRY(after, DecodeCursor(cursor));
  CARECOORD_TRY(episode, LoadEpisode(uc->conn(), uc->org(), episode_id));
  const Target target{"contact", "", episode->participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kListContacts, target));
  CARECOORD_TRY(
      rows,
      store::ContactRepository(uc->conn()).ListByEpisode(uc->org(), episode_id, limit + 1, *after));
  ContactPage page;
  if (rows->size() > static_cast<std::size_t>(limit)) {
    rows->resize(static_cast<std::size_t>(limit));
    page.next_cursor = EncodeCursor(rows->back());
  }
  page.items = std::move(*rows);
  uc->Audit(Action::kListContacts, target, "episode " + episode_id);
  return page;
}

Result<LoggedContact> ContactService::Log(Context& ctx, const std::string& episode_id,
                                          const NewContact& in) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kLogContact, {"contact", "", ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(episode, LoadEpisode(uc->conn(), org, episode_id));
  CARECOORD_RETURN_IF_ERROR(
      uc->RequireParticipant(Action::kLogContact, {"contact", "", episode->participant_id}));
  ContactFields fields = in.fields;
  CARECOORD_RETURN_IF_ERROR(ValidateContact(fields));
  const Instant occurred_at = in.occurred_at.value_or(now);
  CARECOORD_RETURN_IF_ERROR(CheckWhen(occurred_at, now, *episode));
  CARECOORD_RETURN_IF_ERROR(ResolveParty(uc->conn(), org, episode->participant_id, fields));
  auto created = uc->Create("contact", [&]() -> Result<std::string> {
    CARECOORD_RETURN_IF_ERROR(RequireRelease(uc->conn(), org, *episode, fields, occurred_at));
    ContactRecord c;
    c.org_id = org;
    c.id = NewId(now);
    c.episode_id = episode_id;
    c.participant_id = episode->participant_id;
    c.occurred_at = occurred_at;
    c.duration_minutes = fields.duration_minutes;
    c.mode = fields.mode;
    c.setting = fields.setting;
    c.successful = fields.successful;
    c.with_whom = fields.with_whom;
    c.party_name = fields.party_name;
    c.related_person_id = fields.related_person_id;
    c.care_team_member_id = fields.care_team_member_id;
    c.disclosed = JoinCodeList(fields.disclosed);
    c.by_user_id = ctx.actor.user_id.value;
    c.by_role = RoleIn(ctx, episode->program_id);
    c.purposes = JoinCodeList(fields.purposes);
    c.outcome = fields.outcome;
    c.narrative = fields.narrative;
    if (in.sign) {
      c.signed_at = now;
      c.signed_by = ctx.actor.user_id.value;
    }
    c.created_at = c.updated_at = now;
    CARECOORD_RETURN_IF_ERROR(store::ContactRepository(uc->conn()).Insert(c));
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), org, episode_id, now));
    uc->Audit(Action::kLogContact, {"contact", c.id, c.participant_id},
              in.sign ? "signed on save" : "");
    return c.id;
  });
  if (!created) {
    AuditReleaseRefusal(ctx, Action::kLogContact, created.error(), "", episode->participant_id,
                        now);
    return std::unexpected(created.error());
  }
  CARECOORD_TRY(stored, LoadContact(uc->conn(), org, created->id));
  if (created->replayed) {
    uc->Audit(Action::kLogContact, {"contact", stored->id, stored->participant_id},
              "idempotent replay");
  }
  return LoggedContact{std::move(*stored), created->replayed};
}

Result<ContactRecord> ContactService::Edit(Context& ctx, const std::string& contact_id,
                                           std::int64_t expected_version,
                                           const ContactChanges& ch) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kEditContact, {"contact", contact_id, ""}));
  const Instant now = uc->now();
  const std::string& org = uc->org();
  CARECOORD_TRY(note, LoadOwnNote(*uc, Action::kEditContact, contact_id, "edit"));
  ContactRecord& current = note->contact;
  const store::EpisodeContext& episode = note->episode;
  const Target target{"contact", contact_id, current.participant_id};
  if (current.signed_at) {
    return Fail(ErrorCode::kConflict,
                "this contact is signed and can no longer change; add an addendum instead");
  }
  if (current.version != expected_version) {
    return Fail(ErrorCode::kPreconditionFailed,
                "the contact was changed by someone else (now version " +
                    std::to_string(current.version) + "); reload and try again");
  }
  ContactFields f;
  f.duration_minutes = ch.duration_minutes.value_or(current.duration_minutes);
  f.mode = ch.mode.value_or(current.mode);
  f.setting = ch.setting.value_or(current.setting);
  f.successful = ch.successful.value_or(current.successful);
  f.with_whom = ch.with_whom.value_or(current.with_whom);
  if (ch.party_present) {
    f.party_name = ch.party_name;
    f.related_person_id = ch.related_person_id;
    f.care_team_member_id = ch.care_team_member_id;
  } else {
    f.party_name = current.party_name;
    f.related_person_id = current.related_person_id;
    f.care_team_member_id = current.care_team_member_id;
  }
  f.disclosed = ch.disclosed.value_or(SplitCodeList(current.disclosed));
  f.purposes = ch.purposes.value_or(SplitCodeList(current.purposes));
  f.outcome = ch.outcome.value_or(current.outcome);
  f.narrative = ch.narrative.value_or(current.narrative);
  CARECOORD_RETURN_IF_ERROR(ValidateContact(f));
  const Instant occurred_at = ch.occurred_at.value_or(current.occurred_at);
  if (ch.occurred_at) {
    CARECOORD_RETURN_IF_ERROR(CheckWhen(occurred_at, now, episode));
  }
  CARECOORD_RETURN_IF_ERROR(ResolveParty(uc->conn(), org, current.participant_id, f));
  ContactRecord c = current;
  c.occurred_at = occurred_at;
  c.duration_minutes = f.duration_minutes;
  c.mode = f.mode;
  c.setting = f.setting;
  c.successful = f.successful;
  c.with_whom = f.with_whom;
  c.party_name = f.party_name;
  c.related_person_id = f.related_person_id;
  c.care_team_member_id = f.care_team_member_id;
  c.disclosed = JoinCodeList(f.disclosed);
  c.purposes = JoinCodeList(f.purposes);
  c.outcome = f.outcome;
  c.narrative = f.narrative;
  c.updated_at = now;
  auto st = uc->Write([&]() -> Status {
    CARECOORD_RETURN_IF_ERROR(RequireRelease(uc->conn(), org, episode, f, occurred_at));
    CARECOORD_TRY(ok, store::ContactRepository(uc->conn()).UpdateUnsigned(c));
    if (!*ok) {
      auto again = LoadContact(uc->conn(), org, contact_id);
      if (again && again->signed_at) {
        return Fail(ErrorCode::kConflict,
                    "this contact was signed meanwhile and can no longer "
                    "change; add an addendum instead");
      }
      return Fail(ErrorCode::kPreconditionFailed,
                  "the contact was changed by someone else; reload and try again");
    }
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), org, c.episode_id, now));
    uc->Audit(Action::kEditContact, target);
    return {};
  });
  if (!st) {
    AuditReleaseRefusal(ctx, Action::kEditContact, st.error(), contact_id, current.participant_id,
                        now);
    return std::unexpected(st.error());
  }
  return LoadContact(uc->conn(), org, contact_id);
}

Result<ContactRecord> ContactService::Sign(Context& ctx, const std::string& contact_id,
                                           std::int64_t expected_version) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kSignContact, {"contact", contact_id, ""}));
  const std::string& org = uc->org();
  CARECOORD_TRY(note, LoadOwnNote(*uc, Action::kSignContact, contact_id, "sign"));
  ContactRecord& current = note->contact;
  const Target target{"contact", contact_id, current.participant_id};
  if (current.signed_at) return Fail(ErrorCode::kConflict, "this contact is already signed");
  if (current.version != expected_version) {
    return Fail(ErrorCode::kPreconditionFailed,
                "the contact was changed by someone else (now version " +
                    std::to_string(current.version) + "); reload and try again");
  }
  CARECOORD_RETURN_IF_ERROR(uc->Write([&]() -> Status {
    CARECOORD_TRY(ok,
                  store::ContactRepository(uc->conn())
                      .Sign(org, contact_id, expected_version, ctx.actor.user_id.value, uc->now()));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the contact was changed or signed by someone else; reload and try again");
    }
    uc->Audit(Action::kSignContact, target);
    return {};
  }));
  return LoadContact(uc->conn(), org, contact_id);
}

Result<AddendumRecord> ContactService::AddAddendum(Context& ctx, const std::string& contact_id,
                                                   const std::string& text) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kAddContactAddendum, {"contact", contact_id, ""}));
  const std::string& org = uc->org();
  CARECOORD_TRY(current, LoadContact(uc->conn(), org, contact_id));
  const Target target{"contact", contact_id, current->participant_id};
  CARECOORD_RETURN_IF_ERROR(uc->RequireParticipant(Action::kAddContactAddendum, target));
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument, "text is required", "text");
  }
  if (text.size() > kMaxNarrativeBytes) {
    return Fail(ErrorCode::kInvalidArgument, "text is longer than 20000 bytes", "text");
  }
  if (!current->signed_at) {
    return Fail(ErrorCode::kConflict,
                "this contact is not signed yet: edit the note instead of adding an addendum");
  }
  CARECOORD_TRY(created, uc->Create("contact_addendum", [&]() -> Result<std::string> {
    AddendumRecord a;
    a.id = NewId(uc->now());
    a.contact_id = contact_id;
    a.text = text;
    a.by_user_id = ctx.actor.user_id.value;
    a.created_at = uc->now();
    CARECOORD_RETURN_IF_ERROR(store::ContactRepository(uc->conn()).InsertAddendum(org, a));
    uc->Audit(Action::kAddContactAddendum, target, "addendum " + a.id);
    return a.id;
  }));
  CARECOORD_TRY(stored, LoadContact(uc->conn(), org, contact_id));
  for (const AddendumRecord& a : stored->addenda) {
    if (a.id == created->id) return a;
  }
  return Fail(ErrorCode::kInternal, "the addendum was not found after it was written");
}

}  // namespace carecoord::app
