// SPDX-License-Identifier: Apache-2.0
// Building blocks shared by the endpoint wrappers: the API base, query strings and the headers
// for optimistic concurrency and idempotent creation.

export const kApiBase = '/api/v1';

/** "/api/v1/participants/abc" with each segment escaped. */
export function apiPath(...segments: string[]): string {
  return [kApiBase, ...segments.map((segment) => encodeURIComponent(segment))].join('/');
}

/** "?a=1&b=x" from the defined, non-empty values; "" when there are none. */
export function queryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Applies a change only if the record is still at `version`; otherwise the server answers 412. */
export function ifMatch(version: number): Record<string, string> {
  return { 'If-Match': `"${version}"` };
}

/** A retried POST with the same key creates nothing new (docs/participant-record.md). */
export function idempotencyKey(key: string): Record<string, string> {
  return { 'Idempotency-Key': key };
}

/** A fresh idempotency key: one per form, kept across retries of the same submission. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
