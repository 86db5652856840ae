// SPDX-License-Identifier: Apache-2.0
// Obligations, worklists, the supervisor dashboard and compliance (docs/worklists.md "API").
import type {
  ContactMode,
  ContactPurpose,
  ObligationStatus,
  WithWhom,
  WorklistBucket,
} from './codes';

/** The contact that would satisfy an obligation: the contact form is opened with it. */
export interface SuggestedContact {
  mode: ContactMode;
  purposes: ContactPurpose[];
  with_whom: WithWhom;
}

/** One window of one rule for one episode. */
export interface Obligation {
  status: ObligationStatus;
  episode_id: string;
  participant_id: string;
  rule_id: string;
  rule_title: string;
  cite: string;
  /** rule/instance/window-start-date, stable across evaluations. */
  key: string;
  window_start: string;
  due_at: string;
  required: number;
  counted: number;
  explanation: string;
  /** null when no contact satisfies the rule (appointments, releases). */
  log_contact: SuggestedContact | null;
  resolved_at?: string | null;
  assignee_id?: string;
}

export interface WorklistItem extends Obligation {
  bucket: WorklistBucket;
  participant_name: string;
}

export interface Worklist {
  as_of: string;
  counts: { overdue: number; today: number; this_week: number };
  items: WorklistItem[];
}

export interface EpisodeObligations {
  episode_id: string;
  as_of: string;
  policy_version: number;
  items: Obligation[];
}

/** Met and excused count as compliant; missed and overdue not; pending is not yet due. */
export interface RuleCompliance {
  rule_id: string;
  title: string;
  met: number;
  excused: number;
  missed: number;
  overdue: number;
  pending: number;
  /** 0–1; null when nothing was due. */
  rate: number | null;
}

export interface CoordinatorCompliance {
  user_id: string;
  display_name: string;
  caseload: number;
  overdue: number;
  rules: RuleCompliance[];
}

export interface ProgramDashboard {
  program_id: string;
  /** YYYY-MM in the program's calendar. */
  month: string;
  rules: { rule_id: string; title: string }[];
  program: RuleCompliance[];
  coordinators: CoordinatorCompliance[];
}

export interface ComplianceHistory {
  program_id: string;
  /** Oldest first. */
  months: { month: string; rules: RuleCompliance[] }[];
}
