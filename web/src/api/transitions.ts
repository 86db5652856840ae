// SPDX-License-Identifier: Apache-2.0
// Transitions of care and the psychiatric appointments after them (docs/worklists.md
// "Transitions"; 001 §6 §8).
import type { AppointmentStatus, TransitionLevel } from './codes';

export interface Appointment {
  id: string;
  transition_id: string;
  status: AppointmentStatus;
  scheduled_for: string | null;
  provider: string;
  me_notified_at: string | null;
  note: string;
  version: number;
}

export interface Transition {
  id: string;
  episode_id: string;
  participant_id: string;
  level: TransitionLevel;
  facility: string;
  admitted_at: string;
  discharged_at: string | null;
  medication_needed: boolean;
  notes: string;
  recorded_by_name: string;
  version: number;
  appointments: Appointment[];
}

export interface NewTransition {
  level: TransitionLevel;
  facility: string;
  admitted_at: string;
  discharged_at?: string;
  medication_needed: boolean;
  notes: string;
}

/** Any subset; discharged_at null clears the discharge. */
export interface TransitionChanges {
  facility?: string;
  admitted_at?: string;
  discharged_at?: string | null;
  medication_needed?: boolean;
  notes?: string;
}

export interface NewAppointment {
  status: AppointmentStatus;
  scheduled_for?: string;
  provider: string;
  me_notified_at?: string;
  note: string;
}

export interface AppointmentChanges {
  status?: AppointmentStatus;
  scheduled_for?: string | null;
  provider?: string;
  me_notified_at?: string | null;
  note?: string;
}
