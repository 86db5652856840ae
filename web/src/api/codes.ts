// SPDX-License-Identifier: Apache-2.0
// The code lists of the participant record (docs/participant-record.md "Code lists"), in the
// order a form offers them: the server's OpenAPI enums (generated/code_lists.ts). Labels for
// people are in ../labels.ts.
import { codeLists } from './generated/code_lists';
import type { Schemas } from './schema';

export type SourceSetting = Schemas['SourceSetting'];
export const kSourceSettings: readonly SourceSetting[] = codeLists.SourceSetting;

/** Most urgent first, the order of the intake queue. */
export type Urgency = Schemas['Urgency'];
export const kUrgencies: readonly Urgency[] = codeLists.Urgency;

export type ReferralStatus = Schemas['ReferralStatus'];
export const kReferralStatuses: readonly ReferralStatus[] = codeLists.ReferralStatus;

export type Sex = Schemas['Sex'];
export const kSexes: readonly Sex[] = codeLists.Sex;

/** '' is "not stated". */
export type ContactMethod = Schemas['ContactMethod'];
export const kContactMethods: readonly ContactMethod[] = codeLists.ContactMethod;

export type LivingSituation = Schemas['LivingSituation'];
export const kLivingSituations: readonly LivingSituation[] = codeLists.LivingSituation;

export type Relationship = Schemas['Relationship'];
export const kRelationships: readonly Relationship[] = codeLists.Relationship;

export type RelatedPersonRole = Schemas['RelatedPersonRole'];
export const kRelatedPersonRoles: readonly RelatedPersonRole[] = codeLists.RelatedPersonRole;

export type EpisodeStatus = Schemas['EpisodeStatus'];
export const kEpisodeStatuses: readonly EpisodeStatus[] = codeLists.EpisodeStatus;

export type CareTeamRole = Schemas['CareTeamRole'];
export const kCareTeamRoles: readonly CareTeamRole[] = codeLists.CareTeamRole;

export type ContactMode = Schemas['ContactMode'];
export const kContactModes: readonly ContactMode[] = codeLists.ContactMode;

/** '' only for contacts that are not in person. */
export type ContactSetting = Schemas['ContactSetting'];
export const kContactSettings: readonly ContactSetting[] = codeLists.ContactSetting;

export type WithWhom = Schemas['WithWhom'];
export const kWithWhom: readonly WithWhom[] = codeLists.WithWhom;

export type ContactPurpose = Schemas['ContactPurpose'];
export const kContactPurposes: readonly ContactPurpose[] = codeLists.ContactPurpose;

export type ContactOutcome = Schemas['ContactOutcome'];
export const kContactOutcomes: readonly ContactOutcome[] = codeLists.ContactOutcome;

export type ConsentCategory = Schemas['InformationCategory'];
export const kConsentCategories: readonly ConsentCategory[] = codeLists.InformationCategory;

export type ConsentSigner = Schemas['ConsentSigner'];
export const kConsentSigners: readonly ConsentSigner[] = codeLists.ConsentSigner;

export type ConsentStatus = Schemas['ConsentStatus'];
export const kConsentStatuses: readonly ConsentStatus[] = codeLists.ConsentStatus;

export type PartyKind = Schemas['PartyKind'];
export const kPartyKinds: readonly PartyKind[] = codeLists.PartyKind;

// Policies, obligations, transitions and on call (docs/worklists.md).

/** How an obligation stands when someone looks. */
export type ObligationStatus = Schemas['ObligationStatus'];
export const kObligationStatuses: readonly ObligationStatus[] = codeLists.ObligationStatus;

export type WorklistBucket = Schemas['WorklistBucket'];
export const kWorklistBuckets: readonly WorklistBucket[] = codeLists.WorklistBucket;

/** Higher levels of care a participant is admitted to and discharged from (001 §6). */
export type TransitionLevel = Schemas['TransitionLevel'];
export const kTransitionLevels: readonly TransitionLevel[] = codeLists.TransitionLevel;

/** What became of the psychiatric appointment after a discharge (001 §6). */
export type AppointmentStatus = Schemas['AppointmentStatus'];
export const kAppointmentStatuses: readonly AppointmentStatus[] = codeLists.AppointmentStatus;

/** Why a contact schedule was set as it was (001 §2). */
export type ScheduleReason = Schemas['ScheduleReason'];
export const kScheduleReasons: readonly ScheduleReason[] = codeLists.ScheduleReason;

// Assessments (docs/assessments.md "Assessments").

/** Who answered an assessment. */
export type Respondent = Schemas['Respondent'];
export const kRespondents: readonly Respondent[] = codeLists.Respondent;

// Care plans (docs/assessments.md "Care plans").

export type GoalStatus = Schemas['GoalStatus'];
export const kGoalStatuses: readonly GoalStatus[] = codeLists.GoalStatus;

export type GoalVoice = Schemas['GoalVoice'];
export const kGoalVoices: readonly GoalVoice[] = codeLists.GoalVoice;

export type ResponsibleParty = Schemas['ResponsibleParty'];
export const kResponsibleParties: readonly ResponsibleParty[] = codeLists.ResponsibleParty;

export type InterventionStatus = Schemas['InterventionStatus'];
export const kInterventionStatuses: readonly InterventionStatus[] = codeLists.InterventionStatus;

/** How the plan was agreed to; a plan's agreement also allows '' (not yet recorded). */
export const kAgreementMethods: readonly Schemas['AgreementMethod'][] = codeLists.AgreementMethod;
export const kAgreementSigners: readonly Schemas['AgreementSigner'][] = codeLists.AgreementSigner;

// Accounts.

export type Role = Schemas['Role'];
export const kRoles: readonly Role[] = codeLists.Role;

export type AuditOutcome = Schemas['AuditOutcome'];

/** Whether `value` is one of `codes` (narrows the type). */
export function isCode<T extends string>(codes: readonly T[], value: string): value is T {
  return (codes as readonly string[]).includes(value);
}
