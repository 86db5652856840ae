// SPDX-License-Identifier: Apache-2.0
// Shapes of the JSON the carecoord API sends and accepts (docs/api.md). Instants are RFC 3339
// UTC strings; IDs are opaque strings.

export type Role =
  'admin' | 'supervisor' | 'care_coordinator' | 'peer_support' | 'nurse_care_manager' | 'auditor';

export interface RoleAssignment {
  program_id: string;
  program_name: string;
  role: Role;
}

export interface Me {
  id: string;
  username: string;
  display_name: string;
  organization: { id: string; name: string };
  roles: RoleAssignment[];
  /** Present only for cookie sessions, which is how this app signs in. */
  csrf_token?: string;
  session: { idle_expires_at: string; absolute_expires_at: string };
}

export interface LoginResponse {
  token: string;
  csrf_token: string;
  expires_at: string;
  user: Me;
}

export interface Program {
  id: string;
  name: string;
  time_zone: string;
}

export interface User {
  id: string;
  username: string;
  display_name: string;
  disabled: boolean;
  locked: boolean;
  roles: RoleAssignment[];
  created_at: string;
  updated_at: string;
  version: number;
}

export interface NewUser {
  username: string;
  display_name: string;
  password: string;
  roles: { program_id: string; role: Role }[];
}

/** Any subset may be sent; the server applies only what is present. */
export interface UserChanges {
  display_name?: string;
  disabled?: boolean;
  roles?: { program_id: string; role: Role }[];
  unlock?: true;
  password?: string;
}

export type AuditOutcome = 'allowed' | 'denied' | 'failed';

export interface AuditEvent {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string;
  actor_username: string;
  role: string;
  program_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  participant_id: string;
  outcome: AuditOutcome;
  reason: string;
}

export interface AuditQuery {
  user_id?: string;
  participant_id?: string;
  /** RFC 3339 instant or YYYY-MM-DD. */
  from?: string;
  to?: string;
  limit?: number;
  before_seq?: number;
}

export interface AuditPage {
  items: AuditEvent[];
  next_before_seq: number | null;
}

export interface ItemList<T> {
  items: T[];
}

/** One page of a cursor-paged list: pass `next_cursor` back as `cursor` for the next page. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** RFC 9457 problem details; `field` names the one input at fault, when there is one. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
}
