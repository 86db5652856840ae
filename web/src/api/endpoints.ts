// SPDX-License-Identifier: Apache-2.0
// One function per API route the web app uses (docs/api.md), so screens never build URLs.
import { request } from './http';
import type {
  AuditPage,
  AuditQuery,
  ItemList,
  LoginResponse,
  Me,
  NewUser,
  Program,
  User,
  UserChanges,
} from './types';

const kBase = '/api/v1';

export async function login(username: string, password: string): Promise<LoginResponse> {
  const response = await request<LoginResponse>('POST', `${kBase}/auth/login`, {
    body: { username, password },
    treat401AsExpiry: false, // 401 here means a wrong username or password
  });
  return response.data;
}

export async function logout(): Promise<void> {
  await request<void>('POST', `${kBase}/auth/logout`, { treat401AsExpiry: false });
}

/** The signed-in user. With `treat401AsExpiry: false` a 401 just means "not signed in". */
export async function fetchMe(treat401AsExpiry = true): Promise<Me> {
  return (await request<Me>('GET', `${kBase}/me`, { treat401AsExpiry })).data;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await request<void>('POST', `${kBase}/auth/password`, {
    body: { current_password: currentPassword, new_password: newPassword },
    // A 401 may mean a wrong current password rather than a lost session; the caller checks.
    treat401AsExpiry: false,
  });
}

export async function listPrograms(): Promise<Program[]> {
  return (await request<ItemList<Program>>('GET', `${kBase}/programs`)).data.items;
}

export async function listUsers(): Promise<User[]> {
  return (await request<ItemList<User>>('GET', `${kBase}/users`)).data.items;
}

export async function createUser(user: NewUser): Promise<User> {
  return (await request<User>('POST', `${kBase}/users`, { body: user })).data;
}

/** Applies `changes` only if the user is still at `version`; otherwise the server answers 412. */
export async function updateUser(id: string, version: number, changes: UserChanges): Promise<User> {
  const response = await request<User>('PATCH', `${kBase}/users/${encodeURIComponent(id)}`, {
    body: changes,
    headers: { 'If-Match': `"${version}"` },
  });
  return response.data;
}

export async function listAuditEvents(query: AuditQuery): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return (await request<AuditPage>('GET', `${kBase}/audit${search ? `?${search}` : ''}`)).data;
}
