// SPDX-License-Identifier: Apache-2.0
// Referrals in and intake (docs/participant-record.md "Referrals and intake").
import type { QueryOf, Schemas } from './schema';

export type ReferralSource = Schemas['ReferralSource'];
export type ReferralDocument = Schemas['ReferralDocument'];
/** The person as the referral describes them, before intake links or creates a participant. */
export type ReferredPerson = Schemas['ReferredPerson'];
export type DuplicateMatch = Schemas['DuplicateMatch'];
export type PossibleDuplicate = Schemas['PossibleDuplicate'];
/** `possible_duplicates` is present on create and while the referral is open. */
export type Referral = Schemas['Referral'];
export type ReferralPage = Schemas['ReferralList'];
/** POST /referrals: the server fills in status, ids, times and version. */
export type NewReferral = Schemas['NewReferralRequest'];
export type ReferralQuery = QueryOf<'/api/v1/referrals'>;
export type DuplicateQuery = QueryOf<'/api/v1/referrals/duplicates'>;
export type AcceptReferral = Schemas['AcceptReferralRequest'];
export type AcceptedReferral = Schemas['AcceptReferralResponse'];
