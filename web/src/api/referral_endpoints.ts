// SPDX-License-Identifier: Apache-2.0
// The intake routes (docs/participant-record.md "Referrals and intake").
import { request } from './http';
import { apiPath, idempotencyKey, ifMatch, queryString } from './paths';
import type {
  AcceptedReferral,
  AcceptReferral,
  DuplicateQuery,
  NewReferral,
  PossibleDuplicate,
  Referral,
  ReferralQuery,
} from './referrals';
import type { ItemList, Page } from './types';

/** The intake queue: emergent, urgent, routine, oldest first. */
export async function listReferrals(query: ReferralQuery): Promise<Page<Referral>> {
  return (await request<Page<Referral>>('GET', `${apiPath('referrals')}${queryString(query)}`))
    .data;
}

export async function createReferral(referral: NewReferral, key: string): Promise<Referral> {
  const response = await request<Referral>('POST', apiPath('referrals'), {
    body: referral,
    headers: idempotencyKey(key),
  });
  return response.data;
}

/** People already known who may be the one being referred (at most 10). */
export async function findDuplicates(query: DuplicateQuery): Promise<PossibleDuplicate[]> {
  const path = `${apiPath('referrals', 'duplicates')}${queryString(query)}`;
  return (await request<ItemList<PossibleDuplicate>>('GET', path)).data.items;
}

export async function getReferral(id: string): Promise<Referral> {
  return (await request<Referral>('GET', apiPath('referrals', id))).data;
}

export async function acceptReferral(
  referral: Referral,
  acceptance: AcceptReferral,
): Promise<AcceptedReferral> {
  const response = await request<AcceptedReferral>(
    'POST',
    apiPath('referrals', referral.id, 'accept'),
    {
      body: acceptance,
      headers: ifMatch(referral.version),
    },
  );
  return response.data;
}

/** Declines the referral (`decline`) or records that the person refused (`refuse`). */
export async function closeReferral(
  referral: Referral,
  action: 'decline' | 'refuse',
  reason: string,
): Promise<Referral> {
  const response = await request<Referral>('POST', apiPath('referrals', referral.id, action), {
    body: { reason },
    headers: ifMatch(referral.version),
  });
  return response.data;
}
