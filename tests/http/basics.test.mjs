// SPDX-License-Identifier: Apache-2.0
// Health, static files, security headers and the OpenAPI document, over real HTTP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, admin, assertProblem, DEMO, PROGRAM_NAME, PROGRAM_TZ, mustLogin, demoProgram }
  from './lib.mjs';

test('GET /healthz answers 200 {"status":"ok"}', async () => {
  const res = await api('/healthz');
  assert.equal(res.status, 200);
  assert.equal(res.json?.status, 'ok', res.text);
});

function assertSecurityHeaders(res, what) {
  const csp = res.headers.get('content-security-policy') || '';
  assert.match(csp, /frame-ancestors\s+'none'/, `${what}: Content-Security-Policy "${csp}"`);
  assert.equal((res.headers.get('x-content-type-options') || '').toLowerCase(), 'nosniff',
    `${what}: X-Content-Type-Options`);
  assert.ok(res.headers.get('referrer-policy'), `${what}: Referrer-Policy present`);
}

test('security headers on an API response, a problem response and on /', async () => {
  assertSecurityHeaders(await api('/healthz'), '/healthz');
  const a = await admin();
  assertSecurityHeaders(await api('/api/v1/me', { token: a.token }), '/api/v1/me');
  assertSecurityHeaders(await api('/api/v1/me'), '401 /api/v1/me');
  assertSecurityHeaders(await api('/'), '/');
});

test('GET / serves the web app (HTML)', async () => {
  const res = await api('/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') || '', /^text\/html/i);
  assert.match(res.text, /<!doctype html|<html/i);
});

test('an unknown API path is a 404 problem', async () => {
  const a = await admin();
  const res = await api('/api/v1/no-such-route-here', { token: a.token });
  assertProblem(res, 404);
});

test('every demo user signs in with the demo password and has the expected role', async () => {
  for (const d of Object.values(DEMO)) {
    const s = await mustLogin(d.username);
    const me = await api('/api/v1/me', { token: s.token });
    assert.equal(me.status, 200, me.text);
    assert.equal(me.json.username, d.username);
    assert.equal(me.json.display_name, d.display_name);
    assert.equal(me.json.organization?.name, 'Riverbend Community Health');
    assert.ok(me.json.roles.some((r) => r.role === d.role && r.program_name === PROGRAM_NAME),
      `${d.username} is ${d.role} in ${PROGRAM_NAME}: ${me.text}`);
  }
});

test('the demo program is listed with its time zone', async () => {
  const p = await demoProgram();
  assert.equal(p.time_zone, PROGRAM_TZ);
  assert.equal(typeof p.id, 'string');
});

// Every route of docs/api.md (foundation). Paths use OpenAPI's {param} templates.
const ROUTES = [
  ['get', '/healthz'],
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/logout'],
  ['post', '/api/v1/auth/password'],
  ['get', '/api/v1/me'],
  ['get', '/api/v1/programs'],
  ['get', '/api/v1/users'],
  ['post', '/api/v1/users'],
  ['get', '/api/v1/users/{id}'],
  ['patch', '/api/v1/users/{id}'],
  ['get', '/api/v1/audit'],
  ['get', '/api/v1/openapi.json'],
];

test('GET /api/v1/openapi.json is an OpenAPI 3.1 document with every route', async () => {
  const res = await api('/api/v1/openapi.json');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') || '', /json/i);
  assert.ok(res.json, 'body is JSON');
  assert.match(String(res.json.openapi), /^3\.1\.\d+$/);
  assert.ok(res.json.paths && typeof res.json.paths === 'object');
  // Template parameter names may differ ({id} vs {user_id}); compare with them blanked out.
  const norm = (p) => p.replace(/\{[^}]+\}/g, '{}');
  const paths = new Map(Object.entries(res.json.paths).map(([p, v]) => [norm(p), v]));
  for (const [method, path] of ROUTES) {
    const item = paths.get(norm(path));
    assert.ok(item, `path ${path} in openapi.json`);
    assert.ok(item[method], `${method.toUpperCase()} ${path} in openapi.json`);
  }
});
