// SPDX-License-Identifier: Apache-2.0
// Standardized assessments, their instruments and the risk tier they feed (docs/assessments.md
// "Instrument files", "Assessments", "Risk tiers"; 001 §3, 002 key activities 3–4).
import { api, send } from './http';
import { idempotencyKey, query } from './paths';
import type { Schemas } from './schema';

export type Instrument = Schemas['Instrument'];
export type InstrumentKind = Instrument['kind'];
export type InstrumentItem = Schemas['InstrumentItem'];
export type ItemKind = InstrumentItem['kind'];
/** Choice items only. */
export type InstrumentOption = InstrumentItem['options'][number];
export type InstrumentSection = Instrument['sections'][number];
export type InstrumentBand = Instrument['bands'][number];
export type InstrumentFlag = Instrument['flags'][number];
export type InstrumentNeed = Instrument['needs'][number];
export type InstrumentLevel = Instrument['levels'][number];

/** Numbers for choice and rating items, strings for text items. */
export type Answers = Schemas['Answers'];
export type NewAssessment = Schemas['NewAssessmentRequest'];
/** `level_source` "table" when the program's determination table gave the level. */
export type Assessment = Schemas['Assessment'];
export type TierReason = RiskTier['reasons'][number];
export type TierOverride = Schemas['TierOverride'];
export type ScheduleBounds = RiskTier['schedule'];
/** `tiers`: every tier of the program's policy, highest first. */
export type RiskTier = Schemas['RiskTier'];

export async function listInstruments(): Promise<Instrument[]> {
  return (await send(api.GET('/api/v1/instruments'))).items;
}

/** Newest first; `instrument` keeps only that instrument's. */
export async function listAssessments(
  participantId: string,
  instrument?: string,
): Promise<Assessment[]> {
  const params = { path: { id: participantId }, query: query({ instrument }) };
  return (await send(api.GET('/api/v1/participants/{id}/assessments', { params }))).items;
}

/** Scored by the server; a bad answer is refused naming `answers.<item>`. */
export async function recordAssessment(
  participantId: string,
  assessment: NewAssessment,
  key: string,
): Promise<Assessment> {
  const params = { path: { id: participantId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/participants/{id}/assessments', { params, body: assessment }));
}

export async function getRiskTier(participantId: string): Promise<RiskTier> {
  const params = { path: { id: participantId } };
  return send(api.GET('/api/v1/participants/{id}/risk-tier', { params }));
}

/** Supervisors of the deciding program; `tier` null clears the override. */
export async function overrideRiskTier(
  participantId: string,
  tier: string | null,
  reason: string,
): Promise<RiskTier> {
  const params = { path: { id: participantId } };
  const body = { tier, reason };
  return send(api.PUT('/api/v1/participants/{id}/risk-tier/override', { params, body }));
}
