// SPDX-License-Identifier: Apache-2.0
// Contacts and case notes (docs/participant-record.md "Contacts and case notes").
import { ApiError } from './api_error';
import type { Schemas } from './schema';

/** Who the contact was with, when it was not the participant or their guardian. */
export type ContactParty = Schemas['ContactParty'];
export type Addendum = Schemas['Addendum'];
export type Contact = Schemas['Contact'];
export type ContactPage = Schemas['ContactList'];
export type NewContact = Schemas['NewContactRequest'];

/** What a 409 `release-required` says is missing; nothing was saved. `on` is YYYY-MM-DD, the
 * contact's date in the program's time zone. */
export type MissingRelease = Schemas['ReleaseRequiredProblem']['missing'];

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
