// SPDX-License-Identifier: Apache-2.0
// Formatting of API instants (RFC 3339 UTC) in the reader's own locale and time zone.

const kDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const kDateTimeSeconds = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

function parse(instant: string): Date | null {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "22 Nov 2026, 21:30"; the raw text if it is not a valid instant. */
export function formatDateTime(instant: string): string {
  const date = parse(instant);
  return date === null ? instant : kDateTime.format(date);
}

/** With seconds, for audit events where order within a minute matters. */
export function formatDateTimeSeconds(instant: string): string {
  const date = parse(instant);
  return date === null ? instant : kDateTimeSeconds.format(date);
}

// Calendar dates (YYYY-MM-DD) are days, not instants: format them without a time zone shift.
const kDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const kDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "20 Nov 2026" for "2026-11-20"; the raw text if it is not a calendar date. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '';
  const match = kDatePattern.exec(date);
  if (match === null) return date;
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(utc) ? date : kDate.format(new Date(utc));
}

/** Whether `date` is a real YYYY-MM-DD calendar date. */
export function isCalendarDate(date: string): boolean {
  const match = kDatePattern.exec(date);
  if (match === null) return false;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toISOString().slice(0, 10) === date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Today in the reader's time zone, as YYYY-MM-DD. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The value of a datetime-local input for `now` ("2026-11-20T14:05"). */
export function localDateTimeInput(now = new Date()): string {
  return `${today(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** An RFC 3339 UTC instant without fractions for a datetime-local value; null if invalid. */
export function instantFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** How long ago `instant` was, briefly: "5 min", "3 h", "2 d". */
export function formatAge(instant: string, now = Date.now()): string {
  const then = new Date(instant).getTime();
  if (Number.isNaN(then)) return '';
  const minutes = Math.max(0, Math.floor((now - then) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

/** Whole days from today to `date` (negative when past). */
export function daysFromToday(date: string, now = new Date()): number {
  const a = Date.parse(`${today(now)}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** Whole years from `birthDate` to today, for the header while the server's age is absent. */
export function ageOn(birthDate: string, now = new Date()): number | null {
  if (!isCalendarDate(birthDate)) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}
