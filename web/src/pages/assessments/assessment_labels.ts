// SPDX-License-Identifier: Apache-2.0
// Words for the codes an assessment carries (flags, needs, levels), from its instrument's
// definition; the code itself when the instrument is not known to this page.
import type { Assessment, Instrument, InstrumentFlag } from '../../api/assessments';

export function instrumentOf(
  instruments: readonly Instrument[],
  assessment: Assessment,
): Instrument | undefined {
  return (
    instruments.find(
      (i) => i.id === assessment.instrument_id && i.version === assessment.instrument_version,
    ) ?? instruments.find((i) => i.id === assessment.instrument_id)
  );
}

export function flagOf(
  instruments: readonly Instrument[],
  assessment: Assessment,
  flag: string,
): InstrumentFlag {
  const known = instrumentOf(instruments, assessment)?.flags.find((f) => f.flag === flag);
  return known ?? { flag, item: '', at_least: 0, label: flag, urgent: flag === 'safety' };
}

export function needLabel(
  instruments: readonly Instrument[],
  assessment: Assessment,
  need: string,
): string {
  return instrumentOf(instruments, assessment)?.needs.find((n) => n.need === need)?.label ?? need;
}

export function levelLabel(
  instruments: readonly Instrument[],
  assessment: Assessment,
  code: string,
): string {
  return instrumentOf(instruments, assessment)?.levels.find((l) => l.code === code)?.label ?? code;
}

const kShortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "20 Nov 2026" for an instant, in the reader's zone. */
export function shortDate(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : kShortDate.format(date);
}

/** One line naming an assessment, for pickers: "PHQ-9, 20 Nov 2026 (Moderate, 12)". */
export function assessmentTitle(assessment: Assessment): string {
  const score =
    assessment.total === null
      ? ''
      : ` (${assessment.band_label ? `${assessment.band_label}, ` : ''}${assessment.total})`;
  return `${assessment.instrument_title}, ${shortDate(assessment.assessed_at)}${score}`;
}
