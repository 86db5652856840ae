// SPDX-License-Identifier: Apache-2.0
// Contacts and case notes (docs/participant-record.md "Contacts and case notes").
import { ApiError } from './api_error';
import type {
  ConsentCategory,
  ContactMode,
  ContactOutcome,
  ContactPurpose,
  ContactSetting,
  WithWhom,
} from './codes';

/** Who the contact was with, when it was not the participant or their guardian. */
export interface ContactParty {
  name: string;
  related_person_id: string | null;
  care_team_member_id: string | null;
}

export interface Addendum {
  id: string;
  text: string;
  by_user_id: string;
  by_name: string;
  created_at: string;
}

export interface Contact {
  id: string;
  episode_id: string;
  participant_id: string;
  occurred_at: string;
  duration_minutes: number;
  mode: ContactMode;
  setting: ContactSetting;
  successful: boolean;
  with_whom: WithWhom;
  party: ContactParty | null;
  disclosed: ConsentCategory[];
  by_user_id: string;
  by_name: string;
  by_role: string;
  purposes: ContactPurpose[];
  outcome: ContactOutcome;
  narrative: string;
  signed_at: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  addenda: Addendum[];
  created_at: string;
  version: number;
}

export interface NewContact {
  occurred_at: string;
  duration_minutes: number;
  mode: ContactMode;
  setting: ContactSetting;
  successful: boolean;
  with_whom: WithWhom;
  party?: Partial<ContactParty> & { name: string };
  disclosed: ConsentCategory[];
  purposes: ContactPurpose[];
  outcome: ContactOutcome;
  narrative: string;
  sign: boolean;
}

/** What a 409 `release-required` says is missing; nothing was saved. */
export interface MissingRelease {
  party: string;
  categories: ConsentCategory[];
  /** YYYY-MM-DD, the contact's date in the program's time zone. */
  on: string;
  why: string;
}

/** The missing release a refused contact names, or null for any other failure. */
export function missingReleaseOf(error: unknown): MissingRelease | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (!(error.problem.type ?? '').endsWith('release-required')) return null;
  const missing = (error.problem as { missing?: Partial<MissingRelease> }).missing;
  return {
    party: missing?.party ?? '',
    categories: missing?.categories ?? [],
    on: missing?.on ?? '',
    why: missing?.why ?? '',
  };
}
