// SPDX-License-Identifier: Apache-2.0
#include "app/referral_service.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <tuple>

#include "app/core/access.h"
#include "app/core/crypto.h"
#include "app/core/idempotency.h"
#include "app/core/obligation_engine.h"
#include "app/core/participant_access.h"
#include "app/core/runner.h"
#include "domain/calendar.h"
#include "domain/episode_status.h"
#include "domain/ids.h"
#include "domain/person_match.h"
#include "store/intake_writer.h"
#include "store/participant_repository.h"
#include "store/referral_repository.h"

namespace carecoord::app {
namespace {

constexpr std::size_t kMaxDuplicates = 10;
// Clocks of the people typing referrals drift; a received_at this far ahead is still "now".
constexpr std::chrono::minutes kClockSkew{5};

const char kNotVisible[] = "No such referral, or it is not in a program where you do intake.";

// The programs where the actor holds a role the permission table allows intake for.
std::vector<std::string> IntakePrograms(const Context& ctx) {
  std::vector<std::string> out;
  for (const auto& g : ctx.actor.roles) {
    const std::array one = {g.role};
    if (IsAllowed(Action::kCreateReferral, one, true) &&
        std::ranges::find(out, g.program_id) == out.end()) {
      out.push_back(g.program_id);
    }
  }
  return out;
}

bool DoesIntakeIn(const Context& ctx, const std::string& program_id) {
  const auto programs = IntakePrograms(ctx);
  return std::ranges::find(programs, program_id) != programs.end();
}

std::unexpected<Error> NotVisible(core::UseCase& uc, Action action, const Target& target) {
  uc.AuditDenied(action, target, "referral outside the actor's intake programs");
  return Fail(ErrorCode::kNotFound, kNotVisible);
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[u >> 4];
      out += kHex[u & 0xF];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string DocumentsJson(const std::vector<ReferralDocument>& documents) {
  std::string out = "[";
  for (const auto& d : documents) {
    if (out.size() > 1) out += ",";
    out += "{\"title\":" + JsonString(d.title) + ",\"reference\":" + JsonString(d.reference) + "}";
  }
  return out + "]";
}

Status ValidatePerson(const NewReferral& in, Instant now) {
  if (auto st = CheckText(in.given_name, 1, 100, "person.given_name"); !st) return st;
  if (auto st = CheckText(in.family_name, 1, 100, "person.family_name"); !st) return st;
  if (in.birth_date.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "person.birth_date is required", "person.birth_date");
  }
  CARECOORD_TRY(birth, ParseDate(in.birth_date, "person.birth_date"));
  CARECOORD_TRY(today, LocalDate(now, "UTC"));
  if (*birth >= AddDays(*today, 1) || *birth < "1900-01-01") {
    return Fail(ErrorCode::kInvalidArgument, "person.birth_date must be a past date after 1900",
                "person.birth_date");
  }
  if (auto st = CheckCode(in.sex, SexCodes(), "person.sex"); !st) return st;
  if (auto st = CheckText(in.phone, 0, 50, "person.phone"); !st) return st;
  if (auto st = CheckText(in.payer, 0, 200, "person.payer"); !st) return st;
  if (auto st = CheckText(in.member_id, 0, 100, "person.member_id"); !st) return st;
  return CheckText(in.preferred_language, 1, 35, "person.preferred_language");
}

Status ValidateReferral(const NewReferral& in, Instant now) {
  if (in.urgency.empty())
    return Fail(ErrorCode::kInvalidArgument, "urgency is required", "urgency");
  if (auto st = CheckCode(in.urgency, Urgencies(), "urgency"); !st) return st;
  if (in.received_at && *in.received_at > now + kClockSkew) {
    return Fail(ErrorCode::kInvalidArgument, "received_at may not be in the future", "received_at");
  }
  if (auto st = CheckText(in.reason, 1, 4000, "reason"); !st) return st;
  if (in.source_setting.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "source.setting is required", "source.setting");
  }
  if (auto st = CheckCode(in.source_setting, ReferralSourceSettings(), "source.setting"); !st)
    return st;
  if (auto st = CheckText(in.source_org, 0, 200, "source.organization"); !st) return st;
  if (auto st = CheckText(in.source_person, 0, 200, "source.person"); !st) return st;
  if (auto st = CheckText(in.source_contact, 0, 200, "source.contact"); !st) return st;
  if (in.documents.size() > 20) {
    return Fail(ErrorCode::kInvalidArgument, "at most 20 documents", "documents");
  }
  for (const auto& d : in.documents) {
    if (auto st = CheckText(d.title, 1, 200, "documents"); !st) return st;
    if (auto st = CheckText(d.reference, 0, 500, "documents"); !st) return st;
  }
  if (!in.participant_id.empty() && !LooksLikeUuid(in.participant_id)) {
    return Fail(ErrorCode::kInvalidArgument, "participant_id is not a participant id",
                "participant_id");
  }
  return ValidatePerson(in, now);
}

ParticipantRecord ParticipantFromReferral(const ReferralRecord& r, const std::string& id,
                                          Instant now) {
  ParticipantRecord p;
  p.org_id = r.org_id;
  p.id = id;
  p.given_name = r.given_name;
  p.family_name = r.family_name;
  p.name_norm = NormalizePersonName(r.given_name + " " + r.family_name);
  p.family_norm = NormalizePersonName(r.family_name);
  p.birth_date = r.birth_date;
  p.sex = r.sex;
  p.phone = r.phone;
  p.payer = r.payer;
  p.member_id = r.member_id;
  p.preferred_language = r.preferred_language;
  p.created_at = p.updated_at = now;
  p.version = 1;
  return p;
}

PersonKey KeyOf(const ReferralRecord& r) {
  PersonKey k;
  k.given_name = r.given_name;
  k.family_name = r.family_name;
  k.birth_date = r.birth_date;
  k.member_id = r.member_id;
  return k;
}

auto QueueKey(const ReferralRecord& r) {
  return std::tuple(r.urgency_rank, ToMillis(r.received_at), std::string_view(r.id));
}

}  // namespace

std::string EncodeCursor(const std::vector<std::string>& parts) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string joined;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += '\x1f';
    joined += parts[i];
  }
  std::string out;
  for (char c : joined) {
    const auto u = static_cast<unsigned char>(c);
    out += kHex[u >> 4];
    out += kHex[u & 0xF];
  }
  return out;
}

Result<std::vector<std::string>> DecodeCursor(const std::string& cursor, std::size_t parts) {
  const auto bad = [] {
    return Fail(ErrorCode::kInvalidArgument, "cursor is not one this list returned", "cursor");
  };
  if (cursor.size() % 2 != 0 || cursor.size() > 1000) return bad();
  const auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < cursor.size(); i += 2) {
    const int hi = nibble(cursor[i]), lo = nibble(cursor[i + 1]);
    if (hi < 0 || lo < 0) return bad();
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\x1f') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (out.size() != parts) return bad();
  return out;
}

ReferralService::ReferralService(core::Runner& runner, ObligationRefresher& obligations)
    : runner_(runner), obligations_(obligations) {}

namespace {

Result<std::vector<PossibleDuplicate>> FindDuplicates(store::Connection& conn,
                                                      const std::string& org_id,
                                                      const PersonKey& person) {
  auto candidates =
      store::ParticipantRepository(conn).Candidates(org_id, person.birth_date, person.member_id);
  if (!candidates) return std::unexpected(candidates.error());
  return FindPossibleDuplicates(person, *candidates, kMaxDuplicates);
}

}  // namespace

Result<ReferralPage> ReferralService::List(Context& ctx, const ReferralQuery& query) {
  const Target target{"referral", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kListReferrals, target));
  CARECOORD_RETURN_IF_ERROR(CheckCode(query.status, ReferralStatuses(), "status"));
  if (query.limit < 1 || query.limit > 200) {
    return Fail(ErrorCode::kInvalidArgument, "limit must be 1 to 200", "limit");
  }
  std::optional<store::QueueCursor> after;
  if (!query.cursor.empty()) {
    CARECOORD_TRY(parts, DecodeCursor(query.cursor, 3));
    after = store::QueueCursor{std::atoll((*parts)[0].c_str()), std::atoll((*parts)[1].c_str()),
                               (*parts)[2]};
  }
  store::ReferralRepository referrals(uc->conn());
  std::vector<ReferralRecord> rows;
  for (const std::string& program : IntakePrograms(ctx)) {
    if (!query.program_id.empty() && program != query.program_id) continue;
    CARECOORD_TRY(page, referrals.Queue(uc->org(), program, query.status, after, query.limit + 1));
    std::ranges::move(*page, std::back_inserter(rows));
  }
  std::ranges::sort(rows, [](const auto& a, const auto& b) { return QueueKey(a) < QueueKey(b); });
  ReferralPage out;
  if (rows.size() > static_cast<std::size_t>(query.limit)) {
    rows.resize(static_cast<std::size_t>(query.limit));
    const auto& last = rows.back();
    out.next_cursor = EncodeCursor(
        {std::to_string(last.urgency_rank), std::to_string(ToMillis(last.received_at)), last.id});
  }
  for (auto& r : rows) out.items.push_back({std::move(r), std::nullopt});
  uc->Audit(Action::kListReferrals, target);
  return out;
}

Result<ReferralView> ReferralService::Create(Context& ctx, const NewReferral& in) {
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kCreateReferral, {"referral", "", ""}));
  const Instant now = uc->now();
  CARECOORD_RETURN_IF_ERROR(ValidateReferral(in, now));
  const auto programs = IntakePrograms(ctx);
  std::string program_id = in.program_id;
  if (program_id.empty()) {
    if (programs.size() != 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  "program_id is required: you do intake in several programs", "program_id");
    }
    program_id = programs.front();
  } else if (std::ranges::find(programs, program_id) == programs.end()) {
    return Fail(ErrorCode::kInvalidArgument, "you have no intake role in that program",
                "program_id");
  }
  ReferralRecord r;
  r.org_id = uc->org();
  r.id = NewId(now);
  r.program_id = program_id;
  r.urgency = in.urgency;
  r.urgency_rank = *UrgencyRank(in.urgency);
  r.received_at = in.received_at ? std::min(*in.received_at, now) : now;
  r.source_setting = in.source_setting;
  r.source_org = in.source_org;
  r.source_person = in.source_person;
  r.source_contact = in.source_contact;
  r.reason = in.reason;
  r.documents = DocumentsJson(in.documents);
  r.given_name = TrimSpace(in.given_name);
  r.family_name = TrimSpace(in.family_name);
  r.birth_date = in.birth_date;
  r.sex = in.sex;
  r.phone = in.phone;
  r.payer = in.payer;
  r.member_id = TrimSpace(in.member_id);
  r.preferred_language = in.preferred_language;
  if (!in.participant_id.empty()) r.participant_id = in.participant_id;
  r.created_by = ctx.actor.user_id.value;
  r.created_at = r.updated_at = now;
  CARECOORD_TRY(created, uc->Create("referral", [&]() -> Result<std::string> {
    if (r.participant_id) {
      CARECOORD_TRY(p, store::ParticipantRepository(uc->conn()).Find(r.org_id, *r.participant_id));
      if (!*p) {
        return Fail(ErrorCode::kInvalidArgument, "no such participant", "participant_id");
      }
    }
    CARECOORD_RETURN_IF_ERROR(store::ReferralRepository(uc->conn()).Insert(r));
    uc->Audit(Action::kCreateReferral, {"referral", r.id, r.participant_id.value_or("")});
    return r.id;
  }));
  CARECOORD_TRY(stored, store::ReferralRepository(uc->conn()).Find(r.org_id, created->id));
  if (!*stored) return Fail(ErrorCode::kNotFound, kNotVisible);
  ReferralView view{std::move(**stored), std::nullopt};
  if (view.referral.status == "open") {
    CARECOORD_TRY(dups, FindDuplicates(uc->conn(), r.org_id, KeyOf(view.referral)));
    view.possible_duplicates = std::move(*dups);
  }
  return view;
}

Result<ReferralView> ReferralService::Get(Context& ctx, const std::string& id) {
  const Target target{"referral", id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kReadReferral, target));
  if (!LooksLikeUuid(id)) return Fail(ErrorCode::kNotFound, kNotVisible);
  CARECOORD_TRY(found, store::ReferralRepository(uc->conn()).Find(uc->org(), id));
  if (!*found) return Fail(ErrorCode::kNotFound, kNotVisible);
  if (!DoesIntakeIn(ctx, (*found)->program_id)) {
    return NotVisible(*uc, Action::kReadReferral, target);
  }
  ReferralView view{std::move(**found), std::nullopt};
  if (view.referral.status == "open") {
    CARECOORD_TRY(dups, FindDuplicates(uc->conn(), uc->org(), KeyOf(view.referral)));
    view.possible_duplicates = std::move(*dups);
  }
  const std::string participant = view.referral.participant_id.value_or("");
  uc->Audit(Action::kReadReferral, {"referral", id, participant});
  return view;
}

Result<std::vector<PossibleDuplicate>> ReferralService::Duplicates(Context& ctx,
                                                                   const PersonKey& person) {
  const Target target{"participant", "", ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kMatchParticipants, target));
  CARECOORD_RETURN_IF_ERROR(CheckText(person.given_name, 0, 100, "given_name"));
  CARECOORD_RETURN_IF_ERROR(CheckText(person.family_name, 0, 100, "family_name"));
  CARECOORD_RETURN_IF_ERROR(CheckText(person.member_id, 0, 100, "member_id"));
  if (!person.birth_date.empty()) {
    CARECOORD_RETURN_IF_ERROR(ParseDate(person.birth_date, "birth_date"));
  }
  std::vector<PossibleDuplicate> out;
  if (!person.birth_date.empty() || !TrimSpace(person.member_id).empty()) {
    PersonKey key = person;
    key.member_id = TrimSpace(key.member_id);
    CARECOORD_TRY(dups, FindDuplicates(uc->conn(), uc->org(), key));
    out = std::move(*dups);
  }
  uc->Audit(Action::kMatchParticipants, target);
  return out;
}

Result<AcceptedReferral> ReferralService::Accept(Context& ctx, const std::string& id,
                                                 std::int64_t expected_version,
                                                 const AcceptReferral& in) {
  const Target target{"referral", id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, Action::kAcceptReferral, target));
  const Instant now = uc->now();
  if (!LooksLikeUuid(id)) return Fail(ErrorCode::kNotFound, kNotVisible);
  if (!LooksLikeUuid(in.coordinator_id)) {
    return Fail(ErrorCode::kInvalidArgument,
                "coordinator_id is required: the accountable care coordinator", "coordinator_id");
  }
  if (!in.participant_id.empty() && !LooksLikeUuid(in.participant_id)) {
    return Fail(ErrorCode::kInvalidArgument, "participant_id is not a participant id",
                "participant_id");
  }
  CARECOORD_RETURN_IF_ERROR(CheckText(in.note, 0, 4000, "note"));
  const std::string org = uc->org();
  store::ReferralRepository referrals(uc->conn());
  store::ParticipantRepository participants(uc->conn());
  store::IntakeWriter writer(uc->conn());
  AcceptedReferral out;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(found, referrals.Find(org, id));
    if (!*found) return Fail(ErrorCode::kNotFound, kNotVisible);
    ReferralRecord r = std::move(**found);
    if (!DoesIntakeIn(ctx, r.program_id)) return NotVisible(*uc, Action::kAcceptReferral, target);
    CARECOORD_RETURN_IF_ERROR(CheckReferralDecision(r.status, ReferralDecision::kAccept, ""));
    if (r.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the referral was changed by someone else (now version " +
                      std::to_string(r.version) + "); reload and try again");
    }
    CARECOORD_TRY(coordinator, writer.IsProgramCoordinator(org, in.coordinator_id, r.program_id));
    if (!*coordinator) {
      return Fail(ErrorCode::kInvalidArgument,
                  "coordinator_id must be a user holding the care_coordinator role in the "
                  "referral's program",
                  "coordinator_id");
    }
    std::string participant_id =
        !in.participant_id.empty() ? in.participant_id : r.participant_id.value_or("");
    const bool link = !participant_id.empty();
    if (link) {
      CARECOORD_TRY(p, participants.Find(org, participant_id));
      if (!*p) return Fail(ErrorCode::kInvalidArgument, "no such participant", "participant_id");
      CARECOORD_TRY(open, writer.HasOpenEpisode(org, participant_id, r.program_id));
      if (*open) {
        return Fail(ErrorCode::kConflict,
                    "the participant already has an open episode in this program");
      }
    } else {
      participant_id = NewId(now);
    }
    const std::string episode_id = NewId(now);
    store::ReferralDecisionRow decision;
    decision.status = std::string(DecidedStatus(ReferralDecision::kAccept));
    decision.participant_id = participant_id;
    decision.episode_id = episode_id;
    decision.decided_at = now;
    decision.decided_by = ctx.actor.user_id.value;
    // Claim the referral first: a concurrent decision waits on this row and then finds it
    // changed (kPreconditionFailed), so exactly one accept writes anything.
    CARECOORD_TRY(claimed, referrals.Decide(org, id, expected_version, decision));
    if (!*claimed) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the referral was changed by someone else; reload and try again");
    }
    if (!link) {
      CARECOORD_RETURN_IF_ERROR(
          participants.Insert(ParticipantFromReferral(r, participant_id, now)));
    }
    CARECOORD_RETURN_IF_ERROR(
        CheckEpisodeTransition(EpisodeStatus::kReferred, EpisodeStatus::kEngaging, ""));
    store::IntakeWriter::NewEpisode e;
    e.org_id = org;
    e.id = episode_id;
    e.participant_id = participant_id;
    e.program_id = r.program_id;
    e.referral_id = r.id;
    e.status = std::string(EpisodeStatusName(EpisodeStatus::kEngaging));
    e.coordinator_id = in.coordinator_id;
    e.referral_received_at = r.received_at;
    e.started_at = now;
    if (auto s = writer.InsertEpisode(e); !s) {
      if (s.error().code == ErrorCode::kConflict) {
        return Fail(ErrorCode::kConflict,
                    "the participant already has an open episode in this program");
      }
      return s;
    }
    const std::string& by = ctx.actor.user_id.value;
    const std::string referred(EpisodeStatusName(EpisodeStatus::kReferred));
    CARECOORD_RETURN_IF_ERROR(
        writer.InsertStatusChange(org, episode_id, 1, "", referred, "", r.received_at, by));
    CARECOORD_RETURN_IF_ERROR(
        writer.InsertStatusChange(org, episode_id, 2, referred, e.status, "", now, by));
    CARECOORD_RETURN_IF_ERROR(
        writer.InsertFirstHandoff(org, episode_id, in.coordinator_id, now, in.note, by));
    CARECOORD_TRY(today, ProgramToday(uc->conn(), org, r.program_id, now));
    CARECOORD_RETURN_IF_ERROR(writer.InsertCoordinatorMember(
        org, NewId(now), episode_id, participant_id, in.coordinator_id, *today, now));
    CARECOORD_RETURN_IF_ERROR(obligations_.RefreshEpisode(uc->conn(), org, episode_id, now));
    uc->Audit(Action::kAcceptReferral, {"referral", id, participant_id},
              "episode " + episode_id + " coordinator " + in.coordinator_id);
    r.status = decision.status;
    r.participant_id = participant_id;
    r.episode_id = episode_id;
    r.decided_at = now;
    r.decided_by = decision.decided_by;
    r.updated_at = now;
    r.version = expected_version + 1;
    out.referral.referral = std::move(r);
    out.participant_id = participant_id;
    out.episode_id = episode_id;
    return {};
  }));
  return out;
}

Result<ReferralView> ReferralService::Decide(Context& ctx, const std::string& id,
                                             std::int64_t expected_version,
                                             ReferralDecision decision, const std::string& reason) {
  const Action action = decision == ReferralDecision::kRefuse ? Action::kRecordReferralRefusal
                                                              : Action::kDeclineReferral;
  const Target target{"referral", id, ""};
  CARECOORD_TRY(uc, runner_.Begin(ctx, action, target));
  const Instant now = uc->now();
  if (!LooksLikeUuid(id)) return Fail(ErrorCode::kNotFound, kNotVisible);
  if (decision == ReferralDecision::kAccept) {
    return Fail(ErrorCode::kInvalidArgument, "accepting needs a coordinator", "status");
  }
  CARECOORD_RETURN_IF_ERROR(CheckText(reason, 1, 2000, "reason"));
  const std::string org = uc->org();
  store::ReferralRepository referrals(uc->conn());
  ReferralView out;
  CARECOORD_TRY(committed, uc->Write([&]() -> Status {
    CARECOORD_TRY(found, referrals.Find(org, id));
    if (!*found) return Fail(ErrorCode::kNotFound, kNotVisible);
    ReferralRecord r = std::move(**found);
    if (!DoesIntakeIn(ctx, r.program_id)) return NotVisible(*uc, action, target);
    CARECOORD_RETURN_IF_ERROR(CheckReferralDecision(r.status, decision, reason));
    if (r.version != expected_version) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the referral was changed by someone else (now version " +
                      std::to_string(r.version) + "); reload and try again");
    }
    store::ReferralDecisionRow row;
    row.status = std::string(DecidedStatus(decision));
    row.participant_id = r.participant_id;
    row.decided_at = now;
    row.decided_by = ctx.actor.user_id.value;
    row.reason = TrimSpace(reason);
    CARECOORD_TRY(ok, referrals.Decide(org, id, expected_version, row));
    if (!*ok) {
      return Fail(ErrorCode::kPreconditionFailed,
                  "the referral was changed by someone else; reload and try again");
    }
    // The reason is part of the record; the audit event says what was decided, not why.
    uc->Audit(action, {"referral", id, r.participant_id.value_or("")}, row.status);
    r.status = row.status;
    r.decided_at = now;
    r.decided_by = row.decided_by;
    r.decision_reason = row.reason;
    r.updated_at = now;
    r.version = expected_version + 1;
    out.referral = std::move(r);
    return {};
  }));
  return out;
}

}  // namespace carecoord::app
