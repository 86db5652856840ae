// SPDX-License-Identifier: Apache-2.0
// OpenAPI schemas of care plans, their versions, reviews and goal progress: the JSON of
// care_plan_json.cc and the care plan codec, and the bodies their routes read
// (docs/assessments.md "Care plans").
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view CarePlanSchemas() {
  return R"json({
    "GoalStatus": {"type": "string"},
    "GoalVoice": {"type": "string",
                  "description": "whose words the goal is in"},
    "ResponsibleParty": {
      "type": "string"
    },
    "InterventionStatus": {"type": "string"},
    "AgreementMethod": {"type": "string"},
    "AgreementSigner": {"type": "string"},
    "CarePlanDocumentRequest": {
      "type": "object", "required": ["review_date"], "additionalProperties": false,
      "description": "absent members take their defaults; empty ids are assigned on save",
      "properties": {
        "needs": {"type": "array", "items": {"type": "object", "properties": {
          "id": {"type": "string"}, "description": {"type": "string"},
          "assessment_ids": {"type": "array", "items": {"type": "string"}}}}},
        "strengths": {"type": "array", "items": {"type": "string"}},
        "goals": {"type": "array", "items": {
          "type": "object", "required": ["statement", "expressed_by", "indicator", "target_date"],
          "properties": {
            "id": {"type": "string"},
            "statement": {"type": "string", "description": "in the participant's own words"},
            "expressed_by": {"$ref": "#/components/schemas/GoalVoice"},
            "need_ids": {"type": "array", "items": {"type": "string"}},
            "indicator": {"type": "string"}, "unit": {"type": "string"},
            "baseline": {"type": ["number", "null"]}, "target": {"type": ["number", "null"]},
            "target_date": {"type": "string", "format": "date"},
            "status": {"$ref": "#/components/schemas/GoalStatus", "default": "active"}
          }}},
        "interventions": {"type": "array", "items": {
          "type": "object", "required": ["action", "responsible"],
          "properties": {
            "id": {"type": "string"}, "goal_id": {"type": "string"},
            "action": {"type": "string"},
            "responsible": {"$ref": "#/components/schemas/ResponsibleParty"},
            "responsible_name": {"type": "string"}, "frequency": {"type": "string"},
            "due_date": {"type": "string", "description": "YYYY-MM-DD or empty"},
            "status": {"$ref": "#/components/schemas/InterventionStatus", "default": "planned"}
          }}},
        "barriers": {"type": "array", "items": {"type": "string"}},
        "natural_supports": {"type": "array", "items": {"type": "object", "properties": {
          "name": {"type": "string"}, "relationship": {"type": "string"},
          "role": {"type": "string"}, "phone": {"type": "string"}}}},
        "resources": {"type": "array", "items": {"type": "string"}},
        "crisis_plan": {"type": "object", "properties": {
          "warning_signs": {"type": "string"}, "coping_steps": {"type": "string"},
          "contacts": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "phone": {"type": "string"}, "role": {"type": "string"}}}},
          "crisis_line": {"type": "string"}}},
        "medical_summary": {"type": "object", "properties": {
          "diagnoses": {"type": "array", "items": {"type": "string"}},
          "medications": {"type": "array", "items": {"type": "string"}},
          "allergies": {"type": "array", "items": {"type": "string"}},
          "providers": {"type": "array", "items": {"type": "string"}}}},
        "transition_plan": {"type": "array", "items": {"type": "object", "properties": {
          "step": {"type": "string"},
          "target_date": {"type": "string", "description": "YYYY-MM-DD or empty"},
          "done": {"type": "boolean"}}}},
        "agreement": {"type": "object", "properties": {
          "method": {"anyOf": [{"$ref": "#/components/schemas/AgreementMethod"}, {"const": ""}]},
          "date": {"type": "string", "description": "YYYY-MM-DD, required with a method"},
          "signer": {"anyOf": [{"$ref": "#/components/schemas/AgreementSigner"}, {"const": ""}]},
          "signer_name": {"type": "string"},
          "note": {"type": "string", "description": "required when declined"}}},
        "review_date": {"type": "string", "format": "date"}
      }
    },
    "CarePlanDocument": {
      "type": "object", "additionalProperties": false,
      "required": ["needs", "strengths", "goals", "interventions", "barriers", "natural_supports",
                   "resources", "crisis_plan", "medical_summary", "transition_plan", "agreement",
                   "review_date"],
      "description": "the document as the server writes it, every member present (CarePlanDocumentRequest says what it reads)",
      "properties": {
        "needs": {"type": "array", "items": {
          "type": "object", "required": ["id", "description", "assessment_ids"],
          "properties": {
            "id": {"type": "string"}, "description": {"type": "string"},
            "assessment_ids": {"type": "array", "items": {"type": "string"}}}}},
        "strengths": {"type": "array", "items": {"type": "string"}},
        "goals": {"type": "array", "items": {
          "type": "object",
          "required": ["id", "statement", "expressed_by", "need_ids", "indicator", "unit",
                       "baseline", "target", "target_date", "status"],
          "properties": {
            "id": {"type": "string"},
            "statement": {"type": "string", "description": "in the participant's own words"},
            "expressed_by": {"$ref": "#/components/schemas/GoalVoice"},
            "need_ids": {"type": "array", "items": {"type": "string"}},
            "indicator": {"type": "string"}, "unit": {"type": "string"},
            "baseline": {"type": ["number", "null"]}, "target": {"type": ["number", "null"]},
            "target_date": {"type": "string", "format": "date"},
            "status": {"$ref": "#/components/schemas/GoalStatus"}
          }}},
        "interventions": {"type": "array", "items": {
          "type": "object",
          "required": ["id", "goal_id", "action", "responsible", "responsible_name", "frequency",
                       "due_date", "status"],
          "properties": {
            "id": {"type": "string"}, "goal_id": {"type": "string"},
            "action": {"type": "string"},
            "responsible": {"$ref": "#/components/schemas/ResponsibleParty"},
            "responsible_name": {"type": "string"}, "frequency": {"type": "string"},
            "due_date": {"type": "string", "description": "YYYY-MM-DD or empty"},
            "status": {"$ref": "#/components/schemas/InterventionStatus"}
          }}},
        "barriers": {"type": "array", "items": {"type": "string"}},
        "natural_supports": {"type": "array", "items": {
          "type": "object", "required": ["name", "relationship", "role", "phone"],
          "properties": {
            "name": {"type": "string"}, "relationship": {"type": "string"},
            "role": {"type": "string"}, "phone": {"type": "string"}}}},
        "resources": {"type": "array", "items": {"type": "string"}},
        "crisis_plan": {
          "type": "object", "required": ["warning_signs", "coping_steps", "contacts", "crisis_line"],
          "properties": {
            "warning_signs": {"type": "string"}, "coping_steps": {"type": "string"},
            "contacts": {"type": "array", "items": {
              "type": "object", "required": ["name", "phone", "role"],
              "properties": {
                "name": {"type": "string"}, "phone": {"type": "string"}, "role": {"type": "string"}}}},
            "crisis_line": {"type": "string"}}},
        "medical_summary": {
          "type": "object", "required": ["diagnoses", "medications", "allergies", "providers"],
          "properties": {
            "diagnoses": {"type": "array", "items": {"type": "string"}},
            "medications": {"type": "array", "items": {"type": "string"}},
            "allergies": {"type": "array", "items": {"type": "string"}},
            "providers": {"type": "array", "items": {"type": "string"}}}},
        "transition_plan": {"type": "array", "items": {
          "type": "object", "required": ["step", "target_date", "done"],
          "properties": {
            "step": {"type": "string"},
            "target_date": {"type": "string", "description": "YYYY-MM-DD or empty"},
            "done": {"type": "boolean"}}}},
        "agreement": {
          "type": "object", "required": ["method", "date", "signer", "signer_name", "note"],
          "properties": {
            "method": {"anyOf": [{"$ref": "#/components/schemas/AgreementMethod"}, {"const": ""}],
                       "description": "empty: not yet recorded"},
            "date": {"type": "string", "description": "YYYY-MM-DD, required with a method"},
            "signer": {"anyOf": [{"$ref": "#/components/schemas/AgreementSigner"}, {"const": ""}],
                       "description": "required with a method"},
            "signer_name": {"type": "string"},
            "note": {"type": "string", "description": "required when declined"}}},
        "review_date": {"type": "string", "format": "date"}
      }
    },
    "CarePlanReview": {
      "type": "object",
      "required": ["id", "version", "reviewed_on", "next_review_date", "participants", "note",
                   "recorded_by", "recorded_by_name", "created_at"],
      "properties": {
        "id": {"type": "string"},
        "version": {"type": "integer", "description": "the version the review made"},
        "reviewed_on": {"type": "string", "format": "date"},
        "next_review_date": {"type": "string", "format": "date"},
        "participants": {"type": "string"}, "note": {"type": "string"},
        "recorded_by": {"type": "string"}, "recorded_by_name": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"}
      }
    },
    "CarePlan": {
      "type": "object",
      "required": ["id", "participant_id", "episode_id", "program_id", "version", "document",
                   "created_by", "created_at", "updated_at", "updated_by", "updated_by_name",
                   "reviews"],
      "properties": {
        "id": {"type": "string"}, "participant_id": {"type": "string"},
        "episode_id": {"type": "string"}, "program_id": {"type": "string"},
        "version": {"type": "integer", "description": "current; the ETag"},
        "document": {"$ref": "#/components/schemas/CarePlanDocument"},
        "created_by": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "updated_by": {"type": "string"}, "updated_by_name": {"type": "string"},
        "reviews": {"type": "array", "items": {"$ref": "#/components/schemas/CarePlanReview"},
                    "description": "newest first"}
      }
    },
    "CarePlanList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CarePlan"}}}
    },
    "NewCarePlanRequest": {
      "type": "object", "required": ["document"], "additionalProperties": false,
      "properties": {
        "episode_id": {"type": ["string", "null"],
                       "description": "default: the participant's one open episode"},
        "document": {"$ref": "#/components/schemas/CarePlanDocumentRequest"},
        "change_note": {"type": "string", "maxLength": 1000}
      }
    },
    "CarePlanChangeRequest": {
      "type": "object", "required": ["document"], "additionalProperties": false,
      "properties": {
        "document": {"$ref": "#/components/schemas/CarePlanDocumentRequest"},
        "change_note": {"type": "string", "maxLength": 1000}
      }
    },
    "CarePlanConflictProblem": {
      "allOf": [{"$ref": "#/components/schemas/Problem"}, {
        "type": "object", "required": ["current"],
        "properties": {"current": {"$ref": "#/components/schemas/CarePlan"}}
      }],
      "description": "someone saved a newer version first; nothing changed. `current` is the plan as it is now"
    },
    "CarePlanVersion": {
      "type": "object",
      "required": ["version", "document", "change_note", "created_by", "created_by_name",
                   "created_at", "changes"],
      "properties": {
        "version": {"type": "integer"},
        "document": {"$ref": "#/components/schemas/CarePlanDocument"},
        "change_note": {"type": "string"},
        "created_by": {"type": "string"}, "created_by_name": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "changes": {"type": "array", "items": {"type": "string"},
                    "description": "what changed from the version before, one sentence each"}
      }
    },
    "CarePlanVersionList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CarePlanVersion"},
                               "description": "newest first"}}
    },
    "CarePlanReviewRequest": {
      "type": "object", "required": ["reviewed_on", "next_review_date", "participants"],
      "additionalProperties": false,
      "properties": {
        "reviewed_on": {"type": "string", "format": "date", "description": "not in the future"},
        "next_review_date": {"type": "string", "format": "date", "description": "after reviewed_on"},
        "participants": {"type": "string", "minLength": 1, "description": "who took part"},
        "note": {"type": "string", "maxLength": 4000}
      }
    },
    "GoalProgress": {
      "type": "object",
      "required": ["id", "goal_id", "observed_on", "value", "note", "recorded_by",
                   "recorded_by_name", "created_at"],
      "properties": {
        "id": {"type": "string"}, "goal_id": {"type": "string"},
        "observed_on": {"type": "string", "format": "date"},
        "value": {"type": "number"}, "note": {"type": "string"},
        "recorded_by": {"type": "string"}, "recorded_by_name": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"}
      }
    },
    "GoalProgressList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/GoalProgress"},
                               "description": "by observed_on"}}
    },
    "GoalProgressRequest": {
      "type": "object", "required": ["observed_on", "value"], "additionalProperties": false,
      "properties": {
        "observed_on": {"type": "string", "format": "date", "description": "not in the future"},
        "value": {"type": "number"},
        "note": {"type": "string", "maxLength": 1000}
      }
    }
  })json";
}

}  // namespace carecoord::api
