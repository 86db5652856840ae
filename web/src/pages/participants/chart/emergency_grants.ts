// SPDX-License-Identifier: Apache-2.0
// Remembers, for this browser tab, emergency access the user was granted, so the chart keeps
// showing its banner until the grant expires. The server decides access; this is only the
// reminder that every view is audited.
const kStorageKey = 'carecoord.emergency-access';

type Grants = Record<string, string>; // participant id → expires_at

function read(): Grants {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(kStorageKey) ?? '{}');
    return parsed !== null && typeof parsed === 'object' ? (parsed as Grants) : {};
  } catch {
    return {};
  }
}

export function rememberGrant(participantId: string, expiresAt: string): void {
  const grants = read();
  grants[participantId] = expiresAt;
  try {
    sessionStorage.setItem(kStorageKey, JSON.stringify(grants));
  } catch {
    // Storage may be unavailable (private mode); the banner then lasts until the page reloads.
  }
}

/** When the user's emergency access to this participant ends, if it has not yet. */
export function activeGrant(participantId: string, now = Date.now()): string | null {
  const expiresAt = read()[participantId];
  if (expiresAt === undefined) return null;
  return Date.parse(expiresAt) > now ? expiresAt : null;
}
