// SPDX-License-Identifier: Apache-2.0
// Password rules the server enforces (docs/api.md), checked early so users get instant feedback.

export const kMinPasswordLength = 12;
export const kMaxPasswordLength = 256;

export const kPasswordHint = `${kMinPasswordLength} to ${kMaxPasswordLength} characters.`;

/** An error message for a password that breaks the length rule, or undefined if it is fine. */
export function passwordLengthError(password: string): string | undefined {
  // Count code points, not UTF-16 units, as a person would count characters.
  const length = [...password].length;
  if (length === 0) return 'Enter a password.';
  if (length < kMinPasswordLength) {
    return `Use at least ${kMinPasswordLength} characters (this one has ${length}).`;
  }
  if (length > kMaxPasswordLength) return `Use at most ${kMaxPasswordLength} characters.`;
  return undefined;
}
