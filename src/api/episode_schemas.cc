// SPDX-License-Identifier: Apache-2.0
// OpenAPI schemas of episodes, hand-offs, care teams and staff: the JSON of episode_json.cc and
// the bodies episode_routes.cc / care_team_routes.cc read.
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view EpisodeSchemas() {
  return R"json({
    "EpisodeStatus": {
      "type": "string"
    },
    "ScheduleReason": {"type": "string",
                       "description": "why a contact schedule was set as it was (001 §2)"},
    "StatusChange": {
      "type": "object", "required": ["from", "to", "reason", "at", "by_name"],
      "properties": {
        "from": {"anyOf": [{"$ref": "#/components/schemas/EpisodeStatus"}, {"const": ""}],
                 "description": "empty for the first status"},
        "to": {"$ref": "#/components/schemas/EpisodeStatus"}, "reason": {"type": "string"},
        "at": {"type": "string", "format": "date-time"}, "by_name": {"type": "string"}
      }
    },
    "Handoff": {
      "type": "object",
      "required": ["seq", "from_user_id", "from_name", "to_user_id", "to_name", "at",
                   "face_to_face", "note"],
      "properties": {
        "seq": {"type": "integer", "description": "1 is the assignment at intake"},
        "from_user_id": {"type": ["string", "null"]},
        "from_name": {"type": ["string", "null"]},
        "to_user_id": {"type": "string"}, "to_name": {"type": "string"},
        "at": {"type": "string", "format": "date-time"},
        "face_to_face": {"type": "boolean"}, "note": {"type": "string"}
      }
    },
    "ContactSchedule": {
      "type": "object",
      "description": "contacts per week in the first 30 days (001 §2)",
      "required": ["per_week", "reason", "note"],
      "properties": {
        "per_week": {"type": "integer", "description": "0: not set, the policy's default applies"},
        "reason": {"anyOf": [{"$ref": "#/components/schemas/ScheduleReason"}, {"const": ""}],
                   "description": "empty when not set"},
        "note": {"type": "string"}
      }
    },
    "Episode": {
      "type": "object",
      "required": ["id", "program_id", "program_name", "status", "coordinator_id",
                   "coordinator_name", "started_at", "enrolled_at", "ended_at", "participant_id",
                   "referral_id", "status_reason", "status_changed_at", "referral_received_at",
                   "status_history", "handoffs", "contact_schedule", "time_zone", "version"],
      "properties": {
        "id": {"type": "string"},
        "program_id": {"type": "string"}, "program_name": {"type": "string"},
        "status": {"$ref": "#/components/schemas/EpisodeStatus"},
        "coordinator_id": {"type": "string"}, "coordinator_name": {"type": "string"},
        "started_at": {"type": "string", "format": "date-time"},
        "enrolled_at": {"type": ["string", "null"], "format": "date-time"},
        "ended_at": {"type": ["string", "null"], "format": "date-time"},
        "participant_id": {"type": "string"},
        "referral_id": {"type": ["string", "null"]},
        "status_reason": {"type": "string"},
        "status_changed_at": {"type": "string", "format": "date-time"},
        "referral_received_at": {"type": "string", "format": "date-time"},
        "status_history": {"type": "array", "items": {"$ref": "#/components/schemas/StatusChange"}},
        "handoffs": {"type": "array", "items": {"$ref": "#/components/schemas/Handoff"}},
        "contact_schedule": {"$ref": "#/components/schemas/ContactSchedule"},
        "time_zone": {"type": "string", "description": "the program's, for its calendar"},
        "version": {"type": "integer"}
      }
    },
    "EpisodeList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Episode"}}}
    },
    "EpisodeStatusRequest": {
      "type": "object",
      "required": ["status"],
      "additionalProperties": false,
      "properties": {
        "status": {"$ref": "#/components/schemas/EpisodeStatus"},
        "reason": {"type": "string", "maxLength": 2000,
                   "description": "required for closed, declined, refused, unable_to_locate"}
      }
    },
    "TransferRequest": {
      "type": "object",
      "required": ["to_user_id"],
      "additionalProperties": false,
      "properties": {
        "to_user_id": {"type": "string", "minLength": 1,
                       "description": "an enabled user holding care_coordinator in the program"},
        "occurred_at": {"type": "string", "format": "date-time",
                        "description": "default now; not in the future"},
        "face_to_face": {"type": "boolean", "default": false},
        "note": {"type": "string", "maxLength": 4000}
      }
    },
    "CareTeamMember": {
      "type": "object",
      "required": ["id", "episode_id", "role", "user_id", "user_name", "external_name",
                   "external_org", "phone", "email", "start_date", "end_date", "active",
                   "version"],
      "properties": {
        "id": {"type": "string"}, "episode_id": {"type": "string"},
        "role": {"$ref": "#/components/schemas/CareTeamRole"},
        "user_id": {"type": ["string", "null"]}, "user_name": {"type": ["string", "null"]},
        "external_name": {"type": "string"}, "external_org": {"type": "string"},
        "phone": {"type": "string"}, "email": {"type": "string"},
        "start_date": {"type": "string", "format": "date"},
        "end_date": {"type": ["string", "null"], "format": "date",
                     "description": "the last day of the membership (inclusive)"},
        "active": {"type": "boolean", "description": "begun and not ended, on the program's today"},
        "version": {"type": "integer"}
      }
    },
    "CareTeamRole": {
      "type": "string"
    },
    "CareTeamList": {
      "type": "object", "required": ["items"],
      "properties": {
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/CareTeamMember"}}
      }
    },
    "CareTeamMemberRequest": {
      "type": "object",
      "required": ["role"],
      "additionalProperties": false,
      "description": "a colleague (user_id) or an outside person (external_name), not both",
      "properties": {
        "role": {"$ref": "#/components/schemas/CareTeamRole"},
        "user_id": {"type": "string"},
        "external_name": {"type": "string", "maxLength": 200},
        "external_org": {"type": "string", "maxLength": 200},
        "phone": {"type": "string", "maxLength": 50},
        "email": {"type": "string", "maxLength": 200},
        "start_date": {"type": "string", "format": "date", "description": "default today"},
        "end_date": {"type": "string", "format": "date", "description": "not before start_date"}
      }
    },
    "CareTeamMemberChangesRequest": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "start_date": {"type": "string", "format": "date"},
        "end_date": {"type": ["string", "null"], "format": "date",
                     "description": "a date ends the membership; null makes it open-ended again"},
        "external_org": {"type": "string", "maxLength": 200},
        "phone": {"type": "string", "maxLength": 50},
        "email": {"type": "string", "maxLength": 200}
      }
    },
    "StaffMember": {
      "type": "object", "required": ["id", "display_name", "roles"],
      "properties": {
        "id": {"type": "string"}, "display_name": {"type": "string"},
        "roles": {"type": "array", "items": {"$ref": "#/components/schemas/RoleGrant"}}
      }
    },
    "StaffList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/StaffMember"}}}
    }
  })json";
}

}  // namespace carecoord::api
