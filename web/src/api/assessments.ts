// SPDX-License-Identifier: Apache-2.0
// Standardized assessments, their instruments and the risk tier they feed (docs/assessments.md
// "Instrument files", "Assessments", "Risk tiers"; 001 §3, 002 key activities 3–4).
import { request } from './http';
import { apiPath, idempotencyKey, queryString } from './paths';
import type { ItemList } from './types';

export type InstrumentKind = 'screener' | 'structured' | 'level_of_care';
export type ItemKind = 'choice' | 'rating' | 'text';

export interface InstrumentOption {
  value: number;
  label: string;
}

export interface InstrumentItem {
  id: string;
  text: string;
  kind: ItemKind;
  required: boolean;
  scored: boolean;
  /** Rating items only: the range of the rating. */
  min: number;
  max: number;
  options: InstrumentOption[];
}

export interface InstrumentSection {
  id: string;
  title: string;
  help: string;
  items: InstrumentItem[];
}

export interface InstrumentBand {
  min: number;
  max: number;
  code: string;
  label: string;
}

export interface InstrumentFlag {
  flag: string;
  item: string;
  at_least: number;
  label: string;
  urgent: boolean;
}

export interface InstrumentNeed {
  need: string;
  label: string;
  items: string[];
  at_least: number;
}

export interface InstrumentLevel {
  code: string;
  label: string;
}

export interface Instrument {
  id: string;
  version: number;
  title: string;
  description: string;
  cite: string;
  license: string;
  kind: InstrumentKind;
  pediatric: boolean;
  scored: boolean;
  total_min: number;
  total_max: number;
  total_label: string;
  sections: InstrumentSection[];
  bands: InstrumentBand[];
  flags: InstrumentFlag[];
  needs: InstrumentNeed[];
  levels: InstrumentLevel[];
  /** The program's installed grid for a level-of-care instrument; null: the assessor decides. */
  determination_table: { name: string } | null;
}

/** Numbers for choice and rating items, strings for text items. */
export type Answers = Record<string, number | string>;

export interface NewAssessment {
  instrument_id: string;
  episode_id: string | null;
  assessed_at: string;
  respondent: string;
  notes: string;
  answers: Answers;
  recommended_level?: string;
  level_provided?: string;
  variance_reason?: string;
}

export interface Assessment {
  id: string;
  participant_id: string;
  episode_id: string;
  instrument_id: string;
  instrument_version: number;
  instrument_title: string;
  assessed_at: string;
  total: number | null;
  band: string;
  band_label: string;
  flags: string[];
  needs: string[];
  recommended_level: string;
  /** "table" when the program's determination table gave the level, else the assessor's. */
  level_source: string;
  level_provided: string;
  variance_reason: string;
  respondent: string;
  notes: string;
  answers: Answers;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface TierReason {
  text: string;
  source: string;
  source_id: string;
}

export interface TierOverride {
  id: string;
  tier: string;
  reason: string;
  set_by: string;
  set_by_name: string;
  set_at: string;
}

export interface ScheduleBounds {
  min_per_week: number;
  max_per_week: number;
  default_per_week: number;
}

export interface RiskTier {
  tier: string;
  title: string;
  computed_tier: string;
  computed_title: string;
  reasons: TierReason[];
  override: TierOverride | null;
  schedule: ScheduleBounds | null;
  program_id: string;
  policy_version: number;
  /** Every tier of the program's policy, highest first. */
  tiers: { id: string; title: string }[];
}

export async function listInstruments(): Promise<Instrument[]> {
  return (await request<ItemList<Instrument>>('GET', apiPath('instruments'))).data.items;
}

/** Newest first; `instrument` keeps only that instrument's. */
export async function listAssessments(
  participantId: string,
  instrument?: string,
): Promise<Assessment[]> {
  const base = apiPath('participants', participantId, 'assessments');
  const path = `${base}${queryString({ instrument })}`;
  return (await request<ItemList<Assessment>>('GET', path)).data.items;
}

/** Scored by the server; a bad answer is refused naming `answers.<item>`. */
export async function recordAssessment(
  participantId: string,
  assessment: NewAssessment,
  key: string,
): Promise<Assessment> {
  const path = apiPath('participants', participantId, 'assessments');
  return (
    await request<Assessment>('POST', path, { body: assessment, headers: idempotencyKey(key) })
  ).data;
}

export async function getRiskTier(participantId: string): Promise<RiskTier> {
  return (await request<RiskTier>('GET', apiPath('participants', participantId, 'risk-tier'))).data;
}

/** Supervisors of the deciding program; `tier` null clears the override. */
export async function overrideRiskTier(
  participantId: string,
  tier: string | null,
  reason: string,
): Promise<RiskTier> {
  const path = apiPath('participants', participantId, 'risk-tier', 'override');
  return (await request<RiskTier>('PUT', path, { body: { tier, reason } })).data;
}
