// SPDX-License-Identifier: Apache-2.0
// Times in a program's time zone. Obligations speak of days, weeks and months in the program's
// own calendar (docs/worklists.md "Evaluation"), so due times, default dates and "today" are
// shown and computed there, whatever the reader's browser zone. An empty or unknown zone falls
// back to the browser's.

const kFormatters = new Map<string, Intl.DateTimeFormat>();

function validZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = kFormatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(undefined, options);
    kFormatters.set(key, f);
  }
  return f;
}

function parse(instant: string): Date | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Mon 23 Nov 2026, 14:00" in `timeZone`; the raw text if it is not an instant. */
export function formatInZone(instant: string, timeZone?: string): string {
  const date = parse(instant);
  if (date === null) return instant;
  const zone = validZone(timeZone);
  const f = formatter(`dt|${zone ?? ''}`, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(zone ? { timeZone: zone } : {}),
  });
  return f.format(date);
}

/** "23 Nov 2026" in `timeZone`. */
export function formatDayInZone(instant: string, timeZone?: string): string {
  const date = parse(instant);
  if (date === null) return instant;
  const zone = validZone(timeZone);
  const f = formatter(`d|${zone ?? ''}`, {
    dateStyle: 'medium',
    ...(zone ? { timeZone: zone } : {}),
  });
  return f.format(date);
}

/** The short name of the zone at `instant` ("EST"), for labels such as "times in EST". */
export function zoneAbbreviation(timeZone?: string, at = new Date()): string {
  const zone = validZone(timeZone);
  const f = formatter(`z|${zone ?? ''}`, {
    timeZoneName: 'short',
    ...(zone ? { timeZone: zone } : {}),
  });
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading in `timeZone` at `ms`. */
function wallTime(ms: number, timeZone?: string): WallTime {
  const zone = validZone(timeZone);
  const f = formatter(`parts|${zone ?? ''}`, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(zone ? { timeZone: zone } : {}),
  });
  const parts = f.formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour') % 24,
    minute: part('minute'),
  };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today in `timeZone` as YYYY-MM-DD. */
export function todayInZone(timeZone?: string, now = Date.now()): string {
  const w = wallTime(now, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** This month in `timeZone` as YYYY-MM. */
export function monthInZone(timeZone?: string, now = Date.now()): string {
  return todayInZone(timeZone, now).slice(0, 7);
}

/** A datetime-local input value ("2026-11-20T14:05") for `ms` in `timeZone`. */
export function localInputInZone(timeZone?: string, ms = Date.now()): string {
  const w = wallTime(ms, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The UTC instant (RFC 3339, no fractions) of a wall time "YYYY-MM-DDTHH:MM" or a date
 * "YYYY-MM-DD" (its midnight, or `endOfDay` its last second) in `timeZone`; null if malformed.
 */
export function instantInZone(value: string, timeZone?: string, endOfDay = false): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (match === null) return null;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const hasTime = match[4] !== undefined;
  const h = hasTime ? Number(match[4]) : endOfDay ? 23 : 0;
  const mi = hasTime ? Number(match[5]) : endOfDay ? 59 : 0;
  const s = !hasTime && endOfDay ? 59 : 0;
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wanted)) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  // Guess with the offset at the wall time read as UTC, then correct once with the offset at
  // the guess (right across daylight-saving changes except inside the skipped hour).
  let guess = wanted - offsetMs(wanted, timeZone);
  guess = wanted - offsetMs(guess, timeZone);
  return new Date(guess).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How far `timeZone` is ahead of UTC at `ms`. */
function offsetMs(ms: number, timeZone?: string): number {
  const w = wallTime(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/** "in 3 hours", "2 days ago", "in 5 minutes", "now". */
export function relativeTime(instant: string, now = Date.now()): string {
  const then = Date.parse(instant);
  if (Number.isNaN(then)) return '';
  const diff = then - now;
  const abs = Math.abs(diff);
  const minutes = Math.round(abs / 60_000);
  let amount: string;
  if (minutes < 1) return 'now';
  if (minutes < 60) amount = minutes === 1 ? '1 minute' : `${minutes} minutes`;
  else if (minutes < 48 * 60) {
    const hours = Math.round(minutes / 60);
    amount = hours === 1 ? '1 hour' : `${hours} hours`;
  } else {
    const days = Math.round(minutes / 1440);
    amount = `${days} days`;
  }
  return diff >= 0 ? `in ${amount}` : `${amount} ago`;
}

/** YYYY-MM for `months` before/after `month` (negative: earlier). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

/** "November 2026" for "2026-11". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  const f = formatter('month', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return f.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
}

/** "Nov 26" for "2026-11", for chart axes. */
export function formatMonthShort(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return month;
  const f = formatter('month-short', { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return f.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15)));
}
