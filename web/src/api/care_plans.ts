// SPDX-License-Identifier: Apache-2.0
// Versioned person-centered care plans, their reviews and goal progress (docs/assessments.md
// "Care plans"; 001 §4 §10, 002, 003).
import { ApiError } from './api_error';
import { request } from './http';
import { apiPath, idempotencyKey, ifMatch } from './paths';
import type { ItemList } from './types';

export const kGoalStatuses = ['active', 'achieved', 'on_hold', 'discontinued'] as const;
export const kGoalVoices = ['participant', 'family', 'participant_and_family'] as const;
export const kResponsibleParties = [
  'care_coordinator',
  'peer_support',
  'nurse_care_manager',
  'participant',
  'family',
  'natural_support',
  'provider',
  'other',
] as const;
export const kInterventionStatuses = ['planned', 'in_progress', 'done', 'stopped'] as const;
export const kAgreementMethods = ['signature', 'verbal', 'declined'] as const;
export const kAgreementSigners = ['participant', 'guardian'] as const;

export type GoalStatus = (typeof kGoalStatuses)[number];
export type GoalVoice = (typeof kGoalVoices)[number];
export type ResponsibleParty = (typeof kResponsibleParties)[number];
export type InterventionStatus = (typeof kInterventionStatuses)[number];
export type AgreementMethod = '' | (typeof kAgreementMethods)[number];
export type AgreementSigner = '' | (typeof kAgreementSigners)[number];

export interface CarePlanNeed {
  /** "" for a new one: the server assigns ids, and ids keep items the same across versions. */
  id: string;
  description: string;
  assessment_ids: string[];
}

export interface CarePlanGoal {
  id: string;
  statement: string;
  expressed_by: GoalVoice | '';
  need_ids: string[];
  indicator: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  target_date: string;
  status: GoalStatus;
}

export interface CarePlanIntervention {
  id: string;
  goal_id: string;
  action: string;
  responsible: ResponsibleParty | '';
  responsible_name: string;
  frequency: string;
  due_date: string;
  status: InterventionStatus;
}

export interface NaturalSupport {
  name: string;
  relationship: string;
  role: string;
  phone: string;
}

export interface CrisisContact {
  name: string;
  phone: string;
  role: string;
}

export interface CrisisPlan {
  warning_signs: string;
  coping_steps: string;
  contacts: CrisisContact[];
  crisis_line: string;
}

export interface MedicalSummary {
  diagnoses: string[];
  medications: string[];
  allergies: string[];
  providers: string[];
}

export interface TransitionStep {
  step: string;
  target_date: string;
  done: boolean;
}

export interface CarePlanAgreement {
  method: AgreementMethod;
  date: string;
  signer: AgreementSigner;
  signer_name: string;
  note: string;
}

export interface CarePlanDocument {
  needs: CarePlanNeed[];
  strengths: string[];
  goals: CarePlanGoal[];
  interventions: CarePlanIntervention[];
  barriers: string[];
  natural_supports: NaturalSupport[];
  resources: string[];
  crisis_plan: CrisisPlan;
  medical_summary: MedicalSummary;
  transition_plan: TransitionStep[];
  agreement: CarePlanAgreement;
  review_date: string;
}

export interface CarePlanReview {
  id: string;
  version: number;
  reviewed_on: string;
  next_review_date: string;
  participants: string;
  note: string;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface CarePlan {
  id: string;
  participant_id: string;
  episode_id: string;
  program_id: string;
  version: number;
  document: CarePlanDocument;
  created_by: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  updated_by_name: string;
  reviews: CarePlanReview[];
}

export interface CarePlanVersion {
  version: number;
  document: CarePlanDocument;
  change_note: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
  /** What changed from the version before, one sentence each. */
  changes: string[];
}

export interface NewReview {
  reviewed_on: string;
  next_review_date: string;
  participants: string;
  note: string;
}

export interface GoalProgress {
  id: string;
  goal_id: string;
  observed_on: string;
  value: number;
  note: string;
  recorded_by: string;
  recorded_by_name: string;
  created_at: string;
}

export interface NewGoalProgress {
  observed_on: string;
  value: number;
  note: string;
}

function planPath(participantId: string, ...rest: string[]): string {
  return apiPath('participants', participantId, 'care-plans', ...rest);
}

/** The participant's plans, one per episode. */
export async function listCarePlans(participantId: string): Promise<CarePlan[]> {
  return (await request<ItemList<CarePlan>>('GET', planPath(participantId))).data.items;
}

export async function getCarePlan(participantId: string, planId: string): Promise<CarePlan> {
  return (await request<CarePlan>('GET', planPath(participantId, planId))).data;
}

/** The first version of the plan of `episodeId` (the open episode when null). */
export async function createCarePlan(
  participantId: string,
  episodeId: string | null,
  document: CarePlanDocument,
  changeNote: string,
  key: string,
): Promise<CarePlan> {
  const body = {
    ...(episodeId ? { episode_id: episodeId } : {}),
    document,
    change_note: changeNote,
  };
  return (
    await request<CarePlan>('POST', planPath(participantId), {
      body,
      headers: idempotencyKey(key),
    })
  ).data;
}

/**
 * A new version on top of `version`. Someone else's newer version is refused with 412; the
 * refusal carries that plan (see `currentPlanOf`).
 */
export async function updateCarePlan(
  participantId: string,
  planId: string,
  version: number,
  document: CarePlanDocument,
  changeNote: string,
): Promise<CarePlan> {
  const response = await request<CarePlan>('PUT', planPath(participantId, planId), {
    body: { document, change_note: changeNote },
    headers: ifMatch(version),
  });
  return response.data;
}

/** The plan as it is now, from a 412 refusal's `current` member; null for other failures. */
export function currentPlanOf(error: unknown): CarePlan | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const current = (error.problem as { current?: unknown }).current;
  if (current === null || typeof current !== 'object') return null;
  const plan = current as Partial<CarePlan>;
  return typeof plan.id === 'string' && typeof plan.version === 'number' && plan.document
    ? (plan as CarePlan)
    : null;
}

/** Newest first. */
export async function listCarePlanVersions(
  participantId: string,
  planId: string,
): Promise<CarePlanVersion[]> {
  const path = planPath(participantId, planId, 'versions');
  return (await request<ItemList<CarePlanVersion>>('GET', path)).data.items;
}

export async function getCarePlanVersion(
  participantId: string,
  planId: string,
  version: number,
): Promise<CarePlanVersion> {
  const path = planPath(participantId, planId, 'versions', String(version));
  return (await request<CarePlanVersion>('GET', path)).data;
}

/** Records a review of `version` of the plan; answers the plan with its reviews. */
export async function recordCarePlanReview(
  participantId: string,
  planId: string,
  version: number,
  review: NewReview,
): Promise<CarePlan> {
  const path = planPath(participantId, planId, 'reviews');
  return (await request<CarePlan>('POST', path, { body: review, headers: ifMatch(version) })).data;
}

/** By date. */
export async function listGoalProgress(
  participantId: string,
  planId: string,
  goalId: string,
): Promise<GoalProgress[]> {
  const path = planPath(participantId, planId, 'goals', goalId, 'progress');
  return (await request<ItemList<GoalProgress>>('GET', path)).data.items;
}

export async function recordGoalProgress(
  participantId: string,
  planId: string,
  goalId: string,
  progress: NewGoalProgress,
  key: string,
): Promise<GoalProgress> {
  const path = planPath(participantId, planId, 'goals', goalId, 'progress');
  return (
    await request<GoalProgress>('POST', path, { body: progress, headers: idempotencyKey(key) })
  ).data;
}
