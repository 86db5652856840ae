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
