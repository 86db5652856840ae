// SPDX-License-Identifier: Apache-2.0
// The one place the app talks HTTP: an openapi-fetch client typed by the server's OpenAPI
// document. It sends the session cookie, adds the CSRF token to unsafe requests, turns
// problem+json bodies into ApiError, and reports a lost session once, centrally, so every screen
// reacts to an expired session the same way.
import createClient from 'openapi-fetch';
import { ApiError, type Problem } from './api_error';
import type { paths } from './schema';

export interface SendOptions {
  /**
   * Whether a 401 means "the session is gone" (the default). Sign-in and the start-up session
   * check turn this off: for them a 401 is an expected answer, not an expiry.
   */
  treat401AsExpiry?: boolean;
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

/** Every route of the document, e.g. `api.GET('/api/v1/episodes/{id}', ...)`. */
export const api = createClient<paths>({
  headers: { Accept: 'application/json' },
  credentials: 'same-origin',
  cache: 'no-store',
});

api.use({
  onRequest({ request }) {
    // The server rejects cookie-authenticated writes without the token (403).
    if (request.method !== 'GET' && csrfToken !== null) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
});

/**
 * Awaits a call of `api` and answers its data; a failure throws ApiError (status 0 when the
 * server could not be reached).
 */
export async function send<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
  options: SendOptions = {},
): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { title: 'Network error' });
  }
  const { response } = result;
  if (response.ok) return result.data as T;
  const problem = toProblem(result.error, response);
  const expired = response.status === 401 && options.treat401AsExpiry !== false;
  if (expired) onSessionExpired?.();
  throw new ApiError(response.status, problem, expired);
}

function toProblem(data: unknown, response: Response): Problem {
  if (data !== null && typeof data === 'object') return data as Problem;
  return { status: response.status, title: response.statusText || `HTTP ${response.status}` };
}
