// SPDX-License-Identifier: Apache-2.0
// Live scoring while an instrument is filled in, by the rules the server stores the score with
// (docs/assessments.md "Instrument files"): the total is the sum of the scored items answered,
// the band is the one whose range holds the total, a flag is raised when its item is at least
// `at_least`, a need when any of its items is. The server's score is the one kept.
import type {
  Answers,
  Instrument,
  InstrumentBand,
  InstrumentFlag,
  InstrumentItem,
  InstrumentNeed,
} from '../../api/assessments';

export interface LiveScore {
  /** Sum of the scored items answered so far; null for an instrument that is not scored. */
  total: number | null;
  /** How many scored items have an answer, of how many there are. */
  answered: number;
  scoredItems: number;
  /** The band of `total`, or null when none holds it (or the instrument has no bands). */
  band: InstrumentBand | null;
  flags: InstrumentFlag[];
  needs: InstrumentNeed[];
}

export function allItems(instrument: Instrument): InstrumentItem[] {
  return instrument.sections.flatMap((section) => section.items);
}

function numberAnswer(answers: Answers, item: string): number | null {
  const value = answers[item];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function bandOf(instrument: Instrument, total: number): InstrumentBand | null {
  return instrument.bands.find((band) => band.min <= total && total <= band.max) ?? null;
}

export function scoreAnswers(instrument: Instrument, answers: Answers): LiveScore {
  const scored = allItems(instrument).filter((item) => item.scored && item.kind !== 'text');
  let total = 0;
  let answered = 0;
  for (const item of scored) {
    const value = numberAnswer(answers, item.id);
    if (value === null) continue;
    total += value;
    answered += 1;
  }
  const isScored = instrument.scored && scored.length > 0;
  const flags = instrument.flags.filter((flag) => {
    const value = numberAnswer(answers, flag.item);
    return value !== null && value >= flag.at_least;
  });
  const needs = instrument.needs.filter((need) =>
    need.items.some((item) => {
      const value = numberAnswer(answers, item);
      return value !== null && value >= need.at_least;
    }),
  );
  return {
    total: isScored ? total : null,
    answered,
    scoredItems: scored.length,
    band: isScored ? bandOf(instrument, total) : null,
    flags,
    needs,
  };
}

/** Required items without an answer (text items need some non-blank text). */
export function missingItems(instrument: Instrument, answers: Answers): InstrumentItem[] {
  return allItems(instrument).filter((item) => {
    if (!item.required) return false;
    const value = answers[item.id];
    if (item.kind === 'text') return typeof value !== 'string' || value.trim() === '';
    return typeof value !== 'number';
  });
}

/**
 * The instruments in the order the picker offers them: for a participant under 18 the pediatric
 * ones first (002: the child and family assessment), then the rest; by title within each.
 */
export function orderInstruments(instruments: readonly Instrument[], age: number): Instrument[] {
  const child = age < 18;
  return [...instruments].sort((a, b) => {
    const rank = (i: Instrument) => (child === i.pediatric ? 0 : 1);
    return rank(a) - rank(b) || a.title.localeCompare(b.title);
  });
}
