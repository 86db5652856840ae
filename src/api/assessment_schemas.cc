// SPDX-License-Identifier: Apache-2.0
// OpenAPI schemas of instruments, assessments and risk tiers: the JSON of assessment_json.cc and
// the bodies its routes read (docs/assessments.md).
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view AssessmentSchemas() {
  return R"json({
    "Respondent": {"type": "string", "enum": ["participant", "parent", "caregiver", "assessor"],
                   "description": "who answered; assessor: observed"},
    "InstrumentItem": {
      "type": "object",
      "required": ["id", "text", "kind", "required", "scored", "min", "max", "options"],
      "properties": {
        "id": {"type": "string"}, "text": {"type": "string"},
        "kind": {"type": "string", "enum": ["choice", "rating", "text"]},
        "required": {"type": "boolean"},
        "scored": {"type": "boolean", "description": "counts toward the total"},
        "min": {"type": "integer", "description": "rating items"},
        "max": {"type": "integer", "description": "rating items"},
        "options": {"type": "array", "description": "choice items", "items": {
          "type": "object", "required": ["value", "label"],
          "properties": {"value": {"type": "integer"}, "label": {"type": "string"}}}}
      }
    },
    "Instrument": {
      "type": "object",
      "required": ["id", "version", "title", "description", "cite", "license", "kind",
                   "pediatric", "scored", "total_min", "total_max", "total_label", "sections",
                   "bands", "flags", "needs", "levels", "determination_table"],
      "properties": {
        "id": {"type": "string"}, "version": {"type": "integer"},
        "title": {"type": "string"}, "description": {"type": "string"},
        "cite": {"type": "string", "description": "where the guidance asks for it: 001 §3"},
        "license": {"type": "string"},
        "kind": {"type": "string", "enum": ["screener", "structured", "level_of_care"]},
        "pediatric": {"type": "boolean"},
        "scored": {"type": "boolean", "description": "the total is the sum of the scored items"},
        "total_min": {"type": "integer"}, "total_max": {"type": "integer"},
        "total_label": {"type": "string"},
        "sections": {"type": "array", "items": {
          "type": "object", "required": ["id", "title", "help", "items"],
          "properties": {
            "id": {"type": "string"}, "title": {"type": "string"}, "help": {"type": "string"},
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/InstrumentItem"}}
          }}},
        "bands": {"type": "array", "items": {
          "type": "object", "required": ["min", "max", "code", "label"],
          "properties": {"min": {"type": "integer"}, "max": {"type": "integer"},
                         "code": {"type": "string"}, "label": {"type": "string"}}}},
        "flags": {"type": "array", "items": {
          "type": "object", "required": ["flag", "item", "at_least", "label", "urgent"],
          "properties": {"flag": {"type": "string"}, "item": {"type": "string"},
                         "at_least": {"type": "integer"}, "label": {"type": "string"},
                         "urgent": {"type": "boolean"}}}},
        "needs": {"type": "array", "items": {
          "type": "object", "required": ["need", "label", "items", "at_least"],
          "properties": {"need": {"type": "string"}, "label": {"type": "string"},
                         "items": {"type": "array", "items": {"type": "string"}},
                         "at_least": {"type": "integer"}}}},
        "levels": {"type": "array", "description": "level-of-care instruments, low to high",
                   "items": {"type": "object", "required": ["code", "label"],
                             "properties": {"code": {"type": "string"},
                                            "label": {"type": "string"}}}},
        "determination_table": {
          "type": ["object", "null"],
          "description": "the installed table that recommends the level; null: the assessor enters it",
          "required": ["name"],
          "properties": {"name": {"type": "string"}}
        }
      }
    },
    "InstrumentList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Instrument"}}}
    },
    "Answers": {
      "type": "object",
      "description": "item id to answer: a number for choice and rating items, a string for text items",
      "maxProperties": 200,
      "additionalProperties": {"type": ["integer", "string"]}
    },
    "NewAssessmentRequest": {
      "type": "object", "required": ["instrument_id", "assessed_at", "answers"],
      "additionalProperties": false,
      "properties": {
        "instrument_id": {"type": "string", "minLength": 1},
        "episode_id": {"type": ["string", "null"],
                       "description": "default: the participant's open episode"},
        "assessed_at": {"type": "string", "format": "date-time", "description": "not in the future"},
        "respondent": {"$ref": "#/components/schemas/Respondent", "default": "participant"},
        "notes": {"type": "string", "maxLength": 4000},
        "answers": {"$ref": "#/components/schemas/Answers"},
        "recommended_level": {"type": "string",
                              "description": "level-of-care instruments without an installed table"},
        "level_provided": {"type": "string"},
        "variance_reason": {"type": "string",
                            "description": "required when the level provided differs from the recommended one"}
      }
    },
    "Assessment": {
      "type": "object",
      "required": ["id", "participant_id", "episode_id", "instrument_id", "instrument_version",
                   "instrument_title", "assessed_at", "total", "band", "band_label", "flags",
                   "needs", "recommended_level", "level_source", "level_provided",
                   "variance_reason", "respondent", "notes", "answers", "recorded_by",
                   "recorded_by_name", "created_at"],
      "properties": {
        "id": {"type": "string"}, "participant_id": {"type": "string"},
        "episode_id": {"type": ["string", "null"]},
        "instrument_id": {"type": "string"}, "instrument_version": {"type": "integer"},
        "instrument_title": {"type": "string"},
        "assessed_at": {"type": "string", "format": "date-time"},
        "total": {"type": ["integer", "null"], "description": "null for an instrument without a total"},
        "band": {"type": "string"}, "band_label": {"type": "string"},
        "flags": {"type": "array", "items": {"type": "string"}, "description": "raised flags: safety"},
        "needs": {"type": "array", "items": {"type": "string"}, "description": "identified needs"},
        "recommended_level": {"type": "string"},
        "level_source": {"type": "string", "enum": ["", "table", "assessor"]},
        "level_provided": {"type": "string"}, "variance_reason": {"type": "string"},
        "respondent": {"$ref": "#/components/schemas/Respondent"}, "notes": {"type": "string"},
        "answers": {"$ref": "#/components/schemas/Answers"},
        "recorded_by": {"type": "string"}, "recorded_by_name": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"}
      }
    },
    "AssessmentList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Assessment"},
                               "description": "newest assessed_at first"}}
    },
    "TierOverride": {
      "type": "object", "required": ["id", "tier", "reason", "set_by", "set_by_name", "set_at"],
      "properties": {
        "id": {"type": "string"}, "tier": {"type": "string"}, "reason": {"type": "string"},
        "set_by": {"type": "string"}, "set_by_name": {"type": "string"},
        "set_at": {"type": "string", "format": "date-time"}
      }
    },
    "RiskTier": {
      "type": "object",
      "required": ["tier", "title", "computed_tier", "computed_title", "reasons", "override",
                   "schedule", "program_id", "policy_version", "tiers"],
      "properties": {
        "tier": {"type": "string", "description": "in force: the override's, else the computed one; empty when the policy has no tiers"},
        "title": {"type": "string"},
        "computed_tier": {"type": "string"}, "computed_title": {"type": "string"},
        "reasons": {"type": "array", "description": "every condition of the computed tier that holds",
          "items": {"type": "object", "required": ["text", "source", "source_id"],
                    "properties": {"text": {"type": "string"},
                                   "source": {"type": "string", "enum": ["assessment", "transition", "override"]},
                                   "source_id": {"type": "string"}}}},
        "override": {"oneOf": [{"$ref": "#/components/schemas/TierOverride"}, {"type": "null"}]},
        "schedule": {"type": "object", "required": ["min_per_week", "max_per_week", "default_per_week"],
                     "description": "the contact schedule bounds of the tier in force",
                     "properties": {"min_per_week": {"type": "integer"},
                                    "max_per_week": {"type": "integer"},
                                    "default_per_week": {"type": "integer"}}},
        "program_id": {"type": "string", "description": "whose policy decided the tier"},
        "policy_version": {"type": "integer"},
        "tiers": {"type": "array", "description": "the policy's tiers, highest first",
                  "items": {"type": "object", "required": ["id", "title"],
                            "properties": {"id": {"type": "string"}, "title": {"type": "string"}}}}
      }
    },
    "TierOverrideRequest": {
      "type": "object", "required": ["tier", "reason"], "additionalProperties": false,
      "properties": {
        "tier": {"type": ["string", "null"], "minLength": 1,
                 "description": "one of the policy's tiers; null clears the override"},
        "reason": {"type": "string", "minLength": 1, "maxLength": 1000}
      }
    }
  })json";
}

}  // namespace carecoord::api
