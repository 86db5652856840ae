// SPDX-License-Identifier: Apache-2.0
// Assessments and the care plan of one episode of the synthetic population (001 §3 §4 §10,
// 002): screenings at engagement and every few months, a level-of-care rating, an SDOH screen
// whose positive domains become needs, and a person-centered plan written with the participant
// within weeks of enrolment, reviewed about every 90 days, with goal progress each month.
// Scores come from the real instrument definitions (domain ScoreAnswers), documents from the
// real codec, so the demo is what the application would have stored.
#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "app/care_plan_codec.h"
#include "app/instrument_catalog.h"
#include "demo/population_person.h"
#include "domain/care_plan.h"
#include "domain/instrument.h"

namespace carecoord::demo::population {
namespace {

// One kind of goal, in the participant's own words (English and Spanish: the plan is written
// in the language the participant speaks, 001 §9), with a measurable indicator (001 §10) and
// what the team does about it.
struct GoalKind {
  std::string_view need;  // the need it answers
  std::string_view statement_en, statement_es;
  std::string_view indicator, unit;
  double baseline_lo, baseline_hi, target;
  std::string_view action;
  std::string_view responsible;
  std::string_view frequency;
  std::string_view own_step;  // what the participant or family does
};

constexpr std::array<GoalKind, 8> kGoalKinds = {{
    {"Stable housing", "I want a place of my own where I feel safe.",
     "Quiero tener un lugar propio donde me sienta seguro.", "Nights in stable housing per week",
     "nights", 0, 3, 7, "Apply for a housing voucher and visit two apartments", "care_coordinator",
     "weekly", "Gather ID and income papers"},
    {"Depression", "I want to feel like myself again.", "Quiero volver a sentirme como antes.",
     "PHQ-9 total score", "points", 12, 20, 5,
     "Link to therapy and a psychiatric medication review", "care_coordinator", "monthly",
     "Take medication as prescribed and keep a mood diary"},
    {"Anxiety", "I want to go out without panicking.", "Quiero salir sin tener ataques de panico.",
     "Days out of the house per week", "days", 0, 2, 5, "Practice outings together", "peer_support",
     "weekly", "Use the breathing exercise before leaving"},
    {"Employment", "I want a job so I can pay my own bills.",
     "Quiero un trabajo para pagar mis propias cuentas.", "Job applications sent per month",
     "applications", 0, 1, 4, "Refer to supported employment", "care_coordinator", "twice a month",
     "Update my resume at the library"},
    {"Substance use", "I want to stay sober and get my life back.",
     "Quiero mantenerme sobrio y recuperar mi vida.", "Days without use in the last 30", "days", 5,
     15, 30, "Connect to an outpatient program and a recovery group", "peer_support", "weekly",
     "Call my sponsor when cravings start"},
    {"Health care", "I want to keep my doctor appointments.",
     "Quiero ir a todas mis citas medicas.", "Appointments kept per month", "appointments", 0, 1, 2,
     "Arrange transportation and reminders", "care_coordinator", "monthly",
     "Write appointments on the calendar"},
    {"Food", "I want enough food for my family every week.",
     "Quiero suficiente comida para mi familia cada semana.", "Days with enough food per week",
     "days", 2, 4, 7, "Apply for SNAP and connect to the food bank", "care_coordinator", "once",
     "Go to the food bank on Saturdays"},
    {"School", "I want to go to school every day.", "Quiero ir a la escuela todos los dias.",
     "School days attended per week", "days", 1, 3, 5,
     "Meet with the school counselor about an attendance plan", "care_coordinator", "monthly",
     "Set the alarm and pack the bag the night before"},
}};

constexpr std::array<std::string_view, 8> kStrengths = {
    "Loves to cook",         "Close to a sister",        "Knows the bus routes well",
    "Faith community",       "Good sense of humor",      "Wants to work again",
    "Has kept a job before", "Cares for a pet every day"};
constexpr std::array<std::string_view, 6> kBarriers = {
    "No ID documents",           "No phone minutes at the end of the month",
    "Long bus trips to clinics", "Past bad experiences with hospitals",
    "Waitlist for housing",      "Works night shifts"};
constexpr std::array<std::string_view, 6> kResources = {
    "Food bank on Main Street", "Community mental health center", "Peer-run drop-in center",
    "Public library computers", "Free legal aid clinic",          "Transit reduced-fare card"};
constexpr std::array<std::string_view, 5> kWarningSigns = {
    "Not sleeping for two nights, staying in bed all day",
    "Stops answering the phone and skips meals", "Talks about being a burden to others",
    "Drinking more, missing appointments", "Hearing voices that get louder at night"};
constexpr std::array<std::string_view, 4> kCopingSteps = {
    "Call my sister, take a walk, listen to music",
    "Use the breathing exercise, go to the drop-in center",
    "Take my evening medication, write in my journal", "Go to a friend's house, do not stay alone"};
constexpr std::array<std::string_view, 5> kDiagnoses = {
    "Major depressive disorder, recurrent (F33.1)", "Generalized anxiety disorder (F41.1)",
    "Post-traumatic stress disorder (F43.10)", "Bipolar I disorder (F31.9)",
    "Schizoaffective disorder (F25.0)"};
constexpr std::array<std::string_view, 5> kMedications = {
    "Sertraline 100 mg daily", "Aripiprazole 10 mg daily", "Lithium 300 mg twice daily",
    "Bupropion XL 150 mg daily", "Prazosin 2 mg at bedtime"};
constexpr std::array<std::string_view, 3> kAllergies = {"No known allergies", "Penicillin",
                                                        "Sulfa drugs"};
constexpr std::array<std::string_view, 4> kTransitionSteps = {
    "Join the peer-run recovery group", "Move psychiatric care to the community clinic",
    "Step down to monthly check-ins", "Keep the crisis plan with a trusted family member"};

std::uint64_t Fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char ch : s) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class CareWriter {
 public:
  CareWriter(ParticipantContext& ctx, const Timeline& t, const std::string& episode_id,
             const std::function<const StaffMember&(std::int64_t)>& by)
      : c_(ctx),
        t_(t),
        episode_id_(episode_id),
        by_(by),
        // Its own stream: the rest of the participant's data is the same with or without it.
        rng_(StreamSeed(ctx.setup.seed, kCareStream, Fnv1a(episode_id))) {}

  void Write();

 private:
  const Setup& s() const { return c_.setup; }
  std::int64_t Last() const { return std::min(t_.last_day, s().today); }
  std::int64_t Recorded(std::int64_t at) {
    return std::min(at + rng_.Between(5, 120) * kMinute, s().now_ms);
  }
  std::string Administer(const std::string& instrument_id, std::int64_t day, Answers answers,
                         const LevelEntry* level);
  Answers SpreadTotal(const Instrument& instrument, int total, std::string_view keep_zero);
  void Screen(std::int64_t first_day);
  void WritePlan(std::int64_t day);
  void CrisisContact(std::int64_t at);
  CarePlanDocument FirstDocument(std::int64_t day);
  void AddVersion(std::int64_t at, const CarePlanDocument& doc, const std::string& note,
                  const StaffMember& author);
  std::string Date(std::int64_t day) const { return DateOfDay(day); }

  ParticipantContext& c_;
  const Timeline& t_;
  const std::string& episode_id_;
  const std::function<const StaffMember&(std::int64_t)>& by_;
  Rng rng_;
  int first_phq_ = 0;
  Score last_score_;
  std::vector<std::string> needs_;  // SDOH needs found at engagement
  std::string sdoh_id_, phq_id_;
  std::string plan_id_;
  std::int64_t version_ = 0;
};

// Puts `total` points on the scored items (each at most its highest option), never on
// `keep_zero`.
Answers CareWriter::SpreadTotal(const Instrument& instrument, int total,
                                std::string_view keep_zero) {
  Answers answers;
  std::vector<const InstrumentItem*> items;
  for (const InstrumentSection& section : instrument.sections) {
    for (const InstrumentItem& item : section.items) {
      if (!item.scored || item.kind != ItemKind::kChoice) continue;
      answers[item.id].value = 0;
      if (item.id != keep_zero) items.push_back(&item);
    }
  }
  for (int left = total; left > 0 && !items.empty();) {
    const InstrumentItem* item = items[static_cast<std::size_t>(rng_.Below(items.size()))];
    int& v = *answers[item->id].value;
    if (v >= item->options.back().value) {
      std::erase(items, item);
      continue;
    }
    ++v;
    --left;
  }
  return answers;
}

std::string CareWriter::Administer(const std::string& instrument_id, std::int64_t day,
                                   Answers answers, const LevelEntry* level) {
  const Instrument* instrument = app::InstrumentCatalog::BuiltIn().Find(instrument_id);
  if (instrument == nullptr) return "";
  auto score = ScoreAnswers(*instrument, answers);
  if (!score) return "";  // a generator bug would show as missing demo assessments, not bad rows
  last_score_ = *score;
  const StaffMember& who = by_(day);
  store::AssessmentRow row;
  row.id = rng_.Id(c_.id_ms);
  row.participant_id = c_.participant_id;
  row.episode_id = episode_id_;
  row.instrument_id = instrument->id;
  row.instrument_version = instrument->version;
  row.instrument_title = instrument->title;
  row.assessed_at = Daytime(rng_, s(), day);
  if (score->total) row.total = *score->total;
  row.band = score->band;
  row.band_label = score->band_label;
  for (const RaisedFlag& f : score->flags) (row.flags += row.flags.empty() ? "" : ",") += f.flag;
  for (const IdentifiedNeed& n : score->needs) {
    (row.needs += row.needs.empty() ? "" : ",") += n.need;
  }
  if (level != nullptr) {
    row.recommended_level = level->recommended;
    row.level_source = "assessor";  // the demo installs no licensed determination table
    row.level_provided = level->provided;
    row.variance_reason = level->variance_reason;
  }
  row.respondent = c_.person.MinorOn(day) ? "parent" : "participant";
  row.recorded_by = who.id;
  row.created_at = Recorded(row.assessed_at);
  const std::string id = row.id;
  for (auto& [item, answer] : answers) {
    c_.out.Add(store::AssessmentAnswerRow{
        id, item, answer.value ? std::optional<std::int64_t>(*answer.value) : std::nullopt,
        answer.text});
  }
  // Item 9 of the PHQ-9: the coordinator checked on the participant's safety that same day.
  const bool safety =
      std::ranges::any_of(score->flags, [](const RaisedFlag& f) { return f.flag == "safety"; });
  if (safety) CrisisContact(row.assessed_at + rng_.Between(10, 90) * kMinute);
  c_.out.Add(std::move(row));
  return id;
}

void CareWriter::CrisisContact(std::int64_t at) {
  const std::int64_t day = DayOf(at);
  store::ContactRow c;
  c.id = rng_.Id(c_.id_ms);
  c.episode_id = episode_id_;
  c.participant_id = c_.participant_id;
  c.occurred_at = std::min(at, s().now_ms);
  c.duration_minutes = rng_.Between(20, 45);
  c.mode = "in_person";
  c.setting = "office";
  c.successful = 1;
  c.with_whom = "participant";
  c.by_user_id = by_(day).id;
  c.by_role = "care_coordinator";
  c.purposes = "crisis";
  c.outcome = "engaged";
  c.narrative =
      "Safety check after the PHQ-9: reviewed the crisis plan together, no plan or intent; "
      "agreed to call the crisis line or the coordinator if thoughts return.";
  c.created_at = c.updated_at = std::min(c.occurred_at + 20 * kMinute, s().now_ms);
  c.signed_at = c.created_at;
  c.signed_by = c.by_user_id;
  c_.out.Add(std::move(c));
}

// 001 §3, 002: a standardized assessment at engagement, then PHQ-9 every two to three months
// with symptoms easing for most participants.
void CareWriter::Screen(std::int64_t first_day) {
  const bool minor = c_.person.MinorOn(first_day);
  const Instrument* phq9 = app::InstrumentCatalog::BuiltIn().Find("phq9");
  const Instrument* gad7 = app::InstrumentCatalog::BuiltIn().Find("gad7");
  const Instrument* sdoh = app::InstrumentCatalog::BuiltIn().Find("sdoh");
  if (phq9 == nullptr || gad7 == nullptr || sdoh == nullptr) return;

  // SDOH: every answer negative, then each domain positive by chance; housing follows the
  // living situation drawn for the person.
  Answers social;
  for (const InstrumentSection& section : sdoh->sections) {
    for (const InstrumentItem& item : section.items) {
      if (item.kind == ItemKind::kChoice && !item.options.empty()) {
        social[item.id].value = item.options.front().value;
      }
    }
  }
  const bool unstable = c_.person.living.starts_with("homeless");
  for (const NeedRule& rule : sdoh->needs) {
    const bool positive = rule.need == "housing_instability"
                              ? unstable
                              : rng_.Chance(rule.need == "food_insecurity" ? 0.25 : 0.12);
    if (!positive || rule.items.empty()) continue;
    const InstrumentItem* item = sdoh->FindItem(rule.items.front());
    if (item != nullptr && item->kind == ItemKind::kChoice && !item->options.empty()) {
      social[item->id].value = item->options.back().value;
    }
  }
  sdoh_id_ = Administer("sdoh", first_day, social, nullptr);
  for (const IdentifiedNeed& n : last_score_.needs) needs_.push_back(n.need);

  first_phq_ = static_cast<int>(rng_.Between(5, 24));
  int total = first_phq_;
  for (std::int64_t day = first_day; day <= Last(); day += rng_.Between(55, 95)) {
    Answers a = SpreadTotal(*phq9, total, "q9");
    if (rng_.Chance(0.04)) {
      *a["q9"].value = 1;  // 001 §2 safety needs: flagged whatever the total
    }
    const std::string id = Administer("phq9", day, std::move(a), nullptr);
    if (phq_id_.empty()) phq_id_ = id;
    total = std::clamp(total - static_cast<int>(rng_.Between(-2, 5)), 0, 27);
  }
  int anxiety = static_cast<int>(rng_.Between(3, 19));
  for (std::int64_t day = first_day; day <= Last(); day += rng_.Between(80, 120)) {
    Administer("gad7", day, SpreadTotal(*gad7, anxiety, ""), nullptr);
    anxiety = std::clamp(anxiety - static_cast<int>(rng_.Between(-1, 4)), 0, 21);
  }

  // Level of care: LOCUS for adults, CALOCUS and the child and family assessment for minors.
  const Instrument* loc = app::InstrumentCatalog::BuiltIn().Find(minor ? "calocus" : "locus");
  if (loc != nullptr && loc->levels.size() >= 2) {
    Answers ratings;
    int composite = 0;
    for (const InstrumentSection& section : loc->sections) {
      for (const InstrumentItem& item : section.items) {
        if (item.kind != ItemKind::kRating) continue;
        const int v = static_cast<int>(rng_.Between(item.min, std::min(item.max, item.min + 3)));
        ratings[item.id].value = v;
        composite += v;
      }
    }
    // Without a licensed grid the assessor enters the level; the demo takes one that grows
    // with the composite.
    const int max_composite = std::max(1, loc->total_max - loc->total_min);
    const auto index = std::min<std::size_t>(
        loc->levels.size() - 1,
        static_cast<std::size_t>((composite - loc->total_min) *
                                 static_cast<int>(loc->levels.size()) / (max_composite + 1)));
    LevelEntry level;
    level.recommended = loc->levels[index].code;
    level.provided = level.recommended;
    if (index > 1 && rng_.Chance(0.2)) {
      level.provided = loc->levels[index - 1].code;
      level.variance_reason = "Participant prefers to stay at home; no bed available this week";
    }
    Administer(loc->id, first_day, std::move(ratings), &level);
  }
  if (minor) {
    const Instrument* family = app::InstrumentCatalog::BuiltIn().Find("pediatric_family");
    if (family != nullptr) {
      Answers notes;
      for (const InstrumentSection& section : family->sections) {
        for (const InstrumentItem& item : section.items) {
          if (item.kind == ItemKind::kText && (item.required || rng_.Chance(0.5))) {
            notes[item.id].text = "Discussed with " +
                                  std::string(c_.guardian >= 0 ? "the guardian" : "the family") +
                                  ": " + std::string(section.title) + " reviewed, see plan.";
          }
        }
      }
      Administer("pediatric_family", first_day, std::move(notes), nullptr);
    }
  }
}

CarePlanDocument CareWriter::FirstDocument(std::int64_t day) {
  const bool spanish = c_.person.language == "es";
  const bool minor = c_.person.MinorOn(day);
  CarePlanDocument doc;
  // Needs: the screening's positive domains and the reason for coordination.
  std::vector<std::size_t> kinds;
  kinds.push_back(first_phq_ >= 10 ? 1 : 2);
  if (std::ranges::find(needs_, "housing_instability") != needs_.end()) kinds.push_back(0);
  if (std::ranges::find(needs_, "food_insecurity") != needs_.end()) kinds.push_back(6);
  kinds.push_back(minor ? 7 : (c_.person.substance_use ? 4 : (rng_.Chance(0.5) ? 3 : 5)));
  for (const std::size_t k : kinds) {
    const GoalKind& g = kGoalKinds[k];
    CarePlanNeed need;
    need.id = rng_.Id(c_.id_ms);
    need.description = std::string(g.need);
    if (k == 1 || k == 2) {
      if (!phq_id_.empty()) need.assessment_ids.push_back(phq_id_);
    } else if ((k == 0 || k == 6) && !sdoh_id_.empty()) {
      need.assessment_ids.push_back(sdoh_id_);
    }
    CarePlanGoal goal;
    goal.id = rng_.Id(c_.id_ms);
    goal.statement = std::string(spanish ? g.statement_es : g.statement_en);
    goal.expressed_by = minor ? "participant_and_family"
                              : (rng_.Chance(0.85) ? "participant" : "participant_and_family");
    goal.need_ids = {need.id};
    goal.indicator = std::string(g.indicator);
    goal.unit = std::string(g.unit);
    goal.baseline =
        k == 1 ? static_cast<double>(first_phq_)
               : static_cast<double>(rng_.Between(static_cast<std::int64_t>(g.baseline_lo),
                                                  static_cast<std::int64_t>(g.baseline_hi)));
    goal.target = g.target;
    goal.target_date = Date(day + rng_.Between(75, 180));
    CarePlanIntervention team;
    team.id = rng_.Id(c_.id_ms);
    team.goal_id = goal.id;
    team.action = std::string(g.action);
    team.responsible = std::string(g.responsible);
    team.frequency = std::string(g.frequency);
    team.due_date = Date(day + rng_.Between(14, 60));
    team.status = "in_progress";
    CarePlanIntervention own;
    own.id = rng_.Id(c_.id_ms);
    own.goal_id = goal.id;
    own.action = std::string(g.own_step);
    own.responsible = minor ? "family" : "participant";
    own.frequency = "weekly";
    doc.needs.push_back(std::move(need));
    doc.goals.push_back(std::move(goal));
    doc.interventions.push_back(std::move(team));
    doc.interventions.push_back(std::move(own));
  }
  doc.strengths = {std::string(rng_.Pick(kStrengths)), std::string(rng_.Pick(kStrengths))};
  if (doc.strengths[0] == doc.strengths[1]) doc.strengths.pop_back();
  doc.barriers = {std::string(rng_.Pick(kBarriers))};
  doc.resources = {std::string(rng_.Pick(kResources)), std::string(rng_.Pick(kResources))};
  if (doc.resources[0] == doc.resources[1]) doc.resources.pop_back();
  // 001 §2: the plan draws on natural supports.
  for (const Related& r : c_.related) {
    if (!r.natural_support || !r.active) continue;
    doc.natural_supports.push_back(
        {r.name, r.relationship,
         rng_.Chance(0.5) ? "Rides to appointments" : "Weekly check-in call", r.phone});
    if (doc.crisis_plan.contacts.empty()) {
      doc.crisis_plan.contacts.push_back({r.name, r.phone, r.relationship});
    }
  }
  doc.crisis_plan.contacts.push_back({"Mobile crisis team", "988", "crisis team"});
  doc.crisis_plan.warning_signs = std::string(rng_.Pick(kWarningSigns));
  doc.crisis_plan.coping_steps = std::string(rng_.Pick(kCopingSteps));
  doc.crisis_plan.crisis_line = "988";
  doc.medical_summary.diagnoses = {std::string(rng_.Pick(kDiagnoses))};
  doc.medical_summary.medications = {std::string(rng_.Pick(kMedications))};
  doc.medical_summary.allergies = {std::string(rng_.Pick(kAllergies))};
  if (!c_.person.pcp_name.empty()) {
    doc.medical_summary.providers.push_back(c_.person.pcp_name + ", " + c_.person.pcp_practice);
  }
  doc.transition_plan = {{std::string(rng_.Pick(kTransitionSteps)), Date(day + 180), false}};
  doc.review_date = Date(day + 90);  // 001 §10: reviewed regularly
  return doc;
}

void CareWriter::AddVersion(std::int64_t at, const CarePlanDocument& doc, const std::string& note,
                            const StaffMember& author) {
  ++version_;
  store::CarePlanVersionRow v;
  v.plan_id = plan_id_;
  v.version = version_;
  v.document = app::EncodeCarePlan(doc);
  v.review_date = doc.review_date;
  v.agreement_method = doc.agreement.method;
  v.agreement_date = doc.agreement.date;
  v.change_note = note;
  v.created_by = author.id;
  v.created_at = at;
  c_.out.Add(std::move(v));
  for (const CarePlanGoal& g : doc.goals) {
    c_.out.Add(store::CarePlanGoalRow{plan_id_, version_, g.id, g.target_date, g.status});
  }
}

// 001 §4: written with the participant (and family) within weeks of enrolment; the agreement
// recorded; reviewed about every 90 days (001 §10), goals closed or moved at reviews; progress
// toward each goal's indicator recorded monthly.
void CareWriter::WritePlan(std::int64_t day) {
  const StaffMember& author = by_(day);
  CarePlanDocument doc = FirstDocument(day);
  const std::int64_t written_at = Recorded(Daytime(rng_, s(), day));
  plan_id_ = rng_.Id(c_.id_ms);
  const bool agreed_now = rng_.Chance(0.8);
  const auto agree = [&](std::int64_t on) {
    const bool declined = rng_.Chance(0.03);
    doc.agreement.method = declined ? "declined" : (rng_.Chance(0.6) ? "signature" : "verbal");
    doc.agreement.date = Date(on);
    const bool guardian = c_.person.MinorOn(on) && c_.guardian >= 0;
    doc.agreement.signer = guardian ? "guardian" : "participant";
    doc.agreement.signer_name =
        guardian ? c_.related[static_cast<std::size_t>(c_.guardian)].name : c_.person.FullName();
    if (declined) doc.agreement.note = "Wants to think it over with family before agreeing.";
  };
  if (agreed_now) agree(day);
  AddVersion(written_at, doc, "Care plan written with the participant", author);

  std::int64_t at = written_at;
  if (!agreed_now) {
    const std::int64_t on = day + rng_.Between(2, 12);
    if (on <= Last()) {
      agree(on);
      at = Recorded(Daytime(rng_, s(), on));
      AddVersion(at, doc, "Agreement recorded", by_(on));
    }
  }

  // Reviews: most on time, some late, a few not yet done (the worklist shows them).
  std::int64_t review_day = day + 90;
  while (true) {
    const std::int64_t held = review_day + rng_.Between(-12, 8);
    if (held > Last() || held <= DayOf(at) || !rng_.Chance(0.88)) break;
    const std::int64_t held_at = Recorded(Daytime(rng_, s(), held));
    for (CarePlanGoal& g : doc.goals) {
      if (g.status != "active" || g.target_date > Date(held)) continue;
      if (rng_.Chance(0.6)) {
        g.status = "achieved";
      } else {
        g.target_date = Date(held + rng_.Between(60, 120));
      }
    }
    doc.review_date = Date(held + 90);
    c_.out.Add(store::CarePlanReviewRow{
        rng_.Id(c_.id_ms), plan_id_, version_ + 1, Date(held), doc.review_date,
        c_.person.MinorOn(held) ? "Youth, parent, coordinator" : "Participant, coordinator, peer",
        "Reviewed goals and progress together.", by_(held).id, held_at});
    AddVersion(held_at, doc, "Reviewed on " + Date(held), by_(held));
    at = held_at;
    review_day = held + 90;
  }

  store::CarePlanRow plan;
  plan.id = plan_id_;
  plan.participant_id = c_.participant_id;
  plan.episode_id = episode_id_;
  plan.version = version_;
  plan.created_by = author.id;
  plan.created_at = written_at;
  plan.updated_at = at;
  c_.out.Add(std::move(plan));

  // Monthly progress on each goal from baseline toward target, with setbacks.
  for (const CarePlanGoal& g : doc.goals) {
    if (!g.baseline || !g.target) continue;
    double value = *g.baseline;
    const double step = (*g.target - *g.baseline) / 5.0;
    for (std::int64_t d = day + rng_.Between(20, 35); d <= Last(); d += rng_.Between(25, 35)) {
      value += step * (rng_.Chance(0.75) ? 1.0 : -0.5);
      value = std::round(
          std::clamp(value, std::min(*g.baseline, *g.target), std::max(*g.baseline, *g.target)));
      const std::int64_t rec = Recorded(Daytime(rng_, s(), d));
      c_.out.Add(store::GoalProgressRow{rng_.Id(c_.id_ms), plan_id_, g.id, Date(d), value,
                                        "Checked in on " + g.indicator, by_(d).id, rec});
    }
  }
}

void CareWriter::Write() {
  if (t_.fate == Fate::kReferred) return;  // not engaged yet: nothing to assess
  const std::int64_t first = std::min(t_.start_day + rng_.Between(1, 10), Last());
  Screen(first);
  if (!t_.enrolled) return;
  // 001 §4: the plan follows enrolment by days to a few weeks; a few run late.
  const std::int64_t enrolled_day = DayOf(*t_.enrolled);
  const std::int64_t day =
      enrolled_day + (rng_.Chance(0.9) ? rng_.Between(3, 26) : rng_.Between(31, 45));
  if (day > Last() || day < first) return;
  WritePlan(day);
}

}  // namespace

void GenerateCare(ParticipantContext& ctx, const Timeline& t, const std::string& episode_id,
                  const std::function<const StaffMember&(std::int64_t)>& by) {
  CareWriter(ctx, t, episode_id, by).Write();
}

}  // namespace carecoord::demo::population
