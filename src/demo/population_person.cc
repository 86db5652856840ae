// SPDX-License-Identifier: Apache-2.0
// Participants of the synthetic population: who they are, the people around them, when their
// episodes happened, and the referrals that never became episodes.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "demo/population_person.h"
#include "domain/person_match.h"

namespace carecoord::demo::population {
namespace {

std::chrono::year_month_day Ymd(std::int64_t day) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{day}}};
}

std::int64_t DayOfYmd(std::chrono::year_month_day ymd) {
  if (!ymd.ok()) ymd = ymd.year() / ymd.month() / std::chrono::last;  // 29 February
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::int64_t AddYears(std::int64_t day, int years) {
  return DayOfYmd(Ymd(day) + std::chrono::years{years});
}

std::string Phone(Rng& rng) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "(%s) 555-01%02d", rng.Pick(AreaCodes()),
                static_cast<int>(rng.Below(100)));
  return buf;
}

// ASCII letters of a name for e-mail addresses ("José Luis" -> "joseluis").
std::string AsciiLetters(std::string_view name) {
  std::string out;
  for (char c : NormalizePersonName(name)) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

std::string Ordinal(int n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                    ? "st"
                       : n % 10 == 2                    ? "nd"
                       : n % 10 == 3                    ? "rd"
                                                        : "th";
  return std::to_string(n) + suffix;
}

const char* GivenName(Rng& rng, const NameGroup& g, const std::string& sex) {
  if (sex == "female") return rng.Pick(g.female);
  if (sex == "male") return rng.Pick(g.male);
  return rng.Chance(0.6) ? rng.Pick(g.neutral) : rng.Pick(rng.Chance(0.5) ? g.female : g.male);
}

std::string DoctorName(Rng& rng) {
  const NameGroup& g = PickGroup(rng);
  const char* given = rng.Pick(rng.Chance(0.5) ? g.female : g.male);
  return std::string("Dr. ") + given + " " + rng.Pick(g.family);
}

constexpr Weighted kAdultLiving[] = {{"stable_housing", 30},
                                     {"with_family", 20},
                                     {"supported_housing", 10},
                                     {"homeless_sheltered", 12},
                                     {"homeless_unsheltered", 8},
                                     {"institution", 3},
                                     {"jail", 2},
                                     {"other", 3},
                                     {"", 5}};
constexpr Weighted kYouthLiving[] = {{"with_family", 50},
                                     {"stable_housing", 15},
                                     {"supported_housing", 10},
                                     {"homeless_sheltered", 10},
                                     {"homeless_unsheltered", 5},
                                     {"other", 5},
                                     {"", 5}};
constexpr Weighted kChildLiving[] = {
    {"with_family", 85}, {"other", 10}, {"institution", 2}, {"", 3}};
constexpr Weighted kContactMethods[] = {{"phone", 40}, {"text", 30}, {"in_person", 12},
                                        {"email", 5},  {"mail", 3},  {"", 10}};

}  // namespace

std::string DateOfDay(std::int64_t day) {
  const auto ymd = Ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::int64_t Daytime(Rng& rng, const Setup& setup, std::int64_t day) {
  const std::int64_t lo = day * kDay + 13 * kHour;
  const std::int64_t hi = std::min(day * kDay + 22 * kHour - kMinute, setup.now_ms - kMinute);
  return lo + rng.Between(0, (hi - lo) / kMinute) * kMinute;
}

Person MakePerson(Rng& rng, const Setup& setup) {
  Person p;
  p.group = &PickGroup(rng);
  const NameGroup& g = *p.group;
  const auto sex = rng.Below(1000);
  p.sex = sex < 490 ? "female" : sex < 980 ? "male" : sex < 984 ? "intersex" : "unknown";
  // A mostly adult program with some children and youth, for the pediatric side (002).
  const auto band = rng.Below(100);
  p.age = band < 10   ? static_cast<int>(rng.Between(6, 13))
          : band < 18 ? static_cast<int>(rng.Between(14, 17))
          : band < 25 ? static_cast<int>(rng.Between(18, 21))
          : band < 88 ? static_cast<int>(rng.Between(22, 64))
                      : static_cast<int>(rng.Between(65, 84));
  p.birth_day = AddYears(setup.today, -p.age) - rng.Between(0, 360);
  p.adult_day = AddYears(p.birth_day, 18);
  const bool minor = p.age < 18;

  p.given = GivenName(rng, g, p.sex);
  p.family = rng.Pick(g.family);
  if (rng.Chance(0.08)) p.preferred = rng.Pick(Nicknames());
  const auto identity = rng.Below(100);
  if (p.age >= 12 && identity < 3) {
    p.gender_identity = "non-binary";
    p.pronouns = "they/them";
    if (rng.Chance(0.5)) p.given = rng.Pick(g.neutral);
  } else if (p.age >= 14 && identity < 4) {
    p.gender_identity = "transgender woman";
    p.pronouns = "she/her";
  } else if (p.age >= 14 && identity < 5) {
    p.gender_identity = "transgender man";
    p.pronouns = "he/him";
  } else if (identity < 30 && (p.sex == "female" || p.sex == "male")) {
    p.gender_identity = p.sex == "female" ? (minor ? "girl" : "woman") : (minor ? "boy" : "man");
    p.pronouns = p.sex == "female" ? "she/her" : "he/him";
  }

  // 001 §9: preferred language and interpreter need.
  p.language = "en";
  if (g.prefers_language > 0 && rng.Chance(g.prefers_language)) {
    p.language = g.language;
    p.interpreter = rng.Chance(g.needs_interpreter);
  }

  p.living = PickWeighted(rng, minor        ? std::span<const Weighted>(kChildLiving)
                               : p.age < 22 ? std::span<const Weighted>(kYouthLiving)
                                            : std::span<const Weighted>(kAdultLiving));
  const City& city = rng.Pick(Cities());
  p.city = city.name;
  p.state = "FL";
  p.postal = std::string(city.postal_prefix) + std::to_string(rng.Between(10, 99));
  if (p.living == "homeless_unsheltered") {
    p.address = "";
  } else if (p.living == "homeless_sheltered") {
    p.address = rng.Pick(ShelterAddresses());
  } else if (p.living == "jail") {
    p.address = "Riverbend County Jail, 700 Court St";
  } else if (p.living == "institution") {
    p.address = minor ? "Sandy Pines Residential Treatment Center, 11301 SE Tequesta Ter"
                      : "Palmetto Assisted Living Facility, 45 Palm Ct";
  } else {
    p.address = std::to_string(rng.Between(100, 9899)) + " " + rng.Pick(Streets());
    if (rng.Chance(0.35)) p.address += " Apt " + std::to_string(rng.Between(1, 420));
  }
  const bool homeless = p.living.starts_with("homeless");
  if (!rng.Chance(homeless ? 0.35 : 0.08)) p.phone = Phone(rng);
  if (!minor && rng.Chance(0.35)) {
    std::string local = AsciiLetters(p.given);
    if (local.empty()) local = "member";
    p.email = local + "." + AsciiLetters(p.family) + std::to_string(rng.Between(1, 99)) +
              (rng.Chance(0.5) ? "@example.com" : "@example.org");
  }
  p.contact_method = PickWeighted(rng, kContactMethods);
  if (p.phone.empty() && (p.contact_method == "phone" || p.contact_method == "text"))
    p.contact_method = "in_person";
  if (p.email.empty() && p.contact_method == "email") p.contact_method = "";
  p.contact_times = rng.Pick(ContactTimes());
  if (rng.Chance(0.18)) p.cultural = rng.Pick(CulturalConsiderations());
  if (!minor && rng.Chance(0.10)) {
    p.advance_directive = "Psychiatric advance directive on file, signed " +
                          DateOfDay(setup.today - rng.Between(30, 1500)) + ".";
  }

  p.payer = PickWeighted(rng, minor ? ChildPayers() : AdultPayers());
  if (!p.payer.starts_with("Uninsured")) {
    p.member_id =
        std::string(1, p.payer[0]) + std::to_string(rng.Between(100'000'000, 999'999'999));
  }

  if (minor) {  // 002: school and family
    if (p.age <= 10) {
      p.school = rng.Pick(ElementarySchools());
    } else if (p.age <= 13) {
      p.school = rng.Pick(MiddleSchools());
    } else {
      p.school = rng.Pick(HighSchools());
    }
    p.grade = Ordinal(std::min(p.age - 5, 12)) + " grade";
    const auto plan = rng.Below(100);
    if (plan < 22) {
      p.education_plan = "IEP — emotional/behavioral disability";
    } else if (plan < 30) {
      p.education_plan = "IEP — specific learning disability";
    } else if (plan < 40) {
      p.education_plan = "504 plan (ADHD)";
    }
    if (rng.Chance(0.6)) p.family_notes = rng.Pick(FamilyNotes());
  }
  p.substance_use = p.age >= 14 && rng.Chance(p.age >= 18 ? 0.35 : 0.08);
  if (rng.Chance(0.72)) {
    p.pcp_practice = rng.Pick(PrimaryCarePractices());
    p.pcp_name = DoctorName(rng);
  }
  return p;
}

namespace {

Related MakeRelated(Rng& rng, const Person& p, const char* relationship, bool same_family) {
  Related r;
  r.relationship = relationship;
  const NameGroup& g = *p.group;
  const bool female =
      std::string_view(relationship) == "parent" ? rng.Chance(0.7) : rng.Chance(0.55);
  r.name = std::string(rng.Pick(female ? g.female : g.male)) + " " +
           (same_family ? p.family : std::string(rng.Pick(g.family)));
  if (rng.Chance(0.85)) r.phone = Phone(rng);
  return r;
}

// Guardians and household for children (002); natural supports for everyone (001 §2).
std::vector<Related> MakeRelatedPersons(Rng& rng, const Person& p, int& guardian) {
  std::vector<Related> out;
  guardian = -1;
  if (p.age < 18) {
    const auto kind = rng.Below(100);
    const char* rel = kind < 85 ? "parent" : kind < 93 ? "grandparent" : "foster_parent";
    Related g = MakeRelated(rng, p, rel, std::string_view(rel) != "foster_parent");
    g.roles = "legal_guardian emergency_contact household_member";
    g.guardian = true;
    out.push_back(std::move(g));
    guardian = 0;
    if (rng.Chance(0.45)) {
      Related other = MakeRelated(rng, p, "parent", true);
      other.roles = "natural_support household_member";
      other.natural_support = true;
      out.push_back(std::move(other));
    }
    if (rng.Chance(0.25)) {
      Related sib = MakeRelated(rng, p, "sibling", true);
      sib.roles = "household_member";
      out.push_back(std::move(sib));
    }
    return out;
  }
  if (p.age < 21) {
    // The parent who was the guardian until 18: still there to sign for the episodes of
    // those years, a natural support now.
    Related g = MakeRelated(rng, p, "parent", true);
    g.roles = "natural_support emergency_contact";
    g.guardian = true;
    g.natural_support = true;
    guardian = 0;
    out.push_back(std::move(g));
  } else if (rng.Chance(0.02)) {  // an adult under guardianship
    Related g = MakeRelated(rng, p, rng.Chance(0.6) ? "parent" : "guardian", rng.Chance(0.6));
    g.roles = "legal_guardian health_care_proxy";
    g.guardian = true;
    guardian = static_cast<int>(out.size());
    out.push_back(std::move(g));
  }
  static constexpr Weighted kRelationships[] = {{"spouse_or_partner", 20},
                                                {"sibling", 18},
                                                {"parent", 15},
                                                {"child", 10},
                                                {"friend", 15},
                                                {"other_family", 8},
                                                {"neighbor", 4},
                                                {"faith_community", 6},
                                                {"other", 2}};
  const auto count = rng.Below(100);
  const int n = (count < 25   ? 0
                 : count < 65 ? 1
                 : count < 90 ? 2
                              : 3) -
                static_cast<int>(out.size());
  for (int i = 0; i < n; ++i) {
    const char* rel = PickWeighted(rng, kRelationships);
    if (std::string_view(rel) == "child" && p.age < 36) rel = "sibling";
    if (std::string_view(rel) == "parent" && p.age > 70) rel = "child";
    const std::string_view r(rel);
    const bool family = r == "sibling" || r == "parent" || r == "child" ||
                        (r == "spouse_or_partner" && rng.Chance(0.5));
    Related s = MakeRelated(rng, p, rel, family);
    s.natural_support = true;
    s.roles = i == 0 ? "natural_support emergency_contact" : "natural_support";
    if (r == "spouse_or_partner" && rng.Chance(0.3)) s.roles += " health_care_proxy";
    if (rng.Chance(0.05)) s.active = false;  // no longer in touch
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

store::ReferralRow MakeReferral(Rng& rng, const Setup& setup, const Person& p,
                                std::int64_t received, std::int64_t id_ms) {
  const SourceSetting& src = PickSource(rng, p.MinorOn(DayOf(received)));
  store::ReferralRow r;
  r.id = rng.Id(id_ms);
  r.program_id = setup.program_id;
  r.status = "open";
  if (rng.Below(100) < static_cast<std::uint64_t>(src.urgent_percent)) {
    r.urgency = rng.Chance(0.25) ? "emergent" : "urgent";
  } else {
    r.urgency = "routine";
  }
  // The intake queue sorts by rank ascending: emergent first (docs/participant-record.md).
  r.urgency_rank = r.urgency == "emergent" ? 0 : r.urgency == "urgent" ? 1 : 2;
  r.received_at = received;
  r.source_setting = src.code;
  r.source_org = rng.Pick(src.organizations);
  if (!r.source_org.empty()) {
    const NameGroup& g = PickGroup(rng);
    r.source_person = std::string(rng.Pick(rng.Chance(0.7) ? g.female : g.male)) + " " +
                      rng.Pick(g.family) + " (" + rng.Pick(ReferrerRoles()) + ")";
    r.source_contact = Phone(rng);
  } else {
    r.source_person = r.source_setting == "self" ? "self" : "family member";
    r.source_contact = p.phone;
  }
  r.reason = rng.Pick(src.reasons);
  if (r.source_setting != "self" && r.source_setting != "family") {
    r.documents = R"([{"title": "Referral form", "reference": "fax )" + DateOfDay(DayOf(received)) +
                  " #" + std::to_string(rng.Between(1000, 9999)) + R"("}])";
  } else {
    r.documents = "[]";
  }
  r.given_name = p.given;
  r.family_name = p.family;
  r.birth_date = DateOfDay(p.birth_day);
  r.sex = p.sex;
  r.phone = p.phone;
  r.payer = p.payer;
  r.member_id = p.member_id;
  r.preferred_language = p.language;
  r.created_by = setup.intake_user_id;
  r.created_at = r.updated_at = received;
  return r;
}

Timeline MakeTimeline(Fate fate, Rng& rng, const Setup& s) {
  Timeline t;
  t.fate = fate;
  const std::int64_t today = s.today;
  std::int64_t end_day = 0;
  switch (fate) {
    case Fate::kReferred: t.start_day = today - rng.Between(0, 1); break;
    case Fate::kEngaging: t.start_day = today - rng.Between(0, 40); break;
    case Fate::kActive:
      t.start_day = today - rng.Between(30, 180);
      t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 28));
      break;
    case Fate::kTransitioning:
      t.start_day = today - rng.Between(90, 240);
      t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 28));
      t.transition = Daytime(rng, s, today - rng.Between(1, 40));
      break;
    case Fate::kClosed:
      end_day = today - rng.Between(2, 365);
      if (rng.Chance(0.8)) {
        t.start_day = end_day - rng.Between(60, 180);
        t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 28));
        t.transition = Daytime(rng, s, end_day - rng.Between(14, 45));
        t.end_from = "transitioning";
        t.end_reason = rng.Pick(CloseReasons());
      } else {
        t.start_day = end_day - rng.Between(8, 29);
        t.end_from = "engaging";
        t.end_reason = rng.Pick(EarlyCloseReasons());
      }
      break;
    case Fate::kRefused: {
      end_day = today - rng.Between(2, 400);
      const std::int64_t span = rng.Between(5, 150);
      t.start_day = end_day - span;
      if (span > 35) t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 28));
      t.end_from = t.enrolled ? "active" : "engaging";
      t.end_reason = "Participant declined further care coordination services (001 §2).";
      break;
    }
    case Fate::kUnableToLocate: {
      end_day = today - rng.Between(2, 400);
      const std::int64_t span = rng.Between(30, 100);
      t.start_day = end_day - span;
      if (span > 50 && rng.Chance(0.35)) {
        t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 20));
      }
      t.end_from = t.enrolled ? "active" : "engaging";
      t.end_reason = "No contact despite repeated outreach and active attempts to locate (001 §2).";
      break;
    }
  }
  t.start = Daytime(rng, s, t.start_day);
  // 001 §8: the warm hand-off happens at discharge or within 24 hours of the referral.
  t.received = t.start - rng.Between(2 * kHour, rng.Chance(0.85) ? 24 * kHour : 60 * kHour);
  if (end_day != 0) t.end = Daytime(rng, s, end_day);
  t.last_day = end_day != 0 ? end_day : today;
  return t;
}

Timeline MakePriorTimeline(std::int64_t next_start_day, Rng& rng, const Setup& s) {
  Timeline t;
  t.fate = Fate::kClosed;
  const std::int64_t end_day = next_start_day - rng.Between(30, 240);
  t.start_day = end_day - rng.Between(60, 180);
  t.enrolled = Daytime(rng, s, t.start_day + rng.Between(10, 28));
  t.transition = Daytime(rng, s, end_day - rng.Between(14, 45));
  t.end_from = "transitioning";
  t.end_reason = rng.Pick(CloseReasons());
  t.start = Daytime(rng, s, t.start_day);
  t.received = t.start - rng.Between(2 * kHour, 30 * kHour);
  t.end = Daytime(rng, s, end_day);
  t.last_day = end_day;
  return t;
}

void GenerateParticipant(const Setup& setup, std::int64_t index, const ParticipantPlan& plan,
                         store::PopulationWriter& out) {
  Rng rng(StreamSeed(setup.seed, kParticipantStream, static_cast<std::uint64_t>(index)));
  const Person p = MakePerson(rng, setup);  // first: MakeLooseReferral draws it again

  const Timeline current = MakeTimeline(plan.fate, rng, setup);
  std::optional<Timeline> prior;
  if (current.start_day - setup.today > -400 && rng.Chance(0.06)) {  // a readmission
    prior = MakePriorTimeline(current.start_day, rng, setup);
  }
  const std::int64_t created = prior ? prior->start : current.start;

  // Ids carry the time of the load, one millisecond per participant (see Setup::IdTime).
  const std::int64_t id_ms = setup.IdTime(index);
  store::ParticipantRow row;
  row.id = rng.Id(id_ms);
  ParticipantContext ctx{setup, rng, out, p, row.id, id_ms, {}, -1};
  ctx.related = MakeRelatedPersons(rng, p, ctx.guardian);

  row.given_name = p.given;
  row.family_name = p.family;
  row.preferred_name = p.preferred;
  row.name_norm = NormalizePersonName(p.given + " " + p.family);
  row.family_norm = NormalizePersonName(p.family);
  row.birth_date = DateOfDay(p.birth_day);
  row.sex = p.sex;
  row.gender_identity = p.gender_identity;
  row.pronouns = p.pronouns;
  row.phone = p.phone;
  row.email = p.email;
  row.preferred_contact_method = p.contact_method;
  row.preferred_contact_times = p.contact_times;
  row.address_line = p.address;
  row.city = p.city;
  row.state = p.state;
  row.postal_code = p.postal;
  row.living_situation = p.living;
  row.preferred_language = p.language;
  row.interpreter_needed = p.interpreter ? 1 : 0;
  row.cultural_considerations = p.cultural;
  row.advance_directive = p.advance_directive;
  for (const Related& r : ctx.related) {
    if (r.roles.find("health_care_proxy") != std::string::npos) row.health_care_proxy = r.name;
  }
  row.payer = p.payer;
  row.member_id = p.member_id;
  if (!p.pcp_name.empty()) row.primary_care_provider = p.pcp_name + ", " + p.pcp_practice;
  row.school_name = p.school;
  row.school_grade = p.grade;
  row.education_plan = p.education_plan;
  row.family_notes = p.family_notes;
  row.created_at = row.updated_at = created;
  out.Add(std::move(row));

  for (Related& r : ctx.related) {
    store::RelatedPersonRow rp;
    const std::int64_t at = created + rng.Between(5, 90) * kMinute;
    r.id = rng.Id(id_ms);
    rp.id = r.id;
    rp.participant_id = ctx.participant_id;
    rp.name = r.name;
    rp.relationship = r.relationship;
    rp.roles = r.roles;
    rp.phone = r.phone;
    rp.notes = r.active ? rng.Pick(RelatedPersonNotes()) : "No longer in contact.";
    rp.active = r.active ? 1 : 0;
    rp.created_at = rp.updated_at = at;
    out.Add(std::move(rp));
  }

  const auto pick_any = [&](std::size_t n) { return static_cast<int>(rng.Below(n)); };
  if (prior) {
    GenerateEpisode(ctx, *prior, pick_any(setup.coordinators.size()),
                    rng.Chance(0.5) ? pick_any(setup.peers.size()) : -1, -1);
  }
  GenerateEpisode(ctx, current, plan.coordinator, plan.peer, plan.nurse);
}

std::int64_t LooseReferralCount(std::int64_t participants) {
  return participants <= 0 ? 0 : std::max<std::int64_t>(3, participants * 8 / 100);
}

void GenerateLooseReferral(const Setup& setup, std::int64_t index, store::PopulationWriter& out) {
  Rng rng(StreamSeed(setup.seed, kReferralStream, static_cast<std::uint64_t>(index)));
  // The first three are one of each kind, so that even a small population shows them all.
  static constexpr std::uint64_t kFirst[] = {0, 50, 95};
  const auto kind = index < 3 ? kFirst[index] : rng.Below(100);
  const bool open = kind < 40, declined = kind >= 40 && kind < 90;

  Person p;
  if (open && setup.participants > 0 && rng.Chance(0.25)) {
    // A new referral of someone already known: intake's duplicate check should find them.
    const auto other = rng.Below(static_cast<std::uint64_t>(setup.participants));
    Rng again(StreamSeed(setup.seed, kParticipantStream, other));
    p = MakePerson(again, setup);
    const std::size_t n = p.given.size();
    if (rng.Chance(0.3) && n > 5 && static_cast<unsigned char>(p.given[n - 2]) < 0x80) {
      p.given.erase(n - 2, 1);  // a typing slip, on an ASCII letter so the text stays UTF-8
    }
  } else {
    p = MakePerson(rng, setup);
  }
  const std::int64_t received = open ? setup.now_ms - rng.Between(10 * kMinute, 5 * kDay)
                                     : setup.now_ms - rng.Between(2 * kDay, 500 * kDay);
  // Among the ids of the participants loaded in the same transaction.
  const std::int64_t id_ms =
      setup.IdTime(index * setup.participants / LooseReferralCount(setup.participants));
  store::ReferralRow r = MakeReferral(rng, setup, p, received, id_ms);
  if (!open) {
    r.status = declined ? "declined" : "refused";
    r.decided_at = std::min(received + rng.Between(2 * kHour, 3 * kDay), setup.now_ms);
    r.decided_by = setup.intake_user_id;
    r.decision_reason = declined ? rng.Pick(DeclineReasons())
                                 : "Intake reached the person by phone; they declined care "
                                   "coordination services (001 §2).";
    r.updated_at = *r.decided_at;
    r.version = 2;
  }
  out.Add(std::move(r));
}

}  // namespace carecoord::demo::population
