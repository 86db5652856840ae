// SPDX-License-Identifier: Apache-2.0
import type { RuleCompliance } from '../../api/obligations';

/** "85%", or "—" when nothing was due. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${Math.round(rate * 100)}%`;
}

/** "17 met, 1 excused, 3 missed, 0 overdue, 2 pending". */
export function complianceCounts(c: RuleCompliance): string {
  const parts = [`${c.met} met`];
  if (c.excused > 0) parts.push(`${c.excused} excused`);
  parts.push(`${c.missed} missed`);
  if (c.overdue > 0) parts.push(`${c.overdue} overdue`);
  if (c.pending > 0) parts.push(`${c.pending} pending`);
  return parts.join(', ');
}

/** Low rates stand out: under 80% warns, under 50% alarms. */
export function rateClass(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return 'rate rate-none';
  if (rate < 0.5) return 'rate rate-low';
  if (rate < 0.8) return 'rate rate-mid';
  return 'rate rate-ok';
}
