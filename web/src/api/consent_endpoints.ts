// SPDX-License-Identifier: Apache-2.0
// Releases of information (docs/participant-record.md "Releases of information").
import type { Consent, ExpiringConsent, NewConsent, Revocation } from './consents';
import { request } from './http';
import { apiPath, idempotencyKey, ifMatch, queryString } from './paths';
import type { ItemList } from './types';

export async function listConsents(participantId: string): Promise<Consent[]> {
  const path = apiPath('participants', participantId, 'consents');
  return (await request<ItemList<Consent>>('GET', path)).data.items;
}

export async function recordConsent(
  participantId: string,
  consent: NewConsent,
  key: string,
): Promise<Consent> {
  const path = apiPath('participants', participantId, 'consents');
  return (await request<Consent>('POST', path, { body: consent, headers: idempotencyKey(key) }))
    .data;
}

export async function revokeConsent(consent: Consent, revocation: Revocation): Promise<Consent> {
  const response = await request<Consent>('POST', apiPath('consents', consent.id, 'revoke'), {
    body: revocation,
    headers: ifMatch(consent.version),
  });
  return response.data;
}

/** Active releases that expire within `days` (1–90), soonest first. */
export async function listExpiringConsents(days: number): Promise<ExpiringConsent[]> {
  const path = `${apiPath('consents', 'expiring')}${queryString({ days })}`;
  return (await request<ItemList<ExpiringConsent>>('GET', path)).data.items;
}
