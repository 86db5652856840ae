// SPDX-License-Identifier: Apache-2.0
#include "app/care_plan_codec.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <functional>
#include <initializer_list>

namespace carecoord::app {
namespace json = boost::json;
namespace {

// ---- Encoding: members in the order of docs/assessments.md "Care plan document" ----

json::array Strings(const std::vector<std::string>& list) {
  json::array out;
  out.reserve(list.size());
  for (const std::string& s : list) out.emplace_back(s);
  return out;
}

// Whole numbers are written as integers ("baseline": 2 rather than 2E0); both read back as the
// same double. 2^53 bounds the integers a double holds exactly.
json::value Number(const std::optional<double>& v) {
  if (!v) return nullptr;
  constexpr double kExactIntegers = 9007199254740992.0;
  if (std::trunc(*v) == *v && std::fabs(*v) < kExactIntegers) {
    return static_cast<std::int64_t>(*v);
  }
  return *v;
}

json::object EncodeGoal(const CarePlanGoal& g) {
  return {{"id", g.id},
          {"statement", g.statement},
          {"expressed_by", g.expressed_by},
          {"need_ids", Strings(g.need_ids)},
          {"indicator", g.indicator},
          {"unit", g.unit},
          {"baseline", Number(g.baseline)},
          {"target", Number(g.target)},
          {"target_date", g.target_date},
          {"status", g.status}};
}

json::object EncodeIntervention(const CarePlanIntervention& v) {
  return {{"id", v.id},
          {"goal_id", v.goal_id},
          {"action", v.action},
          {"responsible", v.responsible},
          {"responsible_name", v.responsible_name},
          {"frequency", v.frequency},
          {"due_date", v.due_date},
          {"status", v.status}};
}

json::object EncodeDocument(const CarePlanDocument& p) {
  json::array needs;
  for (const CarePlanNeed& n : p.needs) {
    needs.emplace_back(json::object{{"id", n.id},
                                    {"description", n.description},
                                    {"assessment_ids", Strings(n.assessment_ids)}});
  }
  json::array goals;
  for (const CarePlanGoal& g : p.goals) goals.emplace_back(EncodeGoal(g));
  json::array interventions;
  for (const CarePlanIntervention& v : p.interventions) {
    interventions.emplace_back(EncodeIntervention(v));
  }
  json::array supports;
  for (const NaturalSupport& s : p.natural_supports) {
    supports.emplace_back(json::object{
        {"name", s.name}, {"relationship", s.relationship}, {"role", s.role}, {"phone", s.phone}});
  }
  json::array contacts;
  for (const CrisisContact& c : p.crisis_plan.contacts) {
    contacts.emplace_back(json::object{{"name", c.name}, {"phone", c.phone}, {"role", c.role}});
  }
  json::array steps;
  for (const TransitionStep& s : p.transition_plan) {
    steps.emplace_back(
        json::object{{"step", s.step}, {"target_date", s.target_date}, {"done", s.done}});
  }
  const MedicalSummary& m = p.medical_summary;
  const CarePlanAgreement& a = p.agreement;
  return {{"needs", std::move(needs)},
          {"strengths", Strings(p.strengths)},
          {"goals", std::move(goals)},
          {"interventions", std::move(interventions)},
          {"barriers", Strings(p.barriers)},
          {"natural_supports", std::move(supports)},
          {"resources", Strings(p.resources)},
          {"crisis_plan", json::object{{"warning_signs", p.crisis_plan.warning_signs},
                                       {"coping_steps", p.crisis_plan.coping_steps},
                                       {"contacts", std::move(contacts)},
                                       {"crisis_line", p.crisis_plan.crisis_line}}},
          {"medical_summary", json::object{{"diagnoses", Strings(m.diagnoses)},
                                           {"medications", Strings(m.medications)},
                                           {"allergies", Strings(m.allergies)},
                                           {"providers", Strings(m.providers)}}},
          {"transition_plan", std::move(steps)},
          {"agreement", json::object{{"method", a.method},
                                     {"date", a.date},
                                     {"signer", a.signer},
                                     {"signer_name", a.signer_name},
                                     {"note", a.note}}},
          {"review_date", p.review_date}};
}

// ---- Decoding: shape only, every error naming the member by path ----

std::unexpected<Error> Wrong(const std::string& path, std::string_view what) {
  return Fail(ErrorCode::kInvalidArgument, path + ": " + std::string(what), path);
}

std::string Path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string Index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// The members of one object of the document: each key read at most once through a typed
// accessor; any key never asked for is an unknown field (Finish).
class Members {
 public:
  Members(const json::object& obj, std::string path) : obj_(obj), path_(std::move(path)) {}

  const std::string& path() const { return path_; }

  // Absent and null leave the default.
  Status Text(std::string_view key, std::string& out) {
    const json::value* v = Take(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_string()) return Wrong(Path(path_, key), "must be a string");
    out = std::string(v->get_string());
    return {};
  }

  Status Number(std::string_view key, std::optional<double>& out) {
    const json::value* v = Take(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_number()) return Wrong(Path(path_, key), "must be a number");
    out = v->to_number<double>();
    return {};
  }

  Status Flag(std::string_view key, bool& out) {
    const json::value* v = Take(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_bool()) return Wrong(Path(path_, key), "must be true or false");
    out = v->get_bool();
    return {};
  }

  Status Texts(std::string_view key, std::vector<std::string>& out) {
    const json::array* list = nullptr;
    if (auto st = Array(key, list); !st || list == nullptr) return st;
    out.clear();
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json::value& v = (*list)[i];
      if (!v.is_string()) return Wrong(Index(Path(path_, key), i), "must be a string");
      out.emplace_back(v.get_string());
    }
    return {};
  }

  // An object member read by `read`.
  Status Object(std::string_view key, const std::function<Status(Members&)>& read) {
    const json::value* v = Take(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_object()) return Wrong(Path(path_, key), "must be an object");
    Members inner(v->get_object(), Path(path_, key));
    if (auto st = read(inner); !st) return st;
    return inner.Finish();
  }

  // A list of objects, each read by `read` into a new element.
  template <typename T>
  Status Objects(std::string_view key, std::vector<T>& out,
                 const std::function<Status(Members&, T&)>& read) {
    const json::array* list = nullptr;
    if (auto st = Array(key, list); !st || list == nullptr) return st;
    out.clear();
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json::value& v = (*list)[i];
      const std::string at = Index(Path(path_, key), i);
      if (!v.is_object()) return Wrong(at, "must be an object");
      Members inner(v.get_object(), at);
      T item;
      if (auto st = read(inner, item); !st) return st;
      if (auto st = inner.Finish(); !st) return st;
      out.push_back(std::move(item));
    }
    return {};
  }

  // The first key of the object that no accessor asked for.
  Status Finish() const {
    for (const auto& kv : obj_) {
      const std::string_view key = kv.key();
      bool known = false;
      for (std::string_view k : taken_) known = known || k == key;
      if (!known) return Wrong(Path(path_, key.substr(0, 64)), "unknown field");
    }
    return {};
  }

 private:
  const json::value* Take(std::string_view key) {
    taken_.push_back(key);
    return obj_.if_contains(key);
  }

  Status Array(std::string_view key, const json::array*& out) {
    const json::value* v = Take(key);
    if (v == nullptr || v->is_null()) return {};
    if (!v->is_array()) return Wrong(Path(path_, key), "must be a list");
    out = &v->get_array();
    return {};
  }

  const json::object& obj_;
  std::string path_;
  std::vector<std::string_view> taken_;
};

// Reads each member in turn and stops at the first error.
Status All(std::initializer_list<std::function<Status()>> steps) {
  for (const auto& step : steps) {
    if (auto st = step(); !st) return st;
  }
  return {};
}

Status ReadNeed(Members& m, CarePlanNeed& n) {
  return All({[&] { return m.Text("id", n.id); },
              [&] { return m.Text("description", n.description); },
              [&] { return m.Texts("assessment_ids", n.assessment_ids); }});
}

Status ReadGoal(Members& m, CarePlanGoal& g) {
  return All({[&] { return m.Text("id", g.id); }, [&] { return m.Text("statement", g.statement); },
              [&] { return m.Text("expressed_by", g.expressed_by); },
              [&] { return m.Texts("need_ids", g.need_ids); },
              [&] { return m.Text("indicator", g.indicator); },
              [&] { return m.Text("unit", g.unit); },
              [&] { return m.Number("baseline", g.baseline); },
              [&] { return m.Number("target", g.target); },
              [&] { return m.Text("target_date", g.target_date); },
              [&] { return m.Text("status", g.status); }});
}

Status ReadIntervention(Members& m, CarePlanIntervention& v) {
  return All({[&] { return m.Text("id", v.id); }, [&] { return m.Text("goal_id", v.goal_id); },
              [&] { return m.Text("action", v.action); },
              [&] { return m.Text("responsible", v.responsible); },
              [&] { return m.Text("responsible_name", v.responsible_name); },
              [&] { return m.Text("frequency", v.frequency); },
              [&] { return m.Text("due_date", v.due_date); },
              [&] { return m.Text("status", v.status); }});
}

Status ReadSupport(Members& m, NaturalSupport& s) {
  return All({[&] { return m.Text("name", s.name); },
              [&] { return m.Text("relationship", s.relationship); },
              [&] { return m.Text("role", s.role); }, [&] { return m.Text("phone", s.phone); }});
}

Status ReadCrisis(Members& m, CrisisPlan& c) {
  return All({[&] { return m.Text("warning_signs", c.warning_signs); },
              [&] { return m.Text("coping_steps", c.coping_steps); },
              [&] {
                return m.Objects<CrisisContact>(
                    "contacts", c.contacts, [](Members& cm, CrisisContact& contact) {
                      return All({[&] { return cm.Text("name", contact.name); },
                                  [&] { return cm.Text("phone", contact.phone); },
                                  [&] { return cm.Text("role", contact.role); }});
                    });
              },
              [&] { return m.Text("crisis_line", c.crisis_line); }});
}

Status ReadMedical(Members& m, MedicalSummary& s) {
  return All({[&] { return m.Texts("diagnoses", s.diagnoses); },
              [&] { return m.Texts("medications", s.medications); },
              [&] { return m.Texts("allergies", s.allergies); },
              [&] { return m.Texts("providers", s.providers); }});
}

Status ReadStep(Members& m, TransitionStep& s) {
  return All({[&] { return m.Text("step", s.step); },
              [&] { return m.Text("target_date", s.target_date); },
              [&] { return m.Flag("done", s.done); }});
}

Status ReadAgreement(Members& m, CarePlanAgreement& a) {
  return All({[&] { return m.Text("method", a.method); }, [&] { return m.Text("date", a.date); },
              [&] { return m.Text("signer", a.signer); },
              [&] { return m.Text("signer_name", a.signer_name); },
              [&] { return m.Text("note", a.note); }});
}

Status ReadDocument(Members& m, CarePlanDocument& p) {
  return All(
      {[&] { return m.Objects<CarePlanNeed>("needs", p.needs, ReadNeed); },
       [&] { return m.Texts("strengths", p.strengths); },
       [&] { return m.Objects<CarePlanGoal>("goals", p.goals, ReadGoal); },
       [&] {
         return m.Objects<CarePlanIntervention>("interventions", p.interventions, ReadIntervention);
       },
       [&] { return m.Texts("barriers", p.barriers); },
       [&] {
         return m.Objects<NaturalSupport>("natural_supports", p.natural_supports, ReadSupport);
       },
       [&] { return m.Texts("resources", p.resources); },
       [&] {
         return m.Object("crisis_plan", [&](Members& c) { return ReadCrisis(c, p.crisis_plan); });
       },
       [&] {
         return m.Object("medical_summary",
                         [&](Members& s) { return ReadMedical(s, p.medical_summary); });
       },
       [&] { return m.Objects<TransitionStep>("transition_plan", p.transition_plan, ReadStep); },
       [&] {
         return m.Object("agreement", [&](Members& a) { return ReadAgreement(a, p.agreement); });
       },
       [&] { return m.Text("review_date", p.review_date); }});
}

}  // namespace

std::string EncodeCarePlan(const CarePlanDocument& plan) {
  return json::serialize(EncodeDocument(plan));
}

Result<CarePlanDocument> DecodeCarePlan(std::string_view text) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  json::value v = json::parse(text, ec, {}, options);
  if (ec) return Fail(ErrorCode::kInvalidArgument, "the care plan is not valid JSON", "document");
  if (!v.is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "the care plan must be a JSON object", "document");
  }
  CarePlanDocument plan;
  Members members(v.get_object(), "");
  CARECOORD_RETURN_IF_ERROR(ReadDocument(members, plan));
  CARECOORD_RETURN_IF_ERROR(members.Finish());
  return plan;
}

}  // namespace carecoord::app
