// SPDX-License-Identifier: Apache-2.0
// Episodes of care coordination, warm hand-offs and care teams
// (docs/participant-record.md "Episodes, hand-offs, care team").
import type { Schemas } from './schema';

export type StatusChange = Schemas['StatusChange'];
export type Handoff = Schemas['Handoff'];
/** `time_zone` is the program's, in which days, weeks and months are counted. */
export type Episode = Schemas['Episode'];
/** Contacts a week in the first 30 days (001 §2); per_week 0 = not set (policy default). */
export type ContactSchedule = Schemas['ContactSchedule'];
export type ContactScheduleChange = Schemas['ContactScheduleRequest'];
export type Transfer = Schemas['TransferRequest'];
export type CareTeamMember = Schemas['CareTeamMember'];
/** A user (user_id) or an outside person (external_name). */
export type NewCareTeamMember = Schemas['CareTeamMemberRequest'];
export type CareTeamChanges = Schemas['CareTeamMemberChangesRequest'];
