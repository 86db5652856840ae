// SPDX-License-Identifier: Apache-2.0
// Participants and the people around them (docs/participant-record.md "Participants").
import type {
  ContactMethod,
  EpisodeStatus,
  LivingSituation,
  Relationship,
  RelatedPersonRole,
  Sex,
} from './codes';

export interface Address {
  line: string;
  city: string;
  state: string;
  postal_code: string;
}

/** School and family details; the web shows them for participants under 22 (002). */
export interface ChildDetails {
  school_name: string;
  school_grade: string;
  education_plan: string;
  family_notes: string;
}

export interface RelatedPerson {
  id: string;
  name: string;
  relationship: Relationship;
  roles: RelatedPersonRole[];
  phone: string;
  email: string;
  notes: string;
  active: boolean;
  version: number;
}

export type NewRelatedPerson = Omit<RelatedPerson, 'id' | 'active' | 'version'>;

export interface EpisodeSummary {
  id: string;
  program_id: string;
  program_name: string;
  status: EpisodeStatus;
  coordinator_id: string;
  coordinator_name: string;
  started_at: string;
  enrolled_at: string | null;
  ended_at: string | null;
}

/** The fields PATCH /participants/{id} accepts. */
export interface ParticipantDetails {
  given_name: string;
  family_name: string;
  preferred_name: string;
  birth_date: string;
  sex: Sex;
  gender_identity: string;
  pronouns: string;
  phone: string;
  email: string;
  preferred_contact_method: ContactMethod;
  preferred_contact_times: string;
  address: Address;
  living_situation: LivingSituation;
  preferred_language: string;
  interpreter_needed: boolean;
  cultural_considerations: string;
  advance_directive: string;
  health_care_proxy: string;
  payer: string;
  member_id: string;
  primary_care_provider: string;
  child: ChildDetails;
}

export interface Participant extends ParticipantDetails {
  id: string;
  age: number;
  related_persons: RelatedPerson[];
  episodes: EpisodeSummary[];
  created_at: string;
  updated_at: string;
  version: number;
}

export type ParticipantChanges = Partial<ParticipantDetails>;

export interface ParticipantListItem {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string;
  birth_date: string;
  member_id: string;
  episode_status: EpisodeStatus | '' | null;
  coordinator_name: string | null;
}

export interface ParticipantQuery {
  q?: string;
  birth_date?: string;
  member_id?: string;
  limit?: number;
  cursor?: string;
}

export interface EmergencyAccessGrant {
  id: string;
  user_id: string;
  user_name: string;
  participant_id: string;
  participant_name: string;
  reason: string;
  granted_at: string;
  expires_at: string;
}

export interface StaffMember {
  id: string;
  display_name: string;
  roles: { program_id: string; role: string }[];
}
