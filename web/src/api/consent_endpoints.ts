// SPDX-License-Identifier: Apache-2.0
// Releases of information (docs/participant-record.md "Releases of information").
import type { Consent, ExpiringConsent, NewConsent, Revocation } from './consents';
import { api, send } from './http';
import { idempotencyKey, ifMatch, query } from './paths';

export async function listConsents(participantId: string): Promise<Consent[]> {
  const params = { path: { id: participantId } };
  return (await send(api.GET('/api/v1/participants/{id}/consents', { params }))).items;
}

export async function recordConsent(
  participantId: string,
  consent: NewConsent,
  key: string,
): Promise<Consent> {
  const params = { path: { id: participantId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/participants/{id}/consents', { params, body: consent }));
}

export async function revokeConsent(consent: Consent, revocation: Revocation): Promise<Consent> {
  const params = { path: { id: consent.id }, header: ifMatch(consent.version) };
  return send(api.POST('/api/v1/consents/{id}/revoke', { params, body: revocation }));
}

/** Active releases that expire within `days` (1–90), soonest first. */
export async function listExpiringConsents(days: number): Promise<ExpiringConsent[]> {
  const params = { query: query({ days }) };
  return (await send(api.GET('/api/v1/consents/expiring', { params }))).items;
}
