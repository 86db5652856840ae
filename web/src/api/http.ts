// SPDX-License-Identifier: Apache-2.0
// The one place the app talks HTTP. It sends the session cookie, adds the CSRF token to unsafe
// requests, turns problem+json bodies into ApiError, and reports a lost session once, centrally,
// so every screen reacts to an expired session the same way.
import { ApiError } from './api_error';
import type { Problem } from './types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Extra headers such as If-Match. */
  headers?: Record<string, string>;
  /**
   * Whether a 401 means "the session is gone" (the default). Sign-in and the start-up session
   * check turn this off: for them a 401 is an expected answer, not an expiry.
   */
  treat401AsExpiry?: boolean;
}

export interface ApiResponse<T> {
  status: number;
  data: T;
  etag: string | null;
}

let csrfToken: string | null = null;
let onSessionExpired: (() => void) | null = null;

/** Remembers the CSRF token from the sign-in response or GET /api/v1/me. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registers who to tell when a signed-in call answers 401. */
export function setSessionExpiredHandler(handler: (() => void) | null): void {
  onSessionExpired = handler;
}

export async function request<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // The server rejects cookie-authenticated writes without the token (403).
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, { title: 'Network error' });
  }

  const data = await readBody(response);
  if (response.ok) {
    return { status: response.status, data: data as T, etag: response.headers.get('ETag') };
  }

  const problem = toProblem(data, response);
  const expired = response.status === 401 && options.treat401AsExpiry !== false;
  if (expired) onSessionExpired?.();
  throw new ApiError(response.status, problem, expired);
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toProblem(data: unknown, response: Response): Problem {
  if (data !== null && typeof data === 'object') return data as Problem;
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}
