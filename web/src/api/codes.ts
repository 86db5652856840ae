// SPDX-License-Identifier: Apache-2.0
// The code lists of the participant record (docs/participant-record.md "Code lists"), in the
// order a form offers them. Labels for people are in ../labels.ts.

export const kSourceSettings = [
  'crisis_stabilization_unit',
  'state_mental_health_treatment_facility',
  'inpatient_psychiatric',
  'emergency_department',
  'detox_or_addiction_receiving_facility',
  'homeless_shelter',
  'jail',
  'primary_care',
  'school',
  'family',
  'self',
  'other',
] as const;
export type SourceSetting = (typeof kSourceSettings)[number];

/** Most urgent first, the order of the intake queue. */
export const kUrgencies = ['emergent', 'urgent', 'routine'] as const;
export type Urgency = (typeof kUrgencies)[number];

export const kReferralStatuses = ['open', 'accepted', 'declined', 'refused'] as const;
export type ReferralStatus = (typeof kReferralStatuses)[number];

export const kSexes = ['female', 'male', 'intersex', 'unknown'] as const;
export type Sex = (typeof kSexes)[number];

export const kContactMethods = ['', 'phone', 'text', 'email', 'mail', 'in_person'] as const;
export type ContactMethod = (typeof kContactMethods)[number];

export const kLivingSituations = [
  '',
  'stable_housing',
  'with_family',
  'supported_housing',
  'homeless_sheltered',
  'homeless_unsheltered',
  'institution',
  'jail',
  'other',
] as const;
export type LivingSituation = (typeof kLivingSituations)[number];

export const kRelationships = [
  'parent',
  'guardian',
  'spouse_or_partner',
  'child',
  'sibling',
  'grandparent',
  'other_family',
  'foster_parent',
  'friend',
  'neighbor',
  'faith_community',
  'other',
] as const;
export type Relationship = (typeof kRelationships)[number];

export const kRelatedPersonRoles = [
  'legal_guardian',
  'legal_representative',
  'health_care_proxy',
  'natural_support',
  'emergency_contact',
  'household_member',
] as const;
export type RelatedPersonRole = (typeof kRelatedPersonRoles)[number];

export const kEpisodeStatuses = [
  'referred',
  'engaging',
  'active',
  'transitioning',
  'closed',
  'declined',
  'refused',
  'unable_to_locate',
] as const;
export type EpisodeStatus = (typeof kEpisodeStatuses)[number];

export const kCareTeamRoles = [
  'care_coordinator',
  'peer_support_specialist',
  'nurse_care_manager',
  'behavioral_health_provider',
  'psychiatrist',
  'primary_care_provider',
  'parent_consultant',
  'peer_navigator',
  'school_contact',
  'natural_support',
  'external_agency_contact',
] as const;
export type CareTeamRole = (typeof kCareTeamRoles)[number];

export const kContactModes = ['in_person', 'phone', 'video', 'text', 'mail'] as const;
export type ContactMode = (typeof kContactModes)[number];

export const kContactSettings = [
  '',
  'home',
  'office',
  'community',
  'csu',
  'hospital',
  'shelter',
  'jail',
  'school',
] as const;
export type ContactSetting = (typeof kContactSettings)[number];

export const kWithWhom = [
  'participant',
  'guardian',
  'natural_support',
  'provider',
  'agency',
] as const;
export type WithWhom = (typeof kWithWhom)[number];

export const kContactPurposes = [
  'engagement',
  'assessment',
  'care_planning',
  'navigation',
  'crisis',
  'transition_follow_up',
  'warm_handoff',
  'locate',
] as const;
export type ContactPurpose = (typeof kContactPurposes)[number];

export const kContactOutcomes = [
  'engaged',
  'left_message',
  'no_answer',
  'not_found',
  'refused_services',
  'rescheduled',
  'information_shared',
  'other',
] as const;
export type ContactOutcome = (typeof kContactOutcomes)[number];

export const kConsentCategories = [
  'general_health',
  'mental_health',
  'substance_use_part2',
  'hiv',
  'education_records',
] as const;
export type ConsentCategory = (typeof kConsentCategories)[number];

export const kConsentSigners = ['participant', 'guardian'] as const;
export type ConsentSigner = (typeof kConsentSigners)[number];

export const kConsentStatuses = ['active', 'expired', 'not_yet_effective', 'revoked'] as const;
export type ConsentStatus = (typeof kConsentStatuses)[number];

export const kPartyKinds = ['person', 'organization'] as const;
export type PartyKind = (typeof kPartyKinds)[number];

// Policies, obligations, transitions and on call (docs/worklists.md).

/** How an obligation stands when someone looks. */
export const kObligationStatuses = [
  'overdue',
  'due',
  'upcoming',
  'missed',
  'met',
  'excused',
  'ended',
] as const;
export type ObligationStatus = (typeof kObligationStatuses)[number];

export const kWorklistBuckets = ['overdue', 'today', 'this_week'] as const;
export type WorklistBucket = (typeof kWorklistBuckets)[number];

/** Higher levels of care a participant is admitted to and discharged from (001 §6). */
export const kTransitionLevels = [
  'inpatient_psychiatric',
  'crisis_stabilization',
  'state_hospital',
  'detoxification',
  'emergency_department',
  'medical_inpatient',
] as const;
export type TransitionLevel = (typeof kTransitionLevels)[number];

/** What became of the psychiatric appointment after a discharge (001 §6). */
export const kAppointmentStatuses = [
  'scheduled',
  'kept',
  'missed',
  'none_available',
  'refused',
] as const;
export type AppointmentStatus = (typeof kAppointmentStatuses)[number];

/** Why a contact schedule was set as it was (001 §2). */
export const kScheduleReasons = ['safety', 'independence', 'wishes'] as const;
export type ScheduleReason = (typeof kScheduleReasons)[number];

/** Whether `value` is one of `codes` (narrows the type). */
export function isCode<T extends string>(codes: readonly T[], value: string): value is T {
  return (codes as readonly string[]).includes(value);
}
