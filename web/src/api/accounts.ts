// SPDX-License-Identifier: Apache-2.0
// Accounts, sessions and the audit log (docs/api.md). Instants are RFC 3339 UTC strings; IDs are
// opaque strings.
import type { QueryOf, Schemas } from './schema';

export type { AuditOutcome, Role } from './codes';

/** A role in one program. */
export type RoleAssignment = Schemas['RoleGrant'];

/**
 * The signed-in user. `csrf_token` is present only for cookie sessions, which is how this app
 * signs in; `allowed` says what the user's roles permit in each program (permissions.ts).
 */
export type Me = Schemas['Me'];
export type ProgramPermissions = Schemas['ProgramPermissions'];
/** A permission rule's name: "contact.create". */
export type Action = Schemas['RoleGatedAction'];

export type LoginResponse = Schemas['SignInResponse'];
export type Program = Schemas['Program'];
export type User = Schemas['User'];
export type NewUser = Schemas['NewUserRequest'];
/** Any subset may be sent; the server applies only what is present. */
export type UserChanges = Schemas['UserChangesRequest'];

export type AuditEvent = Schemas['AuditEvent'];
/** `from` and `to`: an RFC 3339 instant or YYYY-MM-DD. */
export type AuditQuery = QueryOf<'/api/v1/audit'>;
export type AuditPage = Schemas['AuditPage'];
