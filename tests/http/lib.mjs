// SPDX-License-Identifier: Apache-2.0
// Shared helpers of the HTTP API tests: the server under test, requests, problem+json checks,
// sign-in and unique users.
//
// Environment:
//   CARECOORD_URL            base URL of a running server with the demo loaded (scripts/test
//                            starts one); when unset, each test file starts its own server with
//                            CARECOORD_BIN on CARECOORD_DB_URL (default: a temporary SQLite file)
//   CARECOORD_DEMO_PASSWORD  the demo users' password
//   CARECOORD_BIN            the carecoord binary (needed by the CLI and shutdown tests)
//   CARECOORD_DB_URL         the database the server at CARECOORD_URL uses

import assert from 'node:assert/strict';
import { after } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from './server.mjs';

export const DEMO_PASSWORD = process.env.CARECOORD_DEMO_PASSWORD || 'http-test-demo-password';
export const BIN = process.env.CARECOORD_BIN || '';
export const PROGRAM_NAME = 'Adult Behavioral Health Care Coordination';
export const PROGRAM_TZ = 'America/New_York';
export const REQUEST_TIMEOUT_MS = 15_000;

/** The six demo users (username → display name and role in the demo program). */
export const DEMO = {
  admin: { username: 'admin', display_name: 'Alex Morgan', role: 'admin' },
  supervisor: { username: 'supervisor', display_name: 'Sam Rivera', role: 'supervisor' },
  coordinator: { username: 'coordinator', display_name: 'Casey Jordan', role: 'care_coordinator' },
  peer: { username: 'peer', display_name: 'Pat Lee', role: 'peer_support' },
  nurse: { username: 'nurse', display_name: 'Nora Patel', role: 'nurse_care_manager' },
  auditor: { username: 'auditor', display_name: 'Aubrey Chen', role: 'auditor' },
};

let serverPromise = null;
let serverTmp = null;

// Registered while the test file imports this module, so it runs after the file's tests (a hook
// registered later, inside a test, would run after that test alone).
after(async () => {
  const s = serverPromise && !process.env.CARECOORD_URL ? await serverPromise.catch(() => null)
    : null;
  if (s) await s.stop();
  if (serverTmp) rmSync(serverTmp, { recursive: true, force: true });
});

/**
 * The server under test: {url, dbUrl}. Starts one for this test file when CARECOORD_URL is
 * unset (stopped after the file's tests).
 */
export function server() {
  if (serverPromise) return serverPromise;
  if (process.env.CARECOORD_URL) {
    serverPromise = Promise.resolve({
      url: process.env.CARECOORD_URL.replace(/\/+$/, ''),
      dbUrl: process.env.CARECOORD_DB_URL || '',
    });
    return serverPromise;
  }
  let dbUrl = process.env.CARECOORD_DB_URL;
  if (!dbUrl) {
    serverTmp = mkdtempSync(join(tmpdir(), 'carecoord-http-db-'));
    dbUrl = `sqlite:${join(serverTmp, 'carecoord.db')}`;
  }
  serverPromise = startServer({ dbUrl, demoPassword: DEMO_PASSWORD });
  return serverPromise;
}

/**
 * One HTTP request to the server under test. Options: method, token (Bearer), cookie (session
 * cookie value), csrf, json (a value to send as JSON), body (a raw string/Buffer), headers.
 * Returns {status, headers, text, json} (json is null when the body is not JSON).
 */
export async function api(path, opts = {}) {
  const { url } = await server();
  const headers = { ...(opts.headers || {}) };
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = `carecoord_session=${opts.cookie}`;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  const res = await fetch(url + path, {
    method: opts.method || (body !== undefined ? 'POST' : 'GET'),
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(opts.timeoutMs || REQUEST_TIMEOUT_MS),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * Asserts an RFC 9457 problem response with the given status (and field, when given; a field
 * path below it such as roles[0].role also counts). `what` prefixes the failure messages.
 */
export function assertProblem(res, status, field, what = '') {
  const ctx = `${what ? `${what}: ` : ''}${res.status} ${res.text.slice(0, 300)}`;
  assert.equal(res.status, status, `expected ${status}, got ${ctx}`);
  assert.match(res.headers.get('content-type') || '', /^application\/problem\+json/i,
    `problem content type: ${ctx}`);
  assert.ok(res.json && typeof res.json === 'object', `problem body is JSON: ${ctx}`);
  assert.equal(res.json.status, status, `body.status: ${ctx}`);
  assert.equal(typeof res.json.title, 'string', `body.title: ${ctx}`);
  if (field !== undefined) {
    assert.ok(typeof res.json.field === 'string' && (res.json.field === field ||
      res.json.field.startsWith(`${field}[`) || res.json.field.startsWith(`${field}.`)),
      `field should name ${field}: ${ctx}`);
  }
}

/** Asserts any 4xx problem+json response. */
export function assertClientProblem(res) {
  assert.ok(res.status >= 400 && res.status < 500, `expected 4xx, got ${res.status} ${res.text}`);
  assertProblem(res, res.status);
}

/** The carecoord_session cookie from a response: {value, attributes (lower-case string)}. */
export function sessionCookie(res) {
  for (const c of res.headers.getSetCookie()) {
    const m = /^\s*carecoord_session=([^;]*)(.*)$/i.exec(c);
    if (m) return { value: m[1], attributes: m[2].toLowerCase(), raw: c };
  }
  return null;
}

/** POST /api/v1/auth/login. Returns the response plus token, csrf and cookie on success. */
export async function login(username, password) {
  const res = await api('/api/v1/auth/login', { json: { username, password } });
  const out = { res, status: res.status };
  if (res.status === 200) {
    out.token = res.json.token;
    out.csrf = res.json.csrf_token;
    out.user = res.json.user;
    out.cookie = sessionCookie(res)?.value;
  }
  return out;
}

/** Signs in and asserts success. */
export async function mustLogin(username, password = DEMO_PASSWORD) {
  const s = await login(username, password);
  assert.equal(s.status, 200, `sign-in of ${username}: ${s.res.status} ${s.res.text}`);
  assert.ok(s.token, 'token in the sign-in response');
  return s;
}

/** A username no other test (or earlier run) uses: 3–64 of a-z 0-9 . _ - */
export function uniqueName(prefix = 'u') {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`.toLowerCase();
}

/** A password that satisfies the 12–256 character rule. */
export function newPassword() {
  return `pw-${randomBytes(12).toString('hex')}`;
}

let adminPromise = null;
/** A Bearer session of the demo admin (one per test file). */
export function admin() {
  adminPromise ??= mustLogin(DEMO.admin.username);
  return adminPromise;
}

let programPromise = null;
/** The demo program {id, name, time_zone}, as the admin sees it. */
export function demoProgram() {
  programPromise ??= (async () => {
    const a = await admin();
    const res = await api('/api/v1/programs', { token: a.token });
    assert.equal(res.status, 200, `GET /api/v1/programs: ${res.text}`);
    const p = res.json.items.find((x) => x.name === PROGRAM_NAME);
    assert.ok(p, `program "${PROGRAM_NAME}" in ${res.text}`);
    return p;
  })();
  return programPromise;
}

/**
 * Creates a user through the admin API with one role in the demo program. Returns
 * {user, password, etag, username}.
 */
export async function createUser({ role = 'care_coordinator', prefix = 'u', password } = {}) {
  const a = await admin();
  const program = await demoProgram();
  const username = uniqueName(prefix);
  password ??= newPassword();
  const res = await api('/api/v1/users', {
    token: a.token,
    json: {
      username,
      display_name: `Test ${username}`,
      password,
      roles: [{ program_id: program.id, role }],
    },
  });
  assert.equal(res.status, 201, `create user: ${res.status} ${res.text}`);
  return { user: res.json, password, etag: res.headers.get('etag'), username };
}

/** GET /api/v1/users/{id} as admin; returns {user, etag}. */
export async function getUser(id) {
  const a = await admin();
  const res = await api(`/api/v1/users/${encodeURIComponent(id)}`, { token: a.token });
  assert.equal(res.status, 200, `GET user: ${res.text}`);
  return { user: res.json, etag: res.headers.get('etag') };
}

/** PATCH /api/v1/users/{id} as admin with the current ETag; asserts 200 and returns the user. */
export async function patchUser(id, body) {
  const a = await admin();
  const { etag } = await getUser(id);
  const res = await api(`/api/v1/users/${encodeURIComponent(id)}`, {
    method: 'PATCH', token: a.token, json: body, headers: { 'if-match': etag },
  });
  assert.equal(res.status, 200, `PATCH user: ${res.status} ${res.text}`);
  return res.json;
}

/** The date `days` from today in the demo program's time zone, as YYYY-MM-DD. */
export function programDate(days = 0) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TZ, year: 'numeric',
    month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}
