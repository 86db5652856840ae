// SPDX-License-Identifier: Apache-2.0
// Versioned person-centered care plans, their reviews and goal progress (docs/assessments.md
// "Care plans"; 001 §4 §10, 002, 003).
import { ApiError } from './api_error';
import { api, send } from './http';
import { idempotencyKey, ifMatch } from './paths';
import type { Schemas } from './schema';

export {
  kAgreementMethods,
  kAgreementSigners,
  kGoalStatuses,
  kGoalVoices,
  kInterventionStatuses,
  kResponsibleParties,
} from './codes';
export type { GoalStatus, GoalVoice, InterventionStatus, ResponsibleParty } from './codes';

/** Ids are "" for a new item: the server assigns them, and they keep items the same across
 * versions. */
export type CarePlanDocument = Schemas['CarePlanDocument'];
export type CarePlanNeed = CarePlanDocument['needs'][number];
export type CarePlanGoal = CarePlanDocument['goals'][number];
export type CarePlanIntervention = CarePlanDocument['interventions'][number];
export type NaturalSupport = CarePlanDocument['natural_supports'][number];
export type CrisisPlan = CarePlanDocument['crisis_plan'];
export type CrisisContact = CrisisPlan['contacts'][number];
export type MedicalSummary = CarePlanDocument['medical_summary'];
export type TransitionStep = CarePlanDocument['transition_plan'][number];
export type CarePlanAgreement = CarePlanDocument['agreement'];
/** '' while not recorded. */
export type AgreementMethod = CarePlanAgreement['method'];
export type AgreementSigner = CarePlanAgreement['signer'];
export type CarePlanReview = Schemas['CarePlanReview'];
export type CarePlan = Schemas['CarePlan'];
/** `changes`: what changed from the version before, one sentence each. */
export type CarePlanVersion = Schemas['CarePlanVersion'];
export type NewReview = Schemas['CarePlanReviewRequest'];
export type GoalProgress = Schemas['GoalProgress'];
export type NewGoalProgress = Schemas['GoalProgressRequest'];

/** The participant's plans, one per episode. */
export async function listCarePlans(participantId: string): Promise<CarePlan[]> {
  const params = { path: { id: participantId } };
  return (await send(api.GET('/api/v1/participants/{id}/care-plans', { params }))).items;
}

export async function getCarePlan(participantId: string, planId: string): Promise<CarePlan> {
  const params = { path: { id: participantId, pid: planId } };
  return send(api.GET('/api/v1/participants/{id}/care-plans/{pid}', { params }));
}

/** The first version of the plan of `episodeId` (the open episode when null). */
export async function createCarePlan(
  participantId: string,
  episodeId: string | null,
  document: CarePlanDocument,
  changeNote: string,
  key: string,
): Promise<CarePlan> {
  const params = { path: { id: participantId }, header: idempotencyKey(key) };
  const body = {
    ...(episodeId ? { episode_id: episodeId } : {}),
    document,
    change_note: changeNote,
  };
  return send(api.POST('/api/v1/participants/{id}/care-plans', { params, body }));
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
  const params = { path: { id: participantId, pid: planId }, header: ifMatch(version) };
  const body = { document, change_note: changeNote };
  return send(api.PUT('/api/v1/participants/{id}/care-plans/{pid}', { params, body }));
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
  const params = { path: { id: participantId, pid: planId } };
  return (await send(api.GET('/api/v1/participants/{id}/care-plans/{pid}/versions', { params })))
    .items;
}

export async function getCarePlanVersion(
  participantId: string,
  planId: string,
  version: number,
): Promise<CarePlanVersion> {
  const params = { path: { id: participantId, pid: planId, n: String(version) } };
  return send(api.GET('/api/v1/participants/{id}/care-plans/{pid}/versions/{n}', { params }));
}

/** Records a review of `version` of the plan; answers the plan with its reviews. */
export async function recordCarePlanReview(
  participantId: string,
  planId: string,
  version: number,
  review: NewReview,
): Promise<CarePlan> {
  const params = { path: { id: participantId, pid: planId }, header: ifMatch(version) };
  const path = '/api/v1/participants/{id}/care-plans/{pid}/reviews';
  return send(api.POST(path, { params, body: review }));
}

const kProgressPath = '/api/v1/participants/{id}/care-plans/{pid}/goals/{gid}/progress';

/** By date. */
export async function listGoalProgress(
  participantId: string,
  planId: string,
  goalId: string,
): Promise<GoalProgress[]> {
  const params = { path: { id: participantId, pid: planId, gid: goalId } };
  return (await send(api.GET(kProgressPath, { params }))).items;
}

export async function recordGoalProgress(
  participantId: string,
  planId: string,
  goalId: string,
  progress: NewGoalProgress,
  key: string,
): Promise<GoalProgress> {
  const params = {
    path: { id: participantId, pid: planId, gid: goalId },
    header: idempotencyKey(key),
  };
  return send(api.POST(kProgressPath, { params, body: progress }));
}
