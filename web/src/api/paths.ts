// SPDX-License-Identifier: Apache-2.0
// Building blocks shared by the endpoint wrappers: query parameters and the headers for
// optimistic concurrency and idempotent creation.

/**
 * The defined, non-empty values as strings (the document types query parameters as strings);
 * the others are left out.
 */
export function query<T extends object>(values: T): { [K in keyof T]?: string } {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') out[key] = String(value);
  }
  return out as { [K in keyof T]?: string };
}

/** Applies a change only if the record is still at `version`; otherwise the server answers 412. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** A retried POST with the same key creates nothing new (docs/participant-record.md). */
export function idempotencyKey(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/** A fresh idempotency key: one per form, kept across retries of the same submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
