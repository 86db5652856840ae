// SPDX-License-Identifier: Apache-2.0
// The 24/7 on-call rota per program (docs/worklists.md "On call"; 001 §2).
import type { Schemas } from './schema';

export type Shift = Schemas['OnCallShift'];
/** `on_call` empty: nobody is on call now — a coverage gap. */
export type OnCallNow = Schemas['OnCallNow']['programs'][number];
export type Rota = Schemas['OnCallRota'];
export type NewShift = Schemas['NewShiftRequest'];
