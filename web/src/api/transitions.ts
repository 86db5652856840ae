// SPDX-License-Identifier: Apache-2.0
// Transitions of care and the psychiatric appointments after them (docs/worklists.md
// "Transitions"; 001 §6 §8).
import type { Schemas } from './schema';

export type Appointment = Schemas['Appointment'];
export type Transition = Schemas['Transition'];
export type NewTransition = Schemas['NewTransitionRequest'];
/** Any subset; discharged_at null clears the discharge. */
export type TransitionChanges = Schemas['TransitionChangesRequest'];
export type NewAppointment = Schemas['NewAppointmentRequest'];
export type AppointmentChanges = Schemas['AppointmentChangesRequest'];
