// SPDX-License-Identifier: Apache-2.0
// The server's rules for a person's name and date of birth (referrals and participants),
// checked before sending.
import { isCalendarDate, today } from './format';

const kMaxName = 100;

/** The server's rule for a person's names: 1 to 100 characters. */
export function nameError(name: string, missing: string): string | undefined {
  const length = [...name.trim()].length;
  if (length === 0) return missing;
  return length > kMaxName ? `Use at most ${kMaxName} characters.` : undefined;
}

/** A real date, not in the future, from 1900 on (the server's rule). */
export function birthDateError(date: string): string | undefined {
  if (!isCalendarDate(date)) return 'Enter a real date.';
  if (date > today()) return 'The date of birth cannot be in the future.';
  if (date < '1900-01-01') return 'Enter a date of birth from 1900 on.';
  return undefined;
}
