// SPDX-License-Identifier: Apache-2.0
// A program's policy: its rules in plain language and the TOML file behind them
// (docs/worklists.md "Policy file").

export interface PolicyRule {
  id: string;
  title: string;
  cite: string;
  enabled: boolean;
  description: string;
}

export interface Policy {
  program_id: string;
  program_name: string;
  time_zone: string;
  /** 0: the built-in default. */
  version: number;
  source: string;
  note: string;
  changed_by_name: string | null;
  changed_at: string | null;
  schedule: { min_per_week: number; max_per_week: number; default_per_week: number };
  rules: PolicyRule[];
  /** Only in the answer to a change. */
  rebuilt_episodes?: number;
}

export interface PolicyCheck {
  valid: true;
  rules: PolicyRule[];
}

/** One fault of a malformed policy file. */
export interface PolicyError {
  field?: string;
  line?: number;
  key?: string;
  message: string;
}
