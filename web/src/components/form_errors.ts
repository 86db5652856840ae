// SPDX-License-Identifier: Apache-2.0
// Turning a server refusal into messages next to form fields, or into one message for the form.
import { ApiError, fieldMessage, messageFor } from '../api/api_error';

/** Server field name ("person.given_name") → the form's key for it and its label. */
export type FieldMap<K extends string> = Record<string, readonly [K, string]>;

/**
 * The message for the field the server blamed, keyed as the form keys it; null when the error
 * names no field the form shows (then the form shows `formFailure`).
 */
export function serverFieldErrors<K extends string>(
  error: unknown,
  fields: FieldMap<K>,
): Partial<Record<K, string>> | null {
  if (!(error instanceof ApiError)) return null;
  // Some refusals list several faults: { errors: [{ field, message }] }.
  const listed = (error.problem as { errors?: unknown }).errors;
  if (Array.isArray(listed) && listed.length > 0) {
    const found: Partial<Record<K, string>> = {};
    for (const entry of listed as { field?: string; message?: string }[]) {
      if (!entry.field) continue;
      const known = fields[entry.field] ?? fields[entry.field.replace(/\[\d+\]/g, '')];
      if (known === undefined || found[known[0]] !== undefined) continue;
      let message = entry.message ?? error.message;
      if (message.startsWith(entry.field)) message = known[1] + message.slice(entry.field.length);
      found[known[0]] = /[.!?]$/.test(message) ? message : `${message}.`;
    }
    if (Object.keys(found).length > 0) return found;
  }
  if (error.field === undefined) return null;
  const entry = fields[error.field] ?? fields[error.field.replace(/\[\d+\]/g, '')];
  if (entry === undefined) return null;
  const [key, label] = entry;
  return { [key]: fieldMessage(error, label) } as Partial<Record<K, string>>;
}

/** Whether the failure already sent the user to the sign-in page (show nothing more). */
export function sessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.sessionExpired;
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}

/**
 * Whether the server says the form's idempotency key was already used for a different request
 * (409 naming the Idempotency-Key header); the form then needs a new key.
 */
export function isKeyReused(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if ((error.problem.type ?? '').endsWith('idempotency-key-reused')) return true;
  return error.status === 409 && (error.field ?? '').toLowerCase() === 'idempotency-key';
}

/**
 * One sentence for a refused change: `what` says what was not done ("The referral was not
 * saved."). A 412 asks the user to reload, since someone else changed the record meanwhile.
 */
export function formFailure(error: unknown, what: string): string {
  if (isConflict(error)) {
    return (
      `${what} Someone else changed this record while you were working on it. ` +
      'Reload to see the current version, then try again.'
    );
  }
  const detail = messageFor(error);
  const field = error instanceof ApiError ? error.field : undefined;
  return field ? `${what} ${detail} (${field})` : `${what} ${detail}`;
}
