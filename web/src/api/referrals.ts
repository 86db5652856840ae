// SPDX-License-Identifier: Apache-2.0
// Referrals in and intake (docs/participant-record.md "Referrals and intake").
import type { ReferralStatus, Sex, SourceSetting, Urgency } from './codes';

export interface ReferralSource {
  setting: SourceSetting;
  organization: string;
  person: string;
  contact: string;
}

export interface ReferralDocument {
  title: string;
  reference: string;
}

/** The person as the referral describes them, before intake links or creates a participant. */
export interface ReferredPerson {
  given_name: string;
  family_name: string;
  birth_date: string;
  sex: Sex;
  phone: string;
  payer: string;
  member_id: string;
  preferred_language: string;
}

export type DuplicateMatch = 'birth_date_and_name' | 'member_id';

export interface PossibleDuplicate {
  participant_id: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  member_id: string;
  matched_on: DuplicateMatch[];
}

export interface Referral {
  id: string;
  program_id: string;
  status: ReferralStatus;
  urgency: Urgency;
  received_at: string;
  reason: string;
  source: ReferralSource;
  documents: ReferralDocument[];
  person: ReferredPerson;
  participant_id: string | null;
  episode_id: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string;
  created_at: string;
  version: number;
  /** Present on create and while the referral is open. */
  possible_duplicates?: PossibleDuplicate[];
}

/** POST /referrals: the server fills in status, ids, times and version. */
export interface NewReferral {
  program_id?: string;
  urgency: Urgency;
  /** Defaults to now on the server; never in the future. */
  received_at?: string;
  reason: string;
  source: Partial<ReferralSource> & { setting: SourceSetting };
  documents: ReferralDocument[];
  person: Partial<ReferredPerson> &
    Pick<ReferredPerson, 'given_name' | 'family_name' | 'birth_date'>;
  participant_id?: string;
}

export interface ReferralQuery {
  status?: ReferralStatus;
  program_id?: string;
  limit?: number;
  cursor?: string;
}

export interface DuplicateQuery {
  given_name?: string;
  family_name?: string;
  birth_date?: string;
  member_id?: string;
}

export interface AcceptReferral {
  coordinator_id: string;
  participant_id?: string;
  note?: string;
}

export interface AcceptedReferral {
  referral: Referral;
  participant_id: string;
  episode_id: string;
}
