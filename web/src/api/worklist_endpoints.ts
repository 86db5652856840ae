// SPDX-License-Identifier: Apache-2.0
// Worklists, obligations, the dashboard, policies, transitions, contact schedules and on call
// (docs/worklists.md "API").
import type { ContactScheduleChange, Episode } from './episodes';
import { api, send } from './http';
import type {
  ComplianceHistory,
  EpisodeObligations,
  ProgramDashboard,
  Worklist,
} from './obligations';
import type { NewShift, OnCallNow, Rota, Shift } from './on_call';
import { idempotencyKey, ifMatch, query } from './paths';
import type { Policy, PolicyCheck, ReplacedPolicy } from './policy';
import type {
  Appointment,
  AppointmentChanges,
  NewAppointment,
  NewTransition,
  Transition,
  TransitionChanges,
} from './transitions';

/** The signed-in user's open obligations: overdue, due today, due this week. */
export async function getWorklist(): Promise<Worklist> {
  return send(api.GET('/api/v1/worklist'));
}

/** Every window of the episode, evaluated as of `asOf` (an instant; default now). */
export async function getEpisodeObligations(
  episodeId: string,
  asOf?: string,
): Promise<EpisodeObligations> {
  const params = { path: { id: episodeId }, query: query({ as_of: asOf }) };
  return send(api.GET('/api/v1/episodes/{id}/obligations', { params }));
}

/** `month` YYYY-MM; absent: the program's current month. */
export async function getDashboard(programId: string, month?: string): Promise<ProgramDashboard> {
  const params = { path: { id: programId }, query: query({ month }) };
  return send(api.GET('/api/v1/programs/{id}/dashboard', { params }));
}

export async function getComplianceHistory(
  programId: string,
  months: number,
): Promise<ComplianceHistory> {
  const params = { path: { id: programId }, query: query({ months }) };
  return send(api.GET('/api/v1/programs/{id}/compliance', { params }));
}

export async function getPolicy(programId: string): Promise<Policy> {
  return send(api.GET('/api/v1/programs/{id}/policy', { params: { path: { id: programId } } }));
}

/** Malformed files are refused with 400 and `errors` [{ line, key, message }]. */
export async function validatePolicy(source: string): Promise<PolicyCheck> {
  return send(api.POST('/api/v1/policy/validate', { body: { source } }));
}

/**
 * Replaces the policy in force if it is still `version` (else 412); the answer says how many
 * episodes were re-evaluated under the new one.
 */
export async function replacePolicy(
  programId: string,
  version: number,
  source: string,
  note: string,
): Promise<ReplacedPolicy> {
  const params = { path: { id: programId }, header: ifMatch(version) };
  return send(api.PUT('/api/v1/programs/{id}/policy', { params, body: { source, note } }));
}

/** Newest admission first, each with its appointments. */
export async function listTransitions(episodeId: string): Promise<Transition[]> {
  const params = { path: { id: episodeId } };
  return (await send(api.GET('/api/v1/episodes/{id}/transitions', { params }))).items;
}

export async function recordTransition(
  episodeId: string,
  transition: NewTransition,
  key: string,
): Promise<Transition> {
  const params = { path: { id: episodeId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/episodes/{id}/transitions', { params, body: transition }));
}

export async function updateTransition(
  transition: Transition,
  changes: TransitionChanges,
): Promise<Transition> {
  const params = { path: { id: transition.id }, header: ifMatch(transition.version) };
  return send(api.PATCH('/api/v1/transitions/{id}', { params, body: changes }));
}

export async function recordAppointment(
  transitionId: string,
  appointment: NewAppointment,
  key: string,
): Promise<Appointment> {
  const params = { path: { id: transitionId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/transitions/{id}/appointments', { params, body: appointment }));
}

export async function updateAppointment(
  appointment: Appointment,
  changes: AppointmentChanges,
): Promise<Appointment> {
  const params = { path: { id: appointment.id }, header: ifMatch(appointment.version) };
  return send(api.PATCH('/api/v1/appointments/{id}', { params, body: changes }));
}

/** Answers the episode with its new schedule. */
export async function setContactSchedule(
  episode: Episode,
  schedule: ContactScheduleChange,
): Promise<Episode> {
  const params = { path: { id: episode.id }, header: ifMatch(episode.version) };
  return send(api.PUT('/api/v1/episodes/{id}/contact-schedule', { params, body: schedule }));
}

/** Who is on call now in each of the user's programs. */
export async function getOnCallNow(): Promise<OnCallNow[]> {
  return (await send(api.GET('/api/v1/on-call/now'))).programs;
}

export async function getRota(programId: string, from: string, to: string): Promise<Rota> {
  const params = { path: { id: programId }, query: query({ from, to }) };
  return send(api.GET('/api/v1/programs/{id}/on-call', { params }));
}

export async function addShift(programId: string, shift: NewShift, key: string): Promise<Shift> {
  const params = { path: { id: programId }, header: idempotencyKey(key) };
  return send(api.POST('/api/v1/programs/{id}/on-call', { params, body: shift }));
}

export async function removeShift(shiftId: string): Promise<void> {
  await send(api.DELETE('/api/v1/on-call/{id}', { params: { path: { id: shiftId } } }));
}
