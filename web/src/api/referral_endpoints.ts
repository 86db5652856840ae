// SPDX-License-Identifier: Apache-2.0
// The intake routes (docs/participant-record.md "Referrals and intake").
import { api, send } from './http';
import { idempotencyKey, ifMatch, query } from './paths';
import type {
  AcceptedReferral,
  AcceptReferral,
  DuplicateQuery,
  NewReferral,
  PossibleDuplicate,
  Referral,
  ReferralPage,
  ReferralQuery,
} from './referrals';

/** The intake queue: emergent, urgent, routine, oldest first. */
export async function listReferrals(filters: ReferralQuery): Promise<ReferralPage> {
  return send(api.GET('/api/v1/referrals', { params: { query: query(filters) } }));
}

export async function createReferral(referral: NewReferral, key: string): Promise<Referral> {
  const params = { header: idempotencyKey(key) };
  return send(api.POST('/api/v1/referrals', { params, body: referral }));
}

/** People already known who may be the one being referred (at most 10). */
export async function findDuplicates(filters: DuplicateQuery): Promise<PossibleDuplicate[]> {
  const params = { query: query(filters) };
  return (await send(api.GET('/api/v1/referrals/duplicates', { params }))).items;
}

export async function getReferral(id: string): Promise<Referral> {
  return send(api.GET('/api/v1/referrals/{id}', { params: { path: { id } } }));
}

export async function acceptReferral(
  referral: Referral,
  acceptance: AcceptReferral,
): Promise<AcceptedReferral> {
  const params = { path: { id: referral.id }, header: ifMatch(referral.version) };
  return send(api.POST('/api/v1/referrals/{id}/accept', { params, body: acceptance }));
}

/** Declines the referral (`decline`) or records that the person refused (`refuse`). */
export async function closeReferral(
  referral: Referral,
  action: 'decline' | 'refuse',
  reason: string,
): Promise<Referral> {
  const params = { path: { id: referral.id }, header: ifMatch(referral.version) };
  const body = { reason };
  return send(
    action === 'decline'
      ? api.POST('/api/v1/referrals/{id}/decline', { params, body })
      : api.POST('/api/v1/referrals/{id}/refuse', { params, body }),
  );
}
