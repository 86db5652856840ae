// SPDX-License-Identifier: Apache-2.0
// Episodes of care coordination, warm hand-offs and care teams
// (docs/participant-record.md "Episodes, hand-offs, care team").
import type { CareTeamRole, EpisodeStatus, ScheduleReason } from './codes';
import type { EpisodeSummary } from './participants';

export interface StatusChange {
  from: EpisodeStatus | '';
  to: EpisodeStatus;
  reason: string;
  at: string;
  by_name: string;
}

export interface Handoff {
  seq: number;
  from_user_id: string | null;
  from_name: string | null;
  to_user_id: string;
  to_name: string;
  at: string;
  face_to_face: boolean;
  note: string;
}

export interface Episode extends EpisodeSummary {
  participant_id: string;
  referral_id: string | null;
  status_reason: string;
  status_changed_at: string;
  referral_received_at: string;
  status_history: StatusChange[];
  handoffs: Handoff[];
  /** Contacts a week in the first 30 days (001 §2); per_week 0 = not set (policy default). */
  contact_schedule?: ContactSchedule;
  /** The program's IANA time zone, in which days, weeks and months are counted. */
  time_zone?: string;
  version: number;
}

export interface ContactSchedule {
  per_week: number;
  reason: ScheduleReason | '';
  note: string;
}

export interface Transfer {
  to_user_id: string;
  occurred_at?: string;
  face_to_face: boolean;
  note: string;
}

export interface CareTeamMember {
  id: string;
  episode_id: string;
  role: CareTeamRole;
  user_id: string | null;
  user_name: string | null;
  external_name: string;
  external_org: string;
  phone: string;
  email: string;
  start_date: string;
  end_date: string | null;
  active: boolean;
  version: number;
}

/** A user (user_id) or an outside person (external_name). */
export interface NewCareTeamMember {
  role: CareTeamRole;
  user_id?: string;
  external_name?: string;
  external_org?: string;
  phone?: string;
  email?: string;
  start_date?: string;
  end_date?: string;
}

export interface CareTeamChanges {
  start_date?: string;
  end_date?: string | null;
  phone?: string;
  email?: string;
}
