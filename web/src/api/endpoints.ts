// SPDX-License-Identifier: Apache-2.0
// One function per API route the web app uses (docs/api.md), so screens never build URLs.
import type {
  AuditPage,
  AuditQuery,
  LoginResponse,
  Me,
  NewUser,
  Program,
  User,
  UserChanges,
} from './accounts';
import { api, send } from './http';
import { ifMatch, query } from './paths';

export async function login(username: string, password: string): Promise<LoginResponse> {
  return send(api.POST('/api/v1/auth/login', { body: { username, password } }), {
    treat401AsExpiry: false, // 401 here means a wrong username or password
  });
}

export async function logout(): Promise<void> {
  await send(api.POST('/api/v1/auth/logout'), { treat401AsExpiry: false });
}

/** The signed-in user. With `treat401AsExpiry: false` a 401 just means "not signed in". */
export async function fetchMe(treat401AsExpiry = true): Promise<Me> {
  return send(api.GET('/api/v1/me'), { treat401AsExpiry });
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const body = { current_password: currentPassword, new_password: newPassword };
  // A 401 may mean a wrong current password rather than a lost session; the caller checks.
  await send(api.POST('/api/v1/auth/password', { body }), { treat401AsExpiry: false });
}

export async function listPrograms(): Promise<Program[]> {
  return (await send(api.GET('/api/v1/programs'))).items;
}

export async function listUsers(): Promise<User[]> {
  return (await send(api.GET('/api/v1/users'))).items;
}

export async function createUser(user: NewUser): Promise<User> {
  return send(api.POST('/api/v1/users', { body: user }));
}

/** Applies `changes` only if the user is still at `version`; otherwise the server answers 412. */
export async function updateUser(id: string, version: number, changes: UserChanges): Promise<User> {
  const params = { path: { id }, header: ifMatch(version) };
  return send(api.PATCH('/api/v1/users/{id}', { params, body: changes }));
}

export async function listAuditEvents(filters: AuditQuery): Promise<AuditPage> {
  return send(api.GET('/api/v1/audit', { params: { query: query(filters) } }));
}
