// SPDX-License-Identifier: Apache-2.0
// Obligations, worklists, the supervisor dashboard and compliance (docs/worklists.md "API").
import type { Schemas } from './schema';

/** The contact that would satisfy an obligation: the contact form is opened with it. Null when
 * no contact satisfies the rule (appointments, releases). */
export type SuggestedContact = NonNullable<Schemas['LogContactPrefill']>;
/** One window of one rule for one episode; `key` (rule/instance/window-start-date) is stable
 * across evaluations. */
export type Obligation = Schemas['Obligation'];
export type WorklistItem = Schemas['WorklistItem'];
export type Worklist = Schemas['Worklist'];
export type EpisodeObligations = Schemas['EpisodeObligations'];
/** Met and excused count as compliant; missed and overdue not; pending is not yet due. `rate`
 * 0–1, null when nothing was due. */
export type RuleCompliance = Schemas['RuleCompliance'];
export type ProgramDashboard = Schemas['ProgramDashboard'];
export type CoordinatorCompliance = ProgramDashboard['coordinators'][number];
export type ComplianceHistory = Schemas['ComplianceHistory'];
