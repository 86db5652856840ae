// SPDX-License-Identifier: Apache-2.0
// OpenAPI schemas of worklists, obligations, dashboards, policies, transitions and the on-call
// rota: the JSON of obligation_json.cc and transition_json.cc and the bodies their routes read.
#include "api/openapi_schemas.h"

namespace carecoord::api {

std::string_view ObligationSchemas() {
  return R"json({
    "LogContactPrefill": {
      "type": ["object", "null"],
      "description": "the contact that would satisfy the obligation, as the contact form's prefill; null when a contact does not (appointments, releases)",
      "required": ["mode", "purposes", "with_whom"],
      "properties": {
        "mode": {"$ref": "#/components/schemas/ContactMode"},
        "purposes": {"type": "array", "items": {"$ref": "#/components/schemas/ContactPurpose"}},
        "with_whom": {"$ref": "#/components/schemas/WithWhom"}
      }
    },
    "ObligationStatus": {
      "type": "string",
      "enum": ["overdue", "due", "upcoming", "missed", "met", "excused", "ended"]
    },
    "WorklistBucket": {"type": "string", "enum": ["overdue", "today", "this_week"]},
    "WorklistItem": {
      "type": "object",
      "required": ["bucket", "status", "episode_id", "participant_id", "participant_name",
                   "rule_id", "rule_title", "cite", "key", "window_start", "due_at", "required",
                   "counted", "explanation", "log_contact"],
      "properties": {
        "bucket": {"$ref": "#/components/schemas/WorklistBucket"},
        "status": {"type": "string", "enum": ["overdue", "due"]},
        "episode_id": {"type": "string"}, "participant_id": {"type": "string"},
        "participant_name": {"type": "string"},
        "rule_id": {"type": "string"}, "rule_title": {"type": "string"},
        "cite": {"type": "string", "description": "where the guidance says so: 001 §8"},
        "key": {"type": "string", "description": "rule/instance/window-start-date, stable"},
        "window_start": {"type": "string", "format": "date-time"},
        "due_at": {"type": "string", "format": "date-time",
                   "description": "the end of the window (exclusive)"},
        "required": {"type": "integer"}, "counted": {"type": "integer"},
        "explanation": {"type": "string"},
        "log_contact": {"$ref": "#/components/schemas/LogContactPrefill"}
      }
    },
    "Worklist": {
      "type": "object",
      "required": ["as_of", "counts", "items"],
      "properties": {
        "as_of": {"type": "string", "format": "date-time"},
        "counts": {"type": "object", "required": ["overdue", "today", "this_week"],
                   "properties": {"overdue": {"type": "integer"}, "today": {"type": "integer"},
                                  "this_week": {"type": "integer"}}},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/WorklistItem"},
                  "description": "overdue first, then by due time"}
      }
    },
    "Obligation": {
      "type": "object",
      "required": ["status", "episode_id", "participant_id", "rule_id", "rule_title", "cite",
                   "key", "window_start", "due_at", "required", "counted", "explanation",
                   "log_contact", "resolved_at", "assignee_id"],
      "properties": {
        "status": {"$ref": "#/components/schemas/ObligationStatus"},
        "episode_id": {"type": "string"}, "participant_id": {"type": "string"},
        "rule_id": {"type": "string"}, "rule_title": {"type": "string"},
        "cite": {"type": "string"}, "key": {"type": "string"},
        "window_start": {"type": "string", "format": "date-time"},
        "due_at": {"type": "string", "format": "date-time"},
        "required": {"type": "integer"}, "counted": {"type": "integer"},
        "explanation": {"type": "string"},
        "log_contact": {"$ref": "#/components/schemas/LogContactPrefill"},
        "resolved_at": {"type": ["string", "null"], "format": "date-time",
                        "description": "when met or excused"},
        "assignee_id": {"type": "string"}
      }
    },
    "EpisodeObligations": {
      "type": "object",
      "required": ["episode_id", "as_of", "policy_version", "items"],
      "properties": {
        "episode_id": {"type": "string"},
        "as_of": {"type": "string", "format": "date-time",
                  "description": "facts occurring or recorded later do not count"},
        "policy_version": {"type": "integer"},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Obligation"}}
      }
    },
    "RuleCompliance": {
      "type": "object",
      "required": ["rule_id", "title", "met", "excused", "missed", "overdue", "pending", "rate"],
      "properties": {
        "rule_id": {"type": "string"}, "title": {"type": "string"},
        "met": {"type": "integer"}, "excused": {"type": "integer"},
        "missed": {"type": "integer"}, "overdue": {"type": "integer"},
        "pending": {"type": "integer", "description": "not yet due; left out of rate"},
        "rate": {"type": ["number", "null"],
                 "description": "(met + excused) / (met + excused + missed + overdue); null when nothing was due"}
      }
    },
    "ProgramDashboard": {
      "type": "object",
      "required": ["program_id", "month", "rules", "program", "coordinators"],
      "properties": {
        "program_id": {"type": "string"},
        "month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
        "rules": {"type": "array", "items": {
          "type": "object", "required": ["rule_id", "title"],
          "properties": {"rule_id": {"type": "string"}, "title": {"type": "string"}}
        }},
        "program": {"type": "array", "items": {"$ref": "#/components/schemas/RuleCompliance"}},
        "coordinators": {"type": "array", "items": {
          "type": "object",
          "required": ["user_id", "display_name", "caseload", "overdue", "rules"],
          "properties": {
            "user_id": {"type": "string"}, "display_name": {"type": "string"},
            "caseload": {"type": "integer"}, "overdue": {"type": "integer"},
            "rules": {"type": "array", "items": {"$ref": "#/components/schemas/RuleCompliance"}}
          }
        }}
      }
    },
    "ComplianceHistory": {
      "type": "object",
      "required": ["program_id", "months"],
      "properties": {
        "program_id": {"type": "string"},
        "months": {"type": "array", "description": "oldest first", "items": {
          "type": "object", "required": ["month", "rules"],
          "properties": {
            "month": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"},
            "rules": {"type": "array", "items": {"$ref": "#/components/schemas/RuleCompliance"}}
          }
        }}
      }
    },
    "PolicySchedule": {
      "type": "object",
      "required": ["min_per_week", "max_per_week", "default_per_week"],
      "properties": {
        "min_per_week": {"type": "integer"}, "max_per_week": {"type": "integer"},
        "default_per_week": {"type": "integer"}
      }
    },
    "PolicyRule": {
      "type": "object",
      "required": ["id", "title", "cite", "enabled", "description"],
      "properties": {
        "id": {"type": "string"}, "title": {"type": "string"}, "cite": {"type": "string"},
        "enabled": {"type": "boolean"},
        "description": {"type": "string", "description": "the rule in plain language"}
      }
    },
    "Policy": {
      "type": "object",
      "required": ["program_id", "program_name", "time_zone", "version", "source", "note",
                   "changed_by_name", "changed_at", "schedule", "rules"],
      "properties": {
        "program_id": {"type": "string"}, "program_name": {"type": "string"},
        "time_zone": {"type": "string"},
        "version": {"type": "integer", "description": "0: the built-in default; also the ETag"},
        "source": {"type": "string", "description": "the TOML file"},
        "note": {"type": "string"},
        "changed_by_name": {"type": ["string", "null"]},
        "changed_at": {"type": ["string", "null"], "format": "date-time"},
        "schedule": {"anyOf": [{"$ref": "#/components/schemas/PolicySchedule"}, {"type": "null"}],
                     "description": "null, with no rules, when the server has no parsed policy to describe"},
        "rules": {"type": "array", "items": {"$ref": "#/components/schemas/PolicyRule"}}
      }
    },
    "ReplacedPolicy": {
      "allOf": [
        {"$ref": "#/components/schemas/Policy"},
        {"type": "object", "required": ["rebuilt_episodes"],
         "properties": {"rebuilt_episodes": {"type": "integer"}}}
      ]
    },
    "PolicyChangeRequest": {
      "type": "object",
      "required": ["source"],
      "additionalProperties": false,
      "properties": {
        "source": {"type": "string", "minLength": 1, "maxLength": 65536, "description": "the TOML file"},
        "note": {"type": "string", "maxLength": 1000, "description": "why"}
      }
    },
    "PolicyValidateRequest": {
      "type": "object",
      "required": ["source"],
      "additionalProperties": false,
      "properties": {"source": {"type": "string", "minLength": 1, "maxLength": 65536}}
    },
    "PolicyValidation": {
      "type": "object",
      "required": ["valid", "schedule", "rules"],
      "properties": {
        "valid": {"type": "boolean", "const": true},
        "schedule": {"$ref": "#/components/schemas/PolicySchedule"},
        "rules": {"type": "array", "items": {"$ref": "#/components/schemas/PolicyRule"}}
      }
    },
    "PolicyProblem": {
      "allOf": [
        {"$ref": "#/components/schemas/Problem"},
        {"type": "object",
         "properties": {
           "errors": {"type": "array", "items": {
             "type": "object",
             "required": ["field", "line", "key", "message"],
             "properties": {
               "field": {"type": "string", "description": "the member at fault, source unless said otherwise"},
               "line": {"type": "integer", "description": "1-based line of the TOML file"},
               "key": {"type": "string", "description": "the offending key"},
               "message": {"type": "string",
                           "description": "line 14, rule 'warm_handoff', key 'amount': must be 1–8760"}
             }
           }}
         }}
      ]
    },
    "TransitionLevel": {
      "type": "string"
    },
    "AppointmentStatus": {
      "type": "string"
    },
    "Appointment": {
      "type": "object",
      "required": ["id", "transition_id", "status", "scheduled_for", "provider",
                   "me_notified_at", "note", "version"],
      "properties": {
        "id": {"type": "string"}, "transition_id": {"type": "string"},
        "status": {"$ref": "#/components/schemas/AppointmentStatus"},
        "scheduled_for": {"type": ["string", "null"], "format": "date-time"},
        "provider": {"type": "string"},
        "me_notified_at": {"type": ["string", "null"], "format": "date-time",
                           "description": "when the managing entity was notified (none_available)"},
        "note": {"type": "string"},
        "version": {"type": "integer"}
      }
    },
    "Transition": {
      "type": "object",
      "required": ["id", "episode_id", "participant_id", "level", "facility", "admitted_at",
                   "discharged_at", "medication_needed", "notes", "recorded_by_name", "version",
                   "appointments"],
      "properties": {
        "id": {"type": "string"}, "episode_id": {"type": "string"},
        "participant_id": {"type": "string"},
        "level": {"$ref": "#/components/schemas/TransitionLevel"},
        "facility": {"type": "string"},
        "admitted_at": {"type": "string", "format": "date-time"},
        "discharged_at": {"type": ["string", "null"], "format": "date-time"},
        "medication_needed": {"type": "boolean"},
        "notes": {"type": "string"},
        "recorded_by_name": {"type": "string"},
        "version": {"type": "integer"},
        "appointments": {"type": "array", "items": {"$ref": "#/components/schemas/Appointment"}}
      }
    },
    "TransitionList": {
      "type": "object", "required": ["items"],
      "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Transition"}}}
    },
    "NewTransitionRequest": {
      "type": "object",
      "required": ["level", "facility", "admitted_at"],
      "additionalProperties": false,
      "properties": {
        "level": {"$ref": "#/components/schemas/TransitionLevel"},
        "facility": {"type": "string", "minLength": 1, "maxLength": 200},
        "admitted_at": {"type": "string", "format": "date-time",
                        "description": "not in the future, not before the referral"},
        "discharged_at": {"type": ["string", "null"], "format": "date-time",
                          "description": "not before admitted_at, not in the future"},
        "medication_needed": {"type": "boolean", "default": false},
        "notes": {"type": "string", "maxLength": 4000}
      }
    },
    "TransitionChangesRequest": {
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "description": "level cannot change: another level of care is another transition",
      "properties": {
        "facility": {"type": "string", "minLength": 1, "maxLength": 200},
        "admitted_at": {"type": "string", "format": "date-time"},
        "discharged_at": {"type": ["string", "null"], "format": "date-time",
                          "description": "null clears it"},
        "medication_needed": {"type": "boolean"},
        "notes": {"type": "string", "maxLength": 4000}
      }
    },
    "NewAppointmentRequest": {
      "type": "object",
      "required": ["status"],
      "additionalProperties": false,
      "properties": {
        "status": {"$ref": "#/components/schemas/AppointmentStatus"},
        "scheduled_for": {"type": ["string", "null"], "format": "date-time",
                          "description": "required for scheduled, kept and missed"},
        "provider": {"type": "string", "maxLength": 200},
        "me_notified_at": {"type": ["string", "null"], "format": "date-time",
                           "description": "only with none_available"},
        "note": {"type": "string", "maxLength": 4000,
                 "description": "required for none_available and refused (001 §6)"}
      }
    },
    "AppointmentChangesRequest": {
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "status": {"$ref": "#/components/schemas/AppointmentStatus"},
        "scheduled_for": {"type": ["string", "null"], "format": "date-time"},
        "provider": {"type": "string", "maxLength": 200},
        "me_notified_at": {"type": ["string", "null"], "format": "date-time"},
        "note": {"type": "string", "maxLength": 4000}
      }
    },
    "ContactScheduleRequest": {
      "type": "object",
      "required": ["per_week", "reason"],
      "additionalProperties": false,
      "properties": {
        "per_week": {"type": "integer",
                     "description": "within the policy's schedule bounds (default 3–7)"},
        "reason": {"$ref": "#/components/schemas/ScheduleReason"},
        "note": {"type": "string", "maxLength": 1000}
      }
    },
    "OnCallShift": {
      "type": "object",
      "required": ["id", "program_id", "user_id", "display_name", "starts_at", "ends_at",
                   "phone", "note"],
      "properties": {
        "id": {"type": "string"}, "program_id": {"type": "string"},
        "user_id": {"type": "string"}, "display_name": {"type": "string"},
        "starts_at": {"type": "string", "format": "date-time"},
        "ends_at": {"type": "string", "format": "date-time"},
        "phone": {"type": "string"}, "note": {"type": "string"}
      }
    },
    "OnCallNow": {
      "type": "object",
      "required": ["programs"],
      "properties": {
        "programs": {"type": "array", "items": {
          "type": "object",
          "required": ["program_id", "program_name", "on_call", "covered_until"],
          "properties": {
            "program_id": {"type": "string"}, "program_name": {"type": "string"},
            "on_call": {"type": "array", "items": {"$ref": "#/components/schemas/OnCallShift"},
                        "description": "empty: nobody is on call (a coverage gap)"},
            "covered_until": {"type": ["string", "null"], "format": "date-time"}
          }
        }}
      }
    },
    "CoverageGap": {
      "type": "object",
      "required": ["from", "to"],
      "properties": {"from": {"type": "string", "format": "date-time"},
                     "to": {"type": "string", "format": "date-time"}}
    },
    "OnCallRota": {
      "type": "object",
      "required": ["program_id", "from", "to", "shifts", "gaps"],
      "properties": {
        "program_id": {"type": "string"},
        "from": {"type": "string", "format": "date-time"},
        "to": {"type": "string", "format": "date-time"},
        "shifts": {"type": "array", "items": {"$ref": "#/components/schemas/OnCallShift"}},
        "gaps": {"type": "array", "items": {"$ref": "#/components/schemas/CoverageGap"}}
      }
    },
    "NewShiftRequest": {
      "type": "object",
      "required": ["user_id", "starts_at", "ends_at"],
      "additionalProperties": false,
      "properties": {
        "user_id": {"type": "string", "minLength": 1, "description": "holds a role in the program"},
        "starts_at": {"type": "string", "format": "date-time"},
        "ends_at": {"type": "string", "format": "date-time",
                    "description": "after starts_at, at most 7 days later"},
        "phone": {"type": "string", "maxLength": 40},
        "note": {"type": "string", "maxLength": 500}
      }
    }
  })json";
}

}  // namespace carecoord::api
