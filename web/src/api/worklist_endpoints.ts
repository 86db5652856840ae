// SPDX-License-Identifier: Apache-2.0
// Worklists, obligations, the dashboard, policies, transitions, contact schedules and on call
// (docs/worklists.md "API").
import type { Episode, ContactSchedule } from './episodes';
import { request } from './http';
import type {
  ComplianceHistory,
  EpisodeObligations,
  ProgramDashboard,
  Worklist,
} from './obligations';
import type { NewShift, OnCallNow, Rota, Shift } from './on_call';
import { apiPath, idempotencyKey, ifMatch, queryString } from './paths';
import type { Policy, PolicyCheck } from './policy';
import type {
  Appointment,
  AppointmentChanges,
  NewAppointment,
  NewTransition,
  Transition,
  TransitionChanges,
} from './transitions';
import type { ItemList } from './types';

/** The signed-in user's open obligations: overdue, due today, due this week. */
export async function getWorklist(): Promise<Worklist> {
  return (await request<Worklist>('GET', apiPath('worklist'))).data;
}

/** Every window of the episode, evaluated as of `asOf` (an instant; default now). */
export async function getEpisodeObligations(
  episodeId: string,
  asOf?: string,
): Promise<EpisodeObligations> {
  const path = `${apiPath('episodes', episodeId, 'obligations')}${queryString({ as_of: asOf })}`;
  return (await request<EpisodeObligations>('GET', path)).data;
}

/** `month` YYYY-MM; absent: the program's current month. */
export async function getDashboard(programId: string, month?: string): Promise<ProgramDashboard> {
  const path = `${apiPath('programs', programId, 'dashboard')}${queryString({ month })}`;
  return (await request<ProgramDashboard>('GET', path)).data;
}

export async function getComplianceHistory(
  programId: string,
  months: number,
): Promise<ComplianceHistory> {
  const path = `${apiPath('programs', programId, 'compliance')}${queryString({ months })}`;
  return (await request<ComplianceHistory>('GET', path)).data;
}

export async function getPolicy(programId: string): Promise<Policy> {
  return (await request<Policy>('GET', apiPath('programs', programId, 'policy'))).data;
}

/** Malformed files are refused with 400 and `errors` [{ line, key, message }]. */
export async function validatePolicy(source: string): Promise<PolicyCheck> {
  return (await request<PolicyCheck>('POST', apiPath('policy', 'validate'), { body: { source } }))
    .data;
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
): Promise<Policy> {
  const response = await request<Policy>('PUT', apiPath('programs', programId, 'policy'), {
    body: { source, note },
    headers: ifMatch(version),
  });
  return response.data;
}

/** Newest admission first, each with its appointments. */
export async function listTransitions(episodeId: string): Promise<Transition[]> {
  const path = apiPath('episodes', episodeId, 'transitions');
  return (await request<ItemList<Transition>>('GET', path)).data.items;
}

export async function recordTransition(
  episodeId: string,
  transition: NewTransition,
  key: string,
): Promise<Transition> {
  const path = apiPath('episodes', episodeId, 'transitions');
  return (
    await request<Transition>('POST', path, { body: transition, headers: idempotencyKey(key) })
  ).data;
}

export async function updateTransition(
  transition: Transition,
  changes: TransitionChanges,
): Promise<Transition> {
  const response = await request<Transition>('PATCH', apiPath('transitions', transition.id), {
    body: changes,
    headers: ifMatch(transition.version),
  });
  return response.data;
}

export async function recordAppointment(
  transitionId: string,
  appointment: NewAppointment,
  key: string,
): Promise<Appointment> {
  const path = apiPath('transitions', transitionId, 'appointments');
  return (
    await request<Appointment>('POST', path, { body: appointment, headers: idempotencyKey(key) })
  ).data;
}

export async function updateAppointment(
  appointment: Appointment,
  changes: AppointmentChanges,
): Promise<Appointment> {
  const response = await request<Appointment>('PATCH', apiPath('appointments', appointment.id), {
    body: changes,
    headers: ifMatch(appointment.version),
  });
  return response.data;
}

/** Answers the episode with its new schedule. */
export async function setContactSchedule(
  episode: Episode,
  schedule: ContactSchedule,
): Promise<Episode> {
  const path = apiPath('episodes', episode.id, 'contact-schedule');
  const response = await request<Episode>('PUT', path, {
    body: schedule,
    headers: ifMatch(episode.version),
  });
  return response.data;
}

/** Who is on call now in each of the user's programs. */
export async function getOnCallNow(): Promise<OnCallNow[]> {
  return (await request<{ programs: OnCallNow[] }>('GET', apiPath('on-call', 'now'))).data
    .programs;
}

export async function getRota(programId: string, from: string, to: string): Promise<Rota> {
  const path = `${apiPath('programs', programId, 'on-call')}${queryString({ from, to })}`;
  return (await request<Rota>('GET', path)).data;
}

export async function addShift(programId: string, shift: NewShift, key: string): Promise<Shift> {
  const path = apiPath('programs', programId, 'on-call');
  return (await request<Shift>('POST', path, { body: shift, headers: idempotencyKey(key) })).data;
}

export async function removeShift(shiftId: string): Promise<void> {
  await request<void>('DELETE', apiPath('on-call', shiftId));
}
