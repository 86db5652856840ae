// SPDX-License-Identifier: Apache-2.0
import type { Schemas } from './schema';

/** RFC 9457 problem details; `field` names the one input at fault, when there is one. Members
 * may be missing when the failure was not the server's problem document. */
export type Problem = Partial<Schemas['Problem']>;

/**
 * A failed API call. `status` is the HTTP status, or 0 when the server could not be reached.
 * `sessionExpired` is true when the failure already sent the user back to the sign-in page, so
 * callers should not show their own message for it.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly sessionExpired: boolean;

  constructor(status: number, problem: Problem, sessionExpired = false) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.sessionExpired = sessionExpired;
  }

  /** The input field the server blamed, if any (e.g. "username"). */
  get field(): string | undefined {
    return this.problem.field;
  }
}

export const kUnreachableMessage =
  'The carecoord server could not be reached. Check your connection and try again.';

/**
 * The server's message for a field error, worded with the form's label: the server names
 * fields as in JSON ("new_password must differ ..."), people know them by their labels.
 */
export function fieldMessage(error: ApiError, label: string): string {
  const field = error.field;
  let message = error.message;
  if (field && message.startsWith(field)) message = label + message.slice(field.length);
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** A message fit to show a user for any error thrown by an API call. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return kUnreachableMessage;
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}
