// SPDX-License-Identifier: Apache-2.0
// Forms of the Transitions tab: their drafts, checks and request bodies. Times are typed as the
// program's wall-clock time (the episode's time_zone) and sent as UTC instants.
import {
  isCode,
  kAppointmentStatuses,
  kTransitionLevels,
  type AppointmentStatus,
} from '../../../api/codes';
import type { NewAppointment, NewTransition } from '../../../api/transitions';
import type { FieldMap } from '../../../components/form_errors';
import { instantInZone } from '../../../zoned_time';

export interface TransitionDraft {
  level: string;
  facility: string;
  admittedAt: string;
  dischargedAt: string;
  medicationNeeded: boolean;
  notes: string;
}

export type TransitionField = 'level' | 'facility' | 'admittedAt' | 'dischargedAt' | 'notes';
export type TransitionErrors = Partial<Record<TransitionField, string>>;

export function emptyTransitionDraft(): TransitionDraft {
  return {
    level: '',
    facility: '',
    admittedAt: '',
    dischargedAt: '',
    medicationNeeded: false,
    notes: '',
  };
}

const kNowSlackMs = 60_000;

function future(instant: string): boolean {
  return Date.parse(instant) > Date.now() + kNowSlackMs;
}

export function validateTransition(d: TransitionDraft, timeZone?: string): TransitionErrors {
  const errors: TransitionErrors = {};
  if (!isCode(kTransitionLevels, d.level)) errors.level = 'Choose the level of care.';
  if (d.facility.trim() === '') errors.facility = 'Enter the facility.';
  else if (d.facility.trim().length > 200) errors.facility = 'Use at most 200 characters.';
  const admitted = instantInZone(d.admittedAt, timeZone);
  if (admitted === null) errors.admittedAt = 'Enter the date and time of admission.';
  else if (future(admitted)) errors.admittedAt = 'The admission cannot be in the future.';
  if (d.dischargedAt !== '') {
    const discharged = instantInZone(d.dischargedAt, timeZone);
    if (discharged === null) errors.dischargedAt = 'Enter a date and time, or leave it empty.';
    else if (future(discharged)) errors.dischargedAt = 'The discharge cannot be in the future.';
    else if (admitted !== null && discharged < admitted) {
      errors.dischargedAt = 'The discharge cannot be before the admission.';
    }
  }
  if (d.notes.length > 4000) errors.notes = 'Use at most 4000 characters.';
  return errors;
}

export function toNewTransition(d: TransitionDraft, timeZone?: string): NewTransition {
  const discharged = d.dischargedAt ? instantInZone(d.dischargedAt, timeZone) : null;
  return {
    level: isCode(kTransitionLevels, d.level) ? d.level : 'inpatient_psychiatric',
    facility: d.facility.trim(),
    admitted_at: instantInZone(d.admittedAt, timeZone) ?? '',
    ...(discharged ? { discharged_at: discharged } : {}),
    medication_needed: d.medicationNeeded,
    notes: d.notes.trim(),
  };
}

export const kTransitionFields: FieldMap<TransitionField> = {
  level: ['level', 'Level of care'],
  facility: ['facility', 'Facility'],
  admitted_at: ['admittedAt', 'Admitted'],
  discharged_at: ['dischargedAt', 'Discharged'],
  notes: ['notes', 'Notes'],
};

export interface AppointmentDraft {
  status: string;
  scheduledFor: string;
  provider: string;
  meNotifiedAt: string;
  note: string;
}

export type AppointmentField = 'status' | 'scheduledFor' | 'provider' | 'meNotifiedAt' | 'note';
export type AppointmentErrors = Partial<Record<AppointmentField, string>>;

export function emptyAppointmentDraft(): AppointmentDraft {
  return { status: '', scheduledFor: '', provider: '', meNotifiedAt: '', note: '' };
}

/** Scheduled, kept and missed appointments have a time. */
export function needsTime(status: string): boolean {
  return status === 'scheduled' || status === 'kept' || status === 'missed';
}

/** 001 §6: when no appointment can be had, or it is refused, that is documented. */
export function needsNote(status: string): boolean {
  return status === 'none_available' || status === 'refused';
}

export function validateAppointment(d: AppointmentDraft, timeZone?: string): AppointmentErrors {
  const errors: AppointmentErrors = {};
  if (!isCode(kAppointmentStatuses, d.status)) errors.status = 'Choose what happened.';
  if (needsTime(d.status)) {
    const at = instantInZone(d.scheduledFor, timeZone);
    if (at === null) errors.scheduledFor = 'Enter the date and time of the appointment.';
    else if ((d.status === 'kept' || d.status === 'missed') && future(at)) {
      errors.scheduledFor = 'A kept or missed appointment cannot be in the future.';
    }
  }
  if (d.status === 'none_available' && d.meNotifiedAt !== '') {
    const at = instantInZone(d.meNotifiedAt, timeZone);
    if (at === null) errors.meNotifiedAt = 'Enter a date and time, or leave it empty.';
    else if (future(at)) errors.meNotifiedAt = 'The notice cannot be in the future.';
  }
  if (d.provider.length > 200) errors.provider = 'Use at most 200 characters.';
  if (needsNote(d.status) && d.note.trim() === '') {
    errors.note =
      d.status === 'refused'
        ? 'Say what was offered and how the participant declined.'
        : 'Say what was tried and who at the managing entity was told.';
  }
  return errors;
}

export function toNewAppointment(d: AppointmentDraft, timeZone?: string): NewAppointment {
  const status: AppointmentStatus = isCode(kAppointmentStatuses, d.status) ? d.status : 'scheduled';
  const scheduled = needsTime(status) ? instantInZone(d.scheduledFor, timeZone) : null;
  const notified =
    status === 'none_available' && d.meNotifiedAt ? instantInZone(d.meNotifiedAt, timeZone) : null;
  return {
    status,
    ...(scheduled ? { scheduled_for: scheduled } : {}),
    provider: d.provider.trim(),
    ...(notified ? { me_notified_at: notified } : {}),
    note: d.note.trim(),
  };
}

export const kAppointmentFields: FieldMap<AppointmentField> = {
  status: ['status', 'What happened'],
  scheduled_for: ['scheduledFor', 'Appointment date and time'],
  provider: ['provider', 'Provider'],
  me_notified_at: ['meNotifiedAt', 'Managing entity notified'],
  note: ['note', 'Note'],
};
