// SPDX-License-Identifier: Apache-2.0
// The 24/7 on-call rota per program (docs/worklists.md "On call"; 001 §2).

export interface Shift {
  id: string;
  program_id: string;
  user_id: string;
  display_name: string;
  starts_at: string;
  ends_at: string;
  phone: string;
  note: string;
}

export interface OnCallNow {
  program_id: string;
  program_name: string;
  /** Empty: nobody is on call now — a coverage gap. */
  on_call: Shift[];
  covered_until: string | null;
}

export interface Rota {
  program_id: string;
  from: string;
  to: string;
  shifts: Shift[];
  gaps: { from: string; to: string }[];
}

export interface NewShift {
  user_id: string;
  starts_at: string;
  ends_at: string;
  phone: string;
  note: string;
}
