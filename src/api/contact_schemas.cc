// SPDX-License-Identifier: Apache-2.0
// OpenAPI schemas of contacts, addenda and releases of information; keep in step with
// contact_json.cc.
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view ContactConsentSchemas() {
  // Code lists are named schemas, each in the order a form offers it.
  return R"json({
  "ContactMode": {"type": "string"},
  "ContactSetting": {
    "type": "string",
    "description": "empty only when not in person"
  },
  "WithWhom": {"type": "string"},
  "ContactPurpose": {
    "type": "string"
  },
  "ContactOutcome": {
    "type": "string"
  },
  "ConsentSigner": {"type": "string"},
  "ConsentStatus": {"type": "string", "enum": ["active", "expired", "not_yet_effective", "revoked"],
                    "description": "as of today in the program's time zone"},
  "PartyKind": {"type": "string"},
  "ContactPartyRequest": {
    "type": "object", "additionalProperties": false,
    "properties": {
      "name": {"type": "string", "maxLength": 200},
      "related_person_id": {"type": ["string", "null"]},
      "care_team_member_id": {"type": ["string", "null"]}
    }
  },
  "ContactParty": {
    "allOf": [{"$ref": "#/components/schemas/ContactPartyRequest"}],
    "required": ["name", "related_person_id", "care_team_member_id"],
    "description": "empty name and null ids when the contact was with the participant or guardian"
  },
  "Addendum": {
    "type": "object", "required": ["id", "text", "by_user_id", "by_name", "created_at"],
    "properties": {
      "id": {"type": "string"}, "text": {"type": "string"}, "by_user_id": {"type": "string"},
      "by_name": {"type": "string"}, "created_at": {"type": "string", "format": "date-time"}
    }
  },
  "Contact": {
    "type": "object",
    "required": ["id", "episode_id", "participant_id", "occurred_at", "duration_minutes", "mode",
                 "setting", "successful", "with_whom", "party", "disclosed", "by_user_id",
                 "by_name", "by_role", "purposes", "outcome", "narrative", "signed_at",
                 "signed_by", "signed_by_name", "addenda", "created_at", "version"],
    "properties": {
      "id": {"type": "string"}, "episode_id": {"type": "string"},
      "participant_id": {"type": "string"},
      "occurred_at": {"type": "string", "format": "date-time"},
      "duration_minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
      "mode": {"$ref": "#/components/schemas/ContactMode"},
      "setting": {"$ref": "#/components/schemas/ContactSetting"},
      "successful": {"type": "boolean"},
      "with_whom": {"$ref": "#/components/schemas/WithWhom"},
      "party": {"$ref": "#/components/schemas/ContactParty"},
      "disclosed": {"type": "array", "items": {"$ref": "#/components/schemas/InformationCategory"}},
      "by_user_id": {"type": "string"}, "by_name": {"type": "string"},
      "by_role": {"type": "string"},
      "purposes": {"type": "array", "items": {"$ref": "#/components/schemas/ContactPurpose"}},
      "outcome": {"$ref": "#/components/schemas/ContactOutcome"},
      "narrative": {"type": "string", "maxLength": 20000},
      "signed_at": {"type": ["string", "null"], "format": "date-time"},
      "signed_by": {"type": ["string", "null"]},
      "signed_by_name": {"type": ["string", "null"]},
      "addenda": {"type": "array", "items": {"$ref": "#/components/schemas/Addendum"}},
      "created_at": {"type": "string", "format": "date-time"},
      "version": {"type": "integer"}
    }
  },
  "ContactList": {
    "type": "object", "required": ["items", "next_cursor"],
    "properties": {
      "items": {"type": "array", "items": {"$ref": "#/components/schemas/Contact"}},
      "next_cursor": {"type": ["string", "null"]}
    }
  },
  "InformationCategory": {
    "type": "string"
  },
  "ContactChangesRequest": {
    "type": "object", "additionalProperties": false,
    "description": "Any of the fields of a new contact except sign; party is replaced whole.",
    "properties": {
      "occurred_at": {"type": "string", "format": "date-time"},
      "duration_minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
      "mode": {"$ref": "#/components/schemas/ContactMode"},
      "setting": {"$ref": "#/components/schemas/ContactSetting"},
      "successful": {"type": "boolean"}, "with_whom": {"$ref": "#/components/schemas/WithWhom"},
      "party": {"$ref": "#/components/schemas/ContactPartyRequest"},
      "disclosed": {"type": "array", "items": {"$ref": "#/components/schemas/InformationCategory"}},
      "purposes": {"type": "array", "items": {"$ref": "#/components/schemas/ContactPurpose"}, "minItems": 1},
      "outcome": {"$ref": "#/components/schemas/ContactOutcome"},
      "narrative": {"type": "string", "maxLength": 20000}
    }
  },
  "NewContactRequest": {
    "type": "object", "additionalProperties": false,
    "required": ["mode", "successful", "with_whom", "purposes", "outcome"],
    "properties": {
      "occurred_at": {"type": "string", "format": "date-time",
                      "description": "now when absent; not in the future, not before the referral"},
      "duration_minutes": {"type": "integer", "minimum": 0, "maximum": 1440},
      "mode": {"$ref": "#/components/schemas/ContactMode"},
      "setting": {"$ref": "#/components/schemas/ContactSetting"},
      "successful": {"type": "boolean"}, "with_whom": {"$ref": "#/components/schemas/WithWhom"},
      "party": {"$ref": "#/components/schemas/ContactPartyRequest",
                "description": "required for natural_support, provider, agency"},
      "disclosed": {"type": "array", "items": {"$ref": "#/components/schemas/InformationCategory"},
                    "description": "required, non-empty, for an outside party"},
      "purposes": {"type": "array", "items": {"$ref": "#/components/schemas/ContactPurpose"}, "minItems": 1},
      "outcome": {"$ref": "#/components/schemas/ContactOutcome"},
      "narrative": {"type": "string", "maxLength": 20000},
      "sign": {"type": "boolean", "description": "sign on save"}
    }
  },
  "AddendumRequest": {
    "type": "object", "required": ["text"], "additionalProperties": false,
    "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 20000}}
  },
  "ConsentPartyRequest": {
    "type": "object", "required": ["kind", "name"], "additionalProperties": false,
    "properties": {
      "kind": {"$ref": "#/components/schemas/PartyKind"},
      "name": {"type": "string", "maxLength": 200},
      "related_person_id": {"type": ["string", "null"]},
      "care_team_member_id": {"type": ["string", "null"]}
    }
  },
  "ConsentParty": {
    "allOf": [{"$ref": "#/components/schemas/ConsentPartyRequest"}],
    "required": ["kind", "name", "related_person_id", "care_team_member_id"]
  },
  "Consent": {
    "type": "object",
    "required": ["id", "participant_id", "party", "purpose", "categories", "effective_date",
                 "expiry_date", "signed_by", "signer_name", "signed_date", "revoked_date",
                 "revoked_by", "revoked_by_name", "revocation_note", "status", "recorded_by",
                 "created_at", "version"],
    "properties": {
      "id": {"type": "string"}, "participant_id": {"type": "string"},
      "party": {"$ref": "#/components/schemas/ConsentParty"},
      "purpose": {"type": "string"},
      "categories": {"type": "array", "items": {"$ref": "#/components/schemas/InformationCategory"}},
      "effective_date": {"type": "string", "format": "date"},
      "expiry_date": {"type": "string", "format": "date"},
      "signed_by": {"$ref": "#/components/schemas/ConsentSigner"},
      "signer_name": {"type": "string"},
      "signed_date": {"type": "string", "format": "date"},
      "revoked_date": {"type": ["string", "null"], "format": "date"},
      "revoked_by": {"type": ["string", "null"]},
      "revoked_by_name": {"type": ["string", "null"]},
      "revocation_note": {"type": "string"},
      "status": {"$ref": "#/components/schemas/ConsentStatus"},
      "recorded_by": {"type": "string"},
      "created_at": {"type": "string", "format": "date-time"},
      "version": {"type": "integer"}
    }
  },
  "ConsentList": {
    "type": "object", "required": ["items"],
    "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Consent"}}}
  },
  "ExpiringConsent": {
    "allOf": [{"$ref": "#/components/schemas/Consent"},
              {"type": "object", "required": ["participant_name"],
               "properties": {"participant_name": {"type": "string"}}}]
  },
  "ExpiringConsentList": {
    "type": "object", "required": ["items"],
    "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/ExpiringConsent"}}}
  },
  "NewConsentRequest": {
    "type": "object", "additionalProperties": false,
    "required": ["party", "purpose", "categories", "effective_date", "expiry_date", "signed_by",
                 "signed_date"],
    "properties": {
      "party": {"$ref": "#/components/schemas/ConsentPartyRequest"},
      "purpose": {"type": "string", "minLength": 1, "maxLength": 1000},
      "categories": {"type": "array", "minItems": 1,
                     "items": {"$ref": "#/components/schemas/InformationCategory"}},
      "effective_date": {"type": "string", "format": "date"},
      "expiry_date": {"type": "string", "format": "date",
                      "description": "on or after effective_date, at most five years after it"},
      "signed_by": {"$ref": "#/components/schemas/ConsentSigner"},
      "signer_name": {"type": "string", "description": "required for a guardian"},
      "signed_date": {"type": "string", "format": "date", "description": "not in the future"}
    }
  },
  "RevokeConsentRequest": {
    "type": "object", "additionalProperties": false,
    "properties": {
      "revoked_date": {"type": "string", "format": "date",
                       "description": "today when absent; not before signed_date"},
      "note": {"type": "string", "maxLength": 1000}
    }
  },
  "ReleaseRequiredProblem": {
    "type": "object", "required": ["type", "title", "status", "detail", "missing"],
    "description": "409 from POST /episodes/{id}/contacts (and PATCH /contacts/{id}) when no release covers the contact (004).",
    "properties": {
      "type": {"type": "string", "const": "/problems/release-required"},
      "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"},
      "missing": {
        "type": "object", "required": ["party", "categories", "on", "why"],
        "properties": {
          "party": {"type": "string"},
          "categories": {"type": "array", "items": {"$ref": "#/components/schemas/InformationCategory"}},
          "on": {"type": "string", "format": "date"},
          "why": {"type": "string"}
        }
      }
    }
  }
})json";
}

}  // namespace carecoord::api
