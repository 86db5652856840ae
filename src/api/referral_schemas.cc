// SPDX-License-Identifier: Apache-2.0
// OpenAPI components of referrals, participants and emergency access: the JSON of
// referral_json.cc (docs/participant-record.md "Referrals and intake", "Participants", "Access").
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view IntakeSchemas() {
  // Code lists are named schemas, each in the order a form offers it.
  return R"json({
    "SourceSetting": {
      "type": "string",
      "enum": ["crisis_stabilization_unit", "state_mental_health_treatment_facility",
               "inpatient_psychiatric", "emergency_department",
               "detox_or_addiction_receiving_facility", "homeless_shelter", "jail", "primary_care",
               "school", "family", "self", "other"]
    },
    "Urgency": {"type": "string", "enum": ["emergent", "urgent", "routine"],
                "description": "most urgent first, the order of the intake queue"},
    "ReferralStatus": {"type": "string", "enum": ["open", "accepted", "declined", "refused"]},
    "Sex": {"type": "string", "enum": ["female", "male", "intersex", "unknown"]},
    "ContactMethod": {"type": "string", "enum": ["", "phone", "text", "email", "mail", "in_person"],
                      "description": "empty: not stated"},
    "LivingSituation": {
      "type": "string",
      "enum": ["", "stable_housing", "with_family", "supported_housing", "homeless_sheltered",
               "homeless_unsheltered", "institution", "jail", "other"],
      "description": "empty: not stated"
    },
    "Relationship": {
      "type": "string",
      "enum": ["parent", "guardian", "spouse_or_partner", "child", "sibling", "grandparent",
               "other_family", "foster_parent", "friend", "neighbor", "faith_community", "other"]
    },
    "RelatedPersonRole": {
      "type": "string",
      "enum": ["legal_guardian", "legal_representative", "health_care_proxy", "natural_support",
               "emergency_contact", "household_member"]
    },
    "DuplicateMatch": {"type": "string", "enum": ["birth_date_and_name", "member_id"]},
    "ReferralSourceRequest": {
      "type": "object", "required": ["setting"], "additionalProperties": false,
      "properties": {
        "setting": {"$ref": "#/components/schemas/SourceSetting"},
        "organization": {"type": "string", "maxLength": 200},
        "person": {"type": "string", "maxLength": 200},
        "contact": {"type": "string", "maxLength": 200}
      }
    },
    "ReferralSource": {
      "allOf": [{"$ref": "#/components/schemas/ReferralSourceRequest"}],
      "required": ["setting", "organization", "person", "contact"]
    },
    "ReferralDocumentRequest": {
      "type": "object", "required": ["title"], "additionalProperties": false,
      "properties": {"title": {"type": "string", "maxLength": 200},
                     "reference": {"type": "string", "maxLength": 500}}
    },
    "ReferralDocument": {
      "allOf": [{"$ref": "#/components/schemas/ReferralDocumentRequest"}],
      "required": ["title", "reference"]
    },
    "ReferredPersonRequest": {
      "type": "object", "required": ["given_name", "family_name", "birth_date"],
      "additionalProperties": false,
      "properties": {
        "given_name": {"type": "string", "minLength": 1, "maxLength": 100},
        "family_name": {"type": "string", "minLength": 1, "maxLength": 100},
        "birth_date": {"type": "string", "format": "date"},
        "sex": {"$ref": "#/components/schemas/Sex", "description": "default unknown"},
        "phone": {"type": "string"}, "payer": {"type": "string"},
        "member_id": {"type": "string"}, "preferred_language": {"type": "string"}
      }
    },
    "ReferredPerson": {
      "allOf": [{"$ref": "#/components/schemas/ReferredPersonRequest"}],
      "required": ["given_name", "family_name", "birth_date", "sex", "phone", "payer", "member_id",
                   "preferred_language"]
    },
    "PossibleDuplicate": {
      "type": "object",
      "required": ["participant_id", "given_name", "family_name", "birth_date", "member_id", "matched_on"],
      "properties": {
        "participant_id": {"type": "string"}, "given_name": {"type": "string"},
        "family_name": {"type": "string"}, "birth_date": {"type": "string", "format": "date"},
        "member_id": {"type": "string"},
        "matched_on": {"type": "array", "items": {"$ref": "#/components/schemas/DuplicateMatch"}}
      }
    },
    "DuplicateList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "maxItems": 10, "items": {"$ref": "#/components/schemas/PossibleDuplicate"}}}
    },
    "Referral": {
      "type": "object",
      "required": ["id", "program_id", "status", "urgency", "received_at", "reason", "source",
                   "documents", "person", "participant_id", "episode_id", "decided_at",
                   "decided_by", "decision_reason", "created_at", "version"],
      "properties": {
        "id": {"type": "string"}, "program_id": {"type": "string"},
        "status": {"$ref": "#/components/schemas/ReferralStatus"},
        "urgency": {"$ref": "#/components/schemas/Urgency"},
        "received_at": {"type": "string", "format": "date-time"},
        "reason": {"type": "string"},
        "source": {"$ref": "#/components/schemas/ReferralSource"},
        "documents": {"type": "array", "items": {"$ref": "#/components/schemas/ReferralDocument"}},
        "person": {"$ref": "#/components/schemas/ReferredPerson"},
        "participant_id": {"type": ["string", "null"]},
        "episode_id": {"type": ["string", "null"]},
        "decided_at": {"type": ["string", "null"], "format": "date-time"},
        "decided_by": {"type": ["string", "null"]},
        "decision_reason": {"type": "string"},
        "created_at": {"type": "string", "format": "date-time"},
        "version": {"type": "integer"},
        "possible_duplicates": {"type": "array", "description": "on create, and while open",
                                "items": {"$ref": "#/components/schemas/PossibleDuplicate"}}
      }
    },
    "ReferralList": {
      "type": "object", "required": ["items", "next_cursor"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Referral"}},
                     "next_cursor": {"type": ["string", "null"]}}
    },
    "NewReferralRequest": {
      "type": "object", "required": ["urgency", "reason", "source", "person"],
      "additionalProperties": false,
      "properties": {
        "program_id": {"type": "string", "description": "optional when you do intake in one program"},
        "urgency": {"$ref": "#/components/schemas/Urgency"},
        "received_at": {"type": "string", "format": "date-time", "description": "default now; not in the future"},
        "reason": {"type": "string", "minLength": 1, "maxLength": 4000},
        "source": {"$ref": "#/components/schemas/ReferralSourceRequest"},
        "documents": {"type": "array", "maxItems": 20, "items": {"$ref": "#/components/schemas/ReferralDocumentRequest"}},
        "person": {"$ref": "#/components/schemas/ReferredPersonRequest"},
        "participant_id": {"type": "string", "description": "links an existing participant"}
      }
    },
    "AcceptReferralRequest": {
      "type": "object", "required": ["coordinator_id"], "additionalProperties": false,
      "properties": {"coordinator_id": {"type": "string"}, "participant_id": {"type": "string"},
                     "note": {"type": "string", "maxLength": 4000}}
    },
    "AcceptReferralResponse": {
      "type": "object", "required": ["referral", "participant_id", "episode_id"],
      "properties": {"referral": {"$ref": "#/components/schemas/Referral"},
                     "participant_id": {"type": "string"}, "episode_id": {"type": "string"}}
    },
    "DecisionRequest": {
      "type": "object", "required": ["reason"], "additionalProperties": false,
      "properties": {"reason": {"type": "string", "minLength": 1, "maxLength": 2000}}
    },
    "RelatedPerson": {
      "type": "object",
      "required": ["id", "name", "relationship", "roles", "phone", "email", "notes", "active", "version"],
      "properties": {
        "id": {"type": "string"}, "name": {"type": "string"},
        "relationship": {"$ref": "#/components/schemas/Relationship"},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedPersonRole"}},
        "phone": {"type": "string"}, "email": {"type": "string"}, "notes": {"type": "string"},
        "active": {"type": "boolean"}, "version": {"type": "integer"}
      }
    },
    "RelatedPersonRequest": {
      "type": "object", "description": "name and relationship required on create; active only on PATCH",
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string", "maxLength": 200},
        "relationship": {"$ref": "#/components/schemas/Relationship"},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedPersonRole"}},
        "phone": {"type": "string"}, "email": {"type": "string"},
        "notes": {"type": "string", "maxLength": 4000}, "active": {"type": "boolean"}
      }
    },
    "EpisodeSummary": {
      "type": "object",
      "required": ["id", "program_id", "program_name", "status", "coordinator_id",
                   "coordinator_name", "started_at", "enrolled_at", "ended_at"],
      "properties": {
        "id": {"type": "string"}, "program_id": {"type": "string"}, "program_name": {"type": "string"},
        "status": {"$ref": "#/components/schemas/EpisodeStatus"}, "coordinator_id": {"type": "string"},
        "coordinator_name": {"type": "string"},
        "started_at": {"type": "string", "format": "date-time"},
        "enrolled_at": {"type": ["string", "null"], "format": "date-time"},
        "ended_at": {"type": ["string", "null"], "format": "date-time"}
      }
    },
    "Address": {
      "type": "object", "required": ["line", "city", "state", "postal_code"],
      "properties": {"line": {"type": "string"}, "city": {"type": "string"},
                     "state": {"type": "string"}, "postal_code": {"type": "string"}}
    },
    "ChildDetails": {
      "type": "object", "required": ["school_name", "school_grade", "education_plan", "family_notes"],
      "properties": {"school_name": {"type": "string"}, "school_grade": {"type": "string"},
                     "education_plan": {"type": "string"}, "family_notes": {"type": "string"}}
    },
    "Participant": {
      "type": "object",
      "required": ["id", "given_name", "family_name", "preferred_name", "birth_date", "age", "sex",
                   "gender_identity", "pronouns", "phone", "email", "preferred_contact_method",
                   "preferred_contact_times", "address", "living_situation",
                   "preferred_language", "interpreter_needed", "cultural_considerations",
                   "advance_directive", "health_care_proxy", "payer", "member_id",
                   "primary_care_provider", "child", "related_persons", "episodes", "created_at",
                   "updated_at", "version"],
      "properties": {
        "id": {"type": "string"}, "given_name": {"type": "string"},
        "family_name": {"type": "string"}, "preferred_name": {"type": "string"},
        "birth_date": {"type": "string", "format": "date"}, "age": {"type": "integer"},
        "sex": {"$ref": "#/components/schemas/Sex"},
        "gender_identity": {"type": "string"}, "pronouns": {"type": "string"},
        "phone": {"type": "string"}, "email": {"type": "string"},
        "preferred_contact_method": {"$ref": "#/components/schemas/ContactMethod"},
        "preferred_contact_times": {"type": "string"},
        "address": {"$ref": "#/components/schemas/Address"},
        "living_situation": {"$ref": "#/components/schemas/LivingSituation"},
        "preferred_language": {"type": "string"}, "interpreter_needed": {"type": "boolean"},
        "cultural_considerations": {"type": "string"}, "advance_directive": {"type": "string"},
        "health_care_proxy": {"type": "string"}, "payer": {"type": "string"},
        "member_id": {"type": "string"}, "primary_care_provider": {"type": "string"},
        "child": {"$ref": "#/components/schemas/ChildDetails"},
        "related_persons": {"type": "array", "items": {"$ref": "#/components/schemas/RelatedPerson"}},
        "episodes": {"type": "array", "items": {"$ref": "#/components/schemas/EpisodeSummary"}},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "version": {"type": "integer"}
      }
    },
    "ParticipantChangesRequest": {
      "type": "object", "description": "any editable field of Participant (not related_persons, episodes, id, age, version, times); address and child members are changed one by one",
      "additionalProperties": false,
      "properties": {
        "given_name": {"type": "string"}, "family_name": {"type": "string"},
        "preferred_name": {"type": "string"}, "birth_date": {"type": "string", "format": "date"},
        "sex": {"$ref": "#/components/schemas/Sex"}, "gender_identity": {"type": "string"},
        "pronouns": {"type": "string"}, "phone": {"type": "string"}, "email": {"type": "string"},
        "preferred_contact_method": {"$ref": "#/components/schemas/ContactMethod"},
        "preferred_contact_times": {"type": "string"},
        "address": {"$ref": "#/components/schemas/AddressChanges"},
        "living_situation": {"$ref": "#/components/schemas/LivingSituation"},
        "preferred_language": {"type": "string"},
        "interpreter_needed": {"type": "boolean"}, "cultural_considerations": {"type": "string"},
        "advance_directive": {"type": "string"}, "health_care_proxy": {"type": "string"},
        "payer": {"type": "string"}, "member_id": {"type": "string"},
        "primary_care_provider": {"type": "string"},
        "child": {"$ref": "#/components/schemas/ChildDetailsChanges"}
      }
    },
    "AddressChanges": {
      "type": "object", "additionalProperties": false,
      "properties": {"line": {"type": "string"}, "city": {"type": "string"},
                     "state": {"type": "string"}, "postal_code": {"type": "string"}}
    },
    "ChildDetailsChanges": {
      "type": "object", "additionalProperties": false,
      "properties": {"school_name": {"type": "string"}, "school_grade": {"type": "string"},
                     "education_plan": {"type": "string"}, "family_notes": {"type": "string"}}
    },
    "ParticipantListItem": {
      "type": "object",
      "required": ["id", "given_name", "family_name", "preferred_name", "birth_date", "member_id",
                   "episode_status", "coordinator_name"],
      "properties": {
        "id": {"type": "string"}, "given_name": {"type": "string"},
        "family_name": {"type": "string"}, "preferred_name": {"type": "string"},
        "birth_date": {"type": "string", "format": "date"}, "member_id": {"type": "string"},
        "episode_status": {"anyOf": [{"$ref": "#/components/schemas/EpisodeStatus"}, {"type": "null"}],
                           "description": "of the latest episode; null without one"},
        "coordinator_name": {"type": ["string", "null"]}
      }
    },
    "ParticipantList": {
      "type": "object", "required": ["items", "next_cursor"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ParticipantListItem"}},
                     "next_cursor": {"type": ["string", "null"]}}
    },
    "EmergencyAccessRequest": {
      "type": "object", "required": ["reason"], "additionalProperties": false,
      "properties": {"reason": {"type": "string", "minLength": 10, "maxLength": 500}}
    },
    "EmergencyAccessGrant": {
      "type": "object",
      "required": ["id", "user_id", "user_name", "participant_id", "participant_name", "reason",
                   "granted_at", "expires_at"],
      "properties": {
        "id": {"type": "string"}, "user_id": {"type": "string"}, "user_name": {"type": "string"},
        "participant_id": {"type": "string"}, "participant_name": {"type": "string"},
        "reason": {"type": "string"},
        "granted_at": {"type": "string", "format": "date-time"},
        "expires_at": {"type": "string", "format": "date-time"}
      }
    },
    "EmergencyAccessList": {
      "type": "object", "required": ["items", "next_cursor"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/EmergencyAccessGrant"}},
                     "next_cursor": {"type": ["string", "null"]}}
    }
  })json";
}

}  // namespace carecoord::api
