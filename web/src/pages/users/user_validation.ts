// SPDX-License-Identifier: Apache-2.0
// The server's rules for user fields (docs/api.md), checked before sending.

const kUsernamePattern = /^[a-z0-9._-]{3,64}$/;

export function usernameError(username: string): string | undefined {
  const normalized = username.trim().toLowerCase();
  if (normalized === '') return 'Enter a username.';
  if (!kUsernamePattern.test(normalized)) {
    return 'Use 3 to 64 characters: letters, digits, dot, underscore or hyphen.';
  }
  return undefined;
}

export function displayNameError(displayName: string): string | undefined {
  const length = [...displayName.trim()].length;
  if (length === 0) return 'Enter a display name.';
  if (length > 200) return 'Use at most 200 characters.';
  return undefined;
}
