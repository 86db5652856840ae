// SPDX-License-Identifier: Apache-2.0
// One episode of the synthetic population: referral, status history, hand-offs, care team,
// releases of information and contacts, consistent with each other and with the guidance.
#include <algorithm>
#include <cstdio>
#include <string_view>

#include "demo/population_person.h"
#include "domain/person_match.h"

namespace carecoord::demo::population {
namespace {

// A day range [from, to] in which a release covers a party for `categories`.
struct Coverage {
  std::int64_t from = 0, to = 0;
  std::string categories;
};

// Someone outside the program the participant's releases can name (004: a release before any
// outreach to them): an external care team member or a natural support.
struct Party {
  std::string name;  // as the release and the contact name it
  const char* kind;  // consent party_kind
  const char* with_whom;
  std::optional<std::string> related_person_id, care_team_member_id;
  std::string categories;
  std::int64_t start_day = 0;
  std::vector<Coverage> coverage;

  const Coverage* CoveredOn(std::int64_t day) const {
    for (const Coverage& c : coverage) {
      if (c.from <= day && day <= c.to) return &c;
    }
    return nullptr;
  }
};

struct Staffer {
  const StaffMember* member = nullptr;
  const char* role = "";  // the contact's by_role: the user's role in the program
  std::int64_t from_day = 0;
  std::optional<std::int64_t> to_day;
  bool ActiveOn(std::int64_t day) const {
    return member != nullptr && from_day <= day && (!to_day || day <= *to_day);
  }
};

class EpisodeWriter {
 public:
  EpisodeWriter(ParticipantContext& ctx, const Timeline& t) : c_(ctx), t_(t), rng_(ctx.rng) {}

  void Write(int coordinator, int peer, int nurse);

 private:
  const Setup& s() const { return c_.setup; }
  const StaffMember& CoordinatorOn(std::int64_t day) const {
    return (previous_ && day < handoff_day_) ? *previous_ : *coordinator_;
  }
  std::string Date(std::int64_t day) const { return DateOfDay(day); }

  void WriteReferralAndEpisode();
  void WriteCareTeam(int peer, int nurse);
  void AddExternal(const char* role, const char* with_whom, std::string name, std::string org,
                   std::string categories);
  void WriteReleases(Party& party);
  void WriteContacts();
  void Contact(std::int64_t at, const Staffer& by, const char* mode, const char* purposes,
               const std::string& narrative_hint);
  void OutsideContact(std::int64_t day);
  void StayContacts();
  void Emit(store::ContactRow c, const StaffMember& by);
  bool Attempt();  // does this attempt reach the participant?

  ParticipantContext& c_;
  const Timeline& t_;
  Rng& rng_;
  std::string episode_id_;
  const StaffMember* coordinator_ = nullptr;
  const StaffMember* previous_ = nullptr;  // before a warm hand-off of accountability
  std::int64_t handoff_day_ = 0, handoff_at_ = 0;
  bool warm_intake_ = false;
  const char* intake_setting_ = "office";
  Staffer peer_, nurse_;
  std::vector<Party> parties_;
  bool reachable_ = true;
  bool transitioning_ = false;
  ContactSchedulePlan schedule_;
  std::vector<StayPlan> stays_;
  // 001 §2: some participants stop responding; from this day no attempt reaches them (0: never),
  // so the worklist asks to locate them after three failed attempts in a row.
  std::int64_t silent_from_ = 0;
  int failed_in_row_ = 0;           // failed attempts with the participant since the last success
  std::int64_t locate_day_ = 0;     // a planned attempt to locate (001 §2 "active attempts")
  std::int64_t locating_from_ = 0;  // unable_to_locate: from this day no attempt succeeds
};

bool EpisodeWriter::Attempt() {
  // Failed attempts come in runs: someone who stops answering stays hard to reach a while.
  if (reachable_) {
    if (rng_.Chance(0.83)) return true;
    if (rng_.Chance(0.35)) reachable_ = false;
    return false;
  }
  if (rng_.Chance(0.3)) {
    reachable_ = true;
    return true;
  }
  return false;
}

void EpisodeWriter::Write(int coordinator, int peer, int nurse) {
  coordinator_ = &s().coordinators[static_cast<std::size_t>(coordinator)];
  const std::int64_t span = t_.last_day - t_.start_day;
  // 001 §1: one accountable coordinator until a warm hand-off transfers it (001 §8).
  if (s().coordinators.size() > 1 && span >= 45 && t_.fate != Fate::kReferred &&
      rng_.Chance(0.12)) {
    auto other = static_cast<std::size_t>(rng_.Below(s().coordinators.size() - 1));
    if (other >= static_cast<std::size_t>(coordinator)) ++other;
    previous_ = &s().coordinators[other];
    handoff_day_ = t_.start_day + rng_.Between(20, span - 10);
    handoff_at_ = Daytime(rng_, s(), handoff_day_);
  }
  WriteReferralAndEpisode();
  WriteCareTeam(peer, nurse);
  stays_ = GenerateStays(c_, t_, episode_id_, [this](std::int64_t day) -> const StaffMember& {
    return CoordinatorOn(day);
  });
  for (Party& p : parties_) WriteReleases(p);
  if (t_.fate != Fate::kReferred) {
    WriteContacts();
    StayContacts();
  }
  GenerateCare(c_, t_, episode_id_,
               [this](std::int64_t day) -> const StaffMember& { return CoordinatorOn(day); });
}

void EpisodeWriter::WriteReferralAndEpisode() {
  store::ReferralRow ref = MakeReferral(rng_, s(), c_.person, t_.received, c_.id_ms);
  for (const SourceSetting& src : SourceSettings()) {
    if (ref.source_setting == src.code) intake_setting_ = src.contact_setting;
  }
  episode_id_ = rng_.Id(c_.id_ms);
  const StaffMember& first = previous_ ? *previous_ : *coordinator_;

  ref.status = "accepted";
  ref.participant_id = c_.participant_id;
  ref.episode_id = episode_id_;
  ref.decided_at = t_.start;
  ref.decided_by = s().intake_user_id;
  ref.updated_at = t_.start;
  ref.version = 2;
  const std::string referral_id = ref.id;
  c_.out.Add(std::move(ref));

  // Status history: seq 1 is the referral, then each move of domain/episode_status.cc.
  std::int64_t seq = 0;
  std::string status = "referred";
  std::int64_t changed_at = t_.received;
  const auto change = [&](const char* from, std::string to, std::string reason, std::int64_t at,
                          const std::string& by) {
    c_.out.Add(store::StatusChangeRow{episode_id_, ++seq, from, to, std::move(reason), at, by});
    status = std::move(to);
    changed_at = at;
  };
  change("", "referred", "", t_.received, s().intake_user_id);
  if (t_.fate != Fate::kReferred) {
    change("referred", "engaging", "Referral accepted; care coordinator assigned.", t_.start,
           s().intake_user_id);
  }
  if (t_.enrolled) {
    change("engaging", "active", "Enrolled: consent to services signed, initial assessment done.",
           *t_.enrolled, CoordinatorOn(DayOf(*t_.enrolled)).id);
  }
  if (t_.transition) {
    change("active", "transitioning",
           "Discharge planning: moving to community-based services (001 §10).", *t_.transition,
           CoordinatorOn(DayOf(*t_.transition)).id);
  }
  if (t_.end) {
    const char* to = t_.fate == Fate::kClosed    ? "closed"
                     : t_.fate == Fate::kRefused ? "refused"
                                                 : "unable_to_locate";
    change(t_.end_from == "transitioning" ? "transitioning"
           : t_.end_from == "active"      ? "active"
                                          : "engaging",
           to, t_.end_reason, *t_.end, CoordinatorOn(t_.last_day).id);
  }

  // Hand-offs: seq 1 the assignment at intake, seq 2 a warm hand-off of accountability.
  warm_intake_ = rng_.Chance(0.7);
  c_.out.Add(store::HandoffRow{episode_id_, 1, std::nullopt, first.id, t_.start,
                               warm_intake_ ? 1 : 0,
                               warm_intake_ ? rng_.Pick(HandoffNotes()) : "Assigned at intake.",
                               s().intake_user_id, t_.start});
  if (previous_) {
    c_.out.Add(store::HandoffRow{episode_id_, 2, previous_->id, coordinator_->id, handoff_at_,
                                 rng_.Chance(0.85) ? 1 : 0, rng_.Pick(TransferNotes()),
                                 previous_->id, handoff_at_ + rng_.Between(10, 120) * kMinute});
  }

  // 001 §2: the contact schedule, set with the participant (safety, independence, wishes).
  schedule_ =
      DrawContactSchedule(rng_, !t_.end && t_.fate != Fate::kReferred, t_.enrolled.has_value());

  store::EpisodeRow e;
  e.id = episode_id_;
  e.participant_id = c_.participant_id;
  e.program_id = s().program_id;
  e.referral_id = referral_id;
  e.status = status;
  e.status_reason = t_.end ? t_.end_reason : "";
  e.status_changed_at = changed_at;
  e.coordinator_id = coordinator_->id;
  e.referral_received_at = t_.received;
  e.started_at = t_.start;
  e.enrolled_at = t_.enrolled;
  e.ended_at = t_.end;
  e.created_at = t_.start;
  e.updated_at = std::max(changed_at, previous_ ? handoff_at_ : 0);
  e.version = std::max<std::int64_t>(1, seq - 1) + (previous_ ? 1 : 0);
  if (schedule_.per_week > 0) {
    e.contacts_per_week = schedule_.per_week;
    e.schedule_reason = schedule_.reason;
    e.schedule_note = schedule_.note;
    ++e.version;
  }
  c_.out.Add(std::move(e));
}

void EpisodeWriter::WriteCareTeam(int peer, int nurse) {
  const std::optional<std::int64_t> end =
      t_.end ? std::optional<std::int64_t>(t_.last_day) : std::nullopt;
  const auto add_internal = [&](const StaffMember& m, const char* role, std::int64_t from,
                                std::optional<std::int64_t> to) {
    store::CareTeamMemberRow r;
    const std::int64_t at = std::min(Daytime(rng_, s(), from), s().now_ms);
    r.id = rng_.Id(c_.id_ms);
    r.episode_id = episode_id_;
    r.participant_id = c_.participant_id;
    r.role = role;
    r.user_id = m.id;
    r.start_date = Date(from);
    if (to) r.end_date = Date(*to);
    r.created_at = r.updated_at = at;
    c_.out.Add(std::move(r));
  };
  // The accountable coordinator(s): the previous one's membership ends on the hand-off day.
  if (previous_) {
    add_internal(*previous_, "care_coordinator", t_.start_day, handoff_day_);
    add_internal(*coordinator_, "care_coordinator", handoff_day_, end);
  } else {
    add_internal(*coordinator_, "care_coordinator", t_.start_day, end);
  }
  if (t_.fate == Fate::kReferred) return;
  // 000: a peer support specialist meets the participant weekly.
  if (peer >= 0) {
    const std::int64_t from = std::min(t_.start_day + rng_.Between(0, 10), t_.last_day);
    peer_ = {&s().peers[static_cast<std::size_t>(peer)], "peer_support", from, end};
    add_internal(*peer_.member, "peer_support_specialist", from, end);
  }
  if (nurse >= 0) {
    const std::int64_t from = std::min(t_.start_day + rng_.Between(0, 14), t_.last_day);
    nurse_ = {&s().nurses[static_cast<std::size_t>(nurse)], "nurse_care_manager", from, end};
    add_internal(*nurse_.member, "nurse_care_manager", from, end);
  }

  // Outside members (seed 004: behavioral health, physical health, education, family).
  const Person& p = c_.person;
  const bool minor = p.MinorOn(t_.start_day);
  const char* part2 = p.substance_use ? " substance_use_part2" : "";
  if (!p.pcp_name.empty() && rng_.Chance(0.85)) {
    AddExternal("primary_care_provider", "provider", p.pcp_name, p.pcp_practice,
                "general_health mental_health");
  }
  const NameGroup& g = PickGroup(rng_);
  const auto person_name = [&](const char* credential) {
    return std::string(rng_.Pick(rng_.Chance(0.6) ? g.female : g.male)) + " " +
           rng_.Pick(g.family) + ", " + credential;
  };
  if (rng_.Chance(0.5)) {
    AddExternal("behavioral_health_provider", "provider",
                person_name(rng_.Pick(ProviderCredentials())),
                rng_.Pick(BehavioralHealthAgencies()), std::string("mental_health") + part2);
  }
  if (rng_.Chance(0.3)) {
    AddExternal("psychiatrist", "provider", "Dr. " + person_name("MD"),
                rng_.Pick(PsychiatryPractices()),
                std::string("general_health mental_health") + part2);
  }
  if (!minor && rng_.Chance(0.2)) {
    AddExternal("external_agency_contact", "agency", person_name("case manager"),
                rng_.Pick(CommunityAgencies()), "general_health");
  }
  if (minor && !p.school.empty() && rng_.Chance(0.6)) {
    AddExternal("school_contact", "agency", person_name("school counselor"), p.school,
                "mental_health education_records");
  }
  // Natural supports (001 §2) with a release of their own; some also sit on the care team.
  for (const Related& r : c_.related) {
    if (!r.natural_support || !r.active || !rng_.Chance(0.7)) continue;
    Party party{r.name,
                "person",
                "natural_support",
                r.id,
                std::nullopt,
                "general_health mental_health",
                std::min(t_.start_day + rng_.Between(0, 14), t_.last_day),
                {}};
    if (rng_.Chance(0.3)) {
      store::CareTeamMemberRow m;
      const std::int64_t at = Daytime(rng_, s(), party.start_day);
      m.id = rng_.Id(c_.id_ms);
      m.episode_id = episode_id_;
      m.participant_id = c_.participant_id;
      m.role = "natural_support";
      m.external_name = r.name;
      m.phone = r.phone;
      m.start_date = Date(party.start_day);
      if (end) m.end_date = Date(*end);
      m.created_at = m.updated_at = at;
      c_.out.Add(std::move(m));
    }
    parties_.push_back(std::move(party));
  }
}

void EpisodeWriter::AddExternal(const char* role, const char* with_whom, std::string name,
                                std::string org, std::string categories) {
  const std::int64_t from = std::min(t_.start_day + rng_.Between(0, 21), t_.last_day);
  store::CareTeamMemberRow m;
  const std::int64_t at = Daytime(rng_, s(), from);
  m.id = rng_.Id(c_.id_ms);
  m.episode_id = episode_id_;
  m.participant_id = c_.participant_id;
  m.role = role;
  m.external_name = name;
  m.external_org = org;
  char phone[24];
  std::snprintf(phone, sizeof phone, "(%s) 555-01%02d", rng_.Pick(AreaCodes()),
                static_cast<int>(rng_.Below(100)));
  m.phone = phone;
  m.start_date = Date(from);
  if (t_.end) m.end_date = Date(t_.last_day);
  m.created_at = m.updated_at = at;
  // The release names the organization and links the care team member (004).
  parties_.push_back(Party{org.empty() ? name : org,
                           "organization",
                           with_whom,
                           std::nullopt,
                           m.id,
                           std::move(categories),
                           from,
                           {}});
  c_.out.Add(std::move(m));
}

// A chain of releases for one party: signed on or before the day outreach to them starts
// (004), for 3 months to 2 years, mostly renewed before they lapse; some lapse, some are
// revoked (001 §7).
void EpisodeWriter::WriteReleases(Party& party) {
  static constexpr Weighted kDurations[] = {{"365", 50}, {"180", 30}, {"90", 10}, {"730", 10}};
  const std::int64_t horizon = std::min(t_.last_day, s().today);
  std::int64_t effective = std::max(t_.start_day, party.start_day - rng_.Between(0, 3));
  const StaffMember& recorder = CoordinatorOn(effective);
  while (effective <= s().today) {
    const std::int64_t expiry = effective + std::stoll(PickWeighted(rng_, kDurations));
    store::ConsentRow c;
    const std::int64_t at = Daytime(rng_, s(), effective);
    c.id = rng_.Id(c_.id_ms);
    c.participant_id = c_.participant_id;
    c.party_kind = party.kind;
    c.party_name = party.name;
    c.party_name_norm = NormalizePersonName(party.name);
    c.related_person_id = party.related_person_id;
    c.care_team_member_id = party.care_team_member_id;
    c.purpose = rng_.Pick(ConsentPurposes());
    c.categories = party.categories;
    c.effective_date = c.signed_date = Date(effective);
    c.expiry_date = Date(expiry);
    const Person& p = c_.person;
    if ((p.MinorOn(effective) || p.age >= 21) && c_.guardian >= 0) {
      c.signed_by = "guardian";
      c.signer_name = c_.related[static_cast<std::size_t>(c_.guardian)].name;
    } else {
      c.signed_by = "participant";
      c.signer_name = p.FullName();
    }
    c.recorded_by = CoordinatorOn(effective).id;
    c.created_at = c.updated_at = at;
    std::int64_t covered_to = expiry;
    const std::int64_t last_revocable = std::min(expiry, s().today);
    if (last_revocable >= effective + 7 && rng_.Chance(0.04)) {
      const std::int64_t revoked = rng_.Between(effective + 7, last_revocable);
      c.revoked_date = Date(revoked);
      c.revoked_by = recorder.id;
      c.revocation_note = rng_.Pick(RevocationNotes());
      c.updated_at = Daytime(rng_, s(), revoked);
      c.version = 2;
      covered_to = revoked - 1;  // revoked from that date on
    }
    party.coverage.push_back({effective, covered_to, party.categories});
    const bool revoked = c.revoked_date.has_value();
    c_.out.Add(std::move(c));
    if (revoked || expiry >= horizon || !rng_.Chance(0.75)) break;
    effective = expiry - rng_.Between(0, 10);  // renewed before it lapses
  }
}

void EpisodeWriter::Emit(store::ContactRow c, const StaffMember& by) {
  c.id = rng_.Id(c_.id_ms);
  c.episode_id = episode_id_;
  c.participant_id = c_.participant_id;
  c.by_user_id = by.id;
  const std::int64_t latest = s().now_ms;
  c.created_at = std::min(c.occurred_at + rng_.Between(2, 90) * kMinute, latest);
  c.updated_at = c.created_at;
  // Mostly signed; the last few days still hold drafts.
  const bool recent = c.occurred_at > latest - 3 * kDay;
  if (rng_.Chance(recent ? 0.6 : 0.97)) {
    c.signed_at = std::min(c.created_at + rng_.Between(0, 26 * 60) * kMinute, latest);
    c.signed_by = by.id;
    c.updated_at = *c.signed_at;
    if (*c.signed_at > c.created_at) c.version = 2;
    if (rng_.Chance(0.004) && *c.signed_at + kHour < latest) {
      const std::int64_t at = std::min(*c.signed_at + rng_.Between(1, 120) * kHour, latest);
      c_.out.Add(store::ContactAddendumRow{rng_.Id(c_.id_ms), c.id, rng_.Pick(AddendumTexts()),
                                           by.id, at});
    }
  }
  c_.out.Add(std::move(c));
}

// A contact or attempt with the participant (or a child's guardian, 002).
void EpisodeWriter::Contact(std::int64_t at, const Staffer& by, const char* mode,
                            const char* purposes, const std::string& narrative_hint) {
  store::ContactRow c;
  c.occurred_at = at;
  c.mode = mode;
  const std::string_view m(mode);
  const std::int64_t day = DayOf(at);
  const bool locating = locating_from_ != 0 && day >= locating_from_;
  const bool silent = silent_from_ != 0 && day >= silent_from_;
  if (silent) reachable_ = false;  // retries come every few days
  const bool ok = !locating && !silent && Attempt();
  failed_in_row_ = ok ? 0 : failed_in_row_ + 1;
  // 001 §2: after three failed attempts most coordinators go looking within a few days.
  if (failed_in_row_ == 3 && rng_.Chance(0.65)) locate_day_ = day + rng_.Between(1, 3);
  c.successful = ok ? 1 : 0;
  c.with_whom = "participant";
  const Person& p = c_.person;
  if (c_.guardian >= 0 && p.MinorOn(day) && rng_.Chance(0.5)) {
    const Related& g = c_.related[static_cast<std::size_t>(c_.guardian)];
    c.with_whom = "guardian";
    c.party_name = g.name;
    c.related_person_id = g.id;
  }
  if (m == "in_person") {
    static constexpr Weighted kSettings[] = {{"home", 45}, {"office", 25}, {"community", 30}};
    c.setting = PickWeighted(rng_, kSettings);
    if (p.living.starts_with("homeless")) c.setting = rng_.Chance(0.6) ? "shelter" : "community";
    if (p.living == "jail") c.setting = "jail";
    if (p.MinorOn(day) && rng_.Chance(0.2)) c.setting = "school";
  }
  c.purposes = purposes;
  c.by_role = by.role;
  if (ok) {
    c.outcome = rng_.Chance(0.03) ? "rescheduled" : "engaged";
    c.duration_minutes = m == "in_person" ? rng_.Between(30, 90)
                         : m == "video"   ? rng_.Between(20, 45)
                         : m == "phone"   ? rng_.Between(5, 30)
                                          : rng_.Between(1, 5);
    if (c.outcome == "rescheduled") {
      c.narrative = rng_.Pick(RescheduledNotes());
    } else if (c.with_whom == "guardian") {
      c.narrative = rng_.Pick(GuardianNotes());
    } else if (std::string_view(by.role) == "peer_support" && m != "in_person") {
      c.narrative = rng_.Pick(PeerRemoteNotes());
    } else {
      c.narrative = narrative_hint;
    }
  } else if (m == "in_person") {
    c.outcome = "not_found";
    c.duration_minutes = rng_.Between(15, 45);
    c.narrative = locating || std::string_view(purposes) == "locate" ? rng_.Pick(LocateNotes())
                                                                     : rng_.Pick(NotFoundNotes());
    if (locating) c.setting = "community";
  } else if (m == "text") {
    c.outcome = "no_answer";
    c.duration_minutes = 1;
    c.narrative = rng_.Pick(TextNoReplyNotes());
  } else {
    const bool message = rng_.Chance(0.55);
    c.outcome = message ? "left_message" : "no_answer";
    c.duration_minutes = rng_.Between(1, 3);
    c.narrative = message ? rng_.Pick(LeftMessageNotes()) : rng_.Pick(NoAnswerNotes());
  }
  if (!ok && c.with_whom == "guardian" && m == "in_person") {
    c.with_whom = "participant";
    c.party_name.clear();
    c.related_person_id.reset();
  }
  Emit(std::move(c), *by.member);
}

// A call or meeting with an outside party, only when a release covers that party on that day
// for what is shared (004, 001 §7; the app enforces the same rule on every new contact).
void EpisodeWriter::OutsideContact(std::int64_t day) {
  std::vector<const Party*> covered;
  for (const Party& p : parties_) {
    if (p.start_day <= day && p.CoveredOn(day)) covered.push_back(&p);
  }
  if (covered.empty()) return;
  const Party& party = *covered[rng_.Below(covered.size())];
  const Coverage& cover = *party.CoveredOn(day);
  store::ContactRow c;
  c.occurred_at = Daytime(rng_, s(), day);
  // What is shared: the release's first category, and each other one half of the time.
  std::string_view cats(cover.categories);
  std::size_t first = cats.find(' ');
  c.disclosed = std::string(cats.substr(0, first));
  while (first != std::string_view::npos) {
    const std::size_t next = cats.find(' ', first + 1);
    const std::string_view cat = cats.substr(first + 1, next - first - 1);
    if (rng_.Chance(0.5)) (c.disclosed += ' ') += cat;
    first = next;
  }
  const bool ok = rng_.Chance(0.88);
  c.mode = !ok || rng_.Chance(0.75) ? "phone" : rng_.Chance(0.5) ? "video" : "in_person";
  if (c.mode == "in_person") c.setting = "office";
  c.with_whom = party.with_whom;
  c.party_name = party.name;
  c.related_person_id = party.related_person_id;
  c.care_team_member_id = party.care_team_member_id;
  c.successful = ok ? 1 : 0;
  c.outcome = ok ? "information_shared" : "left_message";
  c.duration_minutes = ok ? rng_.Between(5, 40) : rng_.Between(1, 3);
  c.purposes = transitioning_ ? "transition_follow_up care_planning"
               : std::string_view(party.with_whom) == "agency" ? "navigation"
                                                               : "care_planning";
  c.narrative = ok ? std::string(rng_.Pick(OutsidePartyNotes())) + " " + party.name + "."
                   : "Called " + party.name + "; left a message asking for a call back.";
  const Staffer cc{&CoordinatorOn(day), "care_coordinator", 0, std::nullopt};
  const Staffer& by =
      nurse_.ActiveOn(day) && std::string_view(party.with_whom) == "provider" && rng_.Chance(0.4)
          ? nurse_
          : cc;
  c.by_role = by.role;
  Emit(std::move(c), *by.member);
}

void EpisodeWriter::WriteContacts() {
  const std::int64_t start = t_.start_day;
  const std::int64_t last = t_.last_day;
  const std::int64_t end_day = t_.end ? t_.last_day : s().today + 1;
  if (t_.fate == Fate::kUnableToLocate) locating_from_ = last - rng_.Between(21, 40);
  if (t_.fate == Fate::kUnableToLocate && locating_from_ <= start) locating_from_ = start + 1;
  if (!t_.end && last - start > 14 && rng_.Chance(0.07)) {
    silent_from_ = s().today - rng_.Between(4, 12);
  }
  // Contacts a day in the early weeks: the schedule (3 a week by default) as most coordinators
  // keep it, some a little short of it.
  const double per_day = (schedule_.per_week > 0 ? schedule_.per_week : 3) / 7.0;
  const double kept = 0.8 + 0.25 * rng_.Unit();
  const std::int64_t transition_day = t_.transition ? DayOf(*t_.transition) : end_day + 1;
  const std::int64_t enrolled_day = t_.enrolled ? DayOf(*t_.enrolled) : end_day + 1;
  const auto cc_on = [&](std::int64_t day) {
    return Staffer{&CoordinatorOn(day), "care_coordinator", 0, std::nullopt};
  };

  // Day 0: the warm hand-off meeting where the person is (001 §2, §8).
  if (warm_intake_) {
    store::ContactRow c;
    c.occurred_at = t_.start;
    c.mode = "in_person";
    c.setting = intake_setting_;
    c.successful = 1;
    c.with_whom = "participant";
    c.by_role = "care_coordinator";
    c.purposes = "warm_handoff engagement";
    c.outcome = "engaged";
    c.duration_minutes = rng_.Between(30, 75);
    c.narrative = rng_.Pick(HandoffNotes());
    Emit(std::move(c), CoordinatorOn(start));
  }

  std::int64_t next_visit = start + 30 + rng_.Between(0, 10);
  std::int64_t next_check = start + 40 + rng_.Between(0, 7);
  std::int64_t next_peer = std::max(peer_.from_day, start + 1) + rng_.Between(0, 4);
  std::int64_t next_nurse = nurse_.from_day + rng_.Between(3, 14);
  std::int64_t next_outside = start + rng_.Between(3, 15);
  bool assessed = false, planned = false;
  for (std::int64_t day = start + 1; day < end_day && day <= s().today; ++day) {
    transitioning_ = day >= transition_day;
    if (day == locate_day_) {
      Contact(Daytime(rng_, s(), day), cc_on(day), "in_person", "locate", "");
      locate_day_ = 0;
    }
    const std::int64_t age = day - start;
    if (locating_from_ != 0 && day >= locating_from_) {
      // 001 §2: repeated attempts, then active attempts to locate, documented.
      if (rng_.Chance(0.35)) {
        const bool visit = rng_.Chance(0.5);
        Contact(Daytime(rng_, s(), day), cc_on(day), visit ? "in_person" : "phone", "engagement",
                "");
      }
      continue;
    }
    // 001 §2: contact daily to at least three times a week in the first 30 days of services,
    // and again in the first 30 days after enrolment (when the schedule applies).
    if (age < 30 || (day >= enrolled_day && day < enrolled_day + 30)) {
      if (rng_.Chance(std::min(1.0, per_day * kept))) {
        const bool by_peer = peer_.ActiveOn(day) && rng_.Chance(0.35);
        const Staffer who = by_peer ? peer_ : cc_on(day);
        static constexpr Weighted kModes[] = {
            {"phone", 40}, {"text", 20}, {"in_person", 35}, {"video", 5}};
        const char* mode = PickWeighted(rng_, kModes);
        const char* purposes = "engagement";
        std::string note = by_peer ? rng_.Pick(PeerNotes()) : rng_.Pick(CoordinatorCheckInNotes());
        if (!by_peer && !assessed && age >= 5) {  // 001 §3, face to face
          purposes = "assessment engagement";
          note = rng_.Pick(AssessmentNotes());
          mode = "in_person";
          assessed = true;
        } else if (!by_peer && !planned && age >= 14) {  // 001 §4, with the participant
          purposes = "care_planning";
          note = rng_.Pick(CarePlanningNotes());
          mode = "in_person";
          planned = true;
        }
        if (rng_.Chance(0.015)) {
          purposes = "crisis";
          note = rng_.Pick(CrisisNotes());
        }
        Contact(Daytime(rng_, s(), day), who, mode, purposes, note);
      }
    } else {
      // 000: the coordinator meets the participant in person at least monthly.
      if (day >= next_visit) {
        const bool review = rng_.Chance(0.3);
        Contact(Daytime(rng_, s(), day), cc_on(day), "in_person",
                transitioning_ ? "transition_follow_up care_planning"
                : review       ? "care_planning"
                               : "navigation engagement",
                transitioning_ ? std::string(rng_.Pick(TransitionNotes()))
                : review       ? std::string(rng_.Pick(CarePlanningNotes()))
                               : std::string(rng_.Pick(CoordinatorVisitNotes())));
        next_visit = day + (reachable_ ? rng_.Between(24, 31) : rng_.Between(2, 5));
      } else if (day >= next_check) {
        static constexpr Weighted kModes[] = {{"phone", 60}, {"text", 25}, {"video", 15}};
        Contact(Daytime(rng_, s(), day), cc_on(day), PickWeighted(rng_, kModes),
                transitioning_ ? "transition_follow_up" : "engagement",
                rng_.Pick(CoordinatorCheckInNotes()));
        next_check = day + (reachable_ ? rng_.Between(25, 35) : rng_.Between(2, 5));
      }
    }
    // 000: the peer support specialist meets the participant weekly, in the early weeks too.
    if (peer_.ActiveOn(day) && day >= next_peer) {
      static constexpr Weighted kModes[] = {{"in_person", 60}, {"phone", 25}, {"text", 15}};
      Contact(Daytime(rng_, s(), day), peer_, PickWeighted(rng_, kModes), "engagement navigation",
              rng_.Pick(PeerNotes()));
      next_peer = day + rng_.Between(5, 8);
    }
    if (nurse_.ActiveOn(day) && day >= next_nurse && day < enrolled_day + 400) {
      Contact(Daytime(rng_, s(), day), nurse_, rng_.Chance(0.5) ? "in_person" : "phone",
              "care_planning", rng_.Pick(NurseNotes()));
      next_nurse = day + rng_.Between(25, 35);
    }
    if (day >= next_outside) {
      OutsideContact(day);
      next_outside = day + rng_.Between(21, 45);
    }
  }

  if (!t_.end) return;
  // The contact that ends the episode, just before the status change.
  store::ContactRow c;
  c.occurred_at = *t_.end - rng_.Between(30, 90) * kMinute;
  c.with_whom = "participant";
  c.by_role = "care_coordinator";
  c.purposes = "engagement";
  if (t_.fate == Fate::kRefused) {
    c.mode = rng_.Chance(0.5) ? "phone" : "in_person";
    c.successful = 1;
    c.outcome = "refused_services";
    c.narrative = rng_.Pick(RefusalNotes());
  } else if (t_.fate == Fate::kUnableToLocate) {
    c.mode = "mail";
    c.successful = 0;
    c.outcome = "other";
    c.narrative =
        "Mailed a letter to the last known address: services paused, how to come back (001 §2).";
  } else if (t_.end_from == "transitioning") {
    c.mode = "in_person";
    c.successful = 1;
    c.outcome = "engaged";
    c.purposes = "transition_follow_up care_planning";
    c.narrative = rng_.Pick(ClosingNotes());
  } else {
    c.mode = "phone";
    c.successful = 1;
    c.outcome = "information_shared";
    c.narrative = t_.end_reason;
  }
  if (c.mode == "in_person") c.setting = "home";
  c.duration_minutes = c.mode == "in_person" ? rng_.Between(30, 60) : rng_.Between(5, 20);
  Emit(std::move(c), CoordinatorOn(last));
}

// A visit during a stay in a higher level of care and the follow-up after the discharge
// (001 §2 §8).
void EpisodeWriter::StayContacts() {
  for (const StayPlan& stay : stays_) {
    for (const bool follow_up : {false, true}) {
      const std::optional<std::int64_t> day = follow_up ? stay.follow_up_day : stay.visit_day;
      if (!day) continue;
      store::ContactRow c;
      c.occurred_at = Daytime(rng_, s(), *day);
      c.mode = follow_up && rng_.Chance(0.35) ? "phone" : "in_person";
      if (std::string_view(c.mode) == "in_person") {
        c.setting = follow_up ? (rng_.Chance(0.7) ? "home" : "community") : stay.visit_setting;
      }
      c.successful = 1;
      c.with_whom = "participant";
      c.by_role = "care_coordinator";
      c.purposes = follow_up ? "transition_follow_up" : "engagement care_planning";
      c.outcome = "engaged";
      c.duration_minutes = c.mode == "phone" ? rng_.Between(10, 25) : rng_.Between(30, 60);
      c.narrative = follow_up ? FollowUpNote(rng_) : FacilityVisitNote(rng_);
      Emit(std::move(c), CoordinatorOn(*day));
    }
  }
}

}  // namespace

void GenerateEpisode(ParticipantContext& ctx, const Timeline& t, int coordinator, int peer,
                     int nurse) {
  EpisodeWriter(ctx, t).Write(coordinator, peer, nurse);
}

}  // namespace carecoord::demo::population
