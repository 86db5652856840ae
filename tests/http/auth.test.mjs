// SPDX-License-Identifier: Apache-2.0
// Sign-in, sessions (Bearer and cookie), CSRF, sign-out, request validation and password
// change, over real HTTP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import {
  api, assertProblem, assertClientProblem, createUser, DEMO, login, mustLogin, newPassword,
  server, sessionCookie, REQUEST_TIMEOUT_MS,
} from './lib.mjs';

test('sign-in returns a token, a CSRF token and an HttpOnly SameSite=Strict cookie', async () => {
  const s = await mustLogin(DEMO.coordinator.username);
  const body = s.res.json;
  assert.equal(typeof body.token, 'string');
  assert.ok(body.token.length >= 20, 'token is long enough to be unguessable');
  assert.equal(typeof body.csrf_token, 'string');
  assert.ok(!Number.isNaN(Date.parse(body.expires_at)), `expires_at: ${body.expires_at}`);
  assert.equal(body.user.username, DEMO.coordinator.username);
  const c = sessionCookie(s.res);
  assert.ok(c, `Set-Cookie carecoord_session: ${s.res.headers.getSetCookie()}`);
  assert.ok(c.value.length > 0);
  assert.match(c.attributes, /;\s*httponly/);
  assert.match(c.attributes, /;\s*samesite=strict/);
  assert.match(c.attributes, /;\s*path=\//);
});

test('GET /api/v1/me works with the Bearer token and with the cookie', async () => {
  const s = await mustLogin(DEMO.nurse.username);
  const viaBearer = await api('/api/v1/me', { token: s.token });
  assert.equal(viaBearer.status, 200, viaBearer.text);
  assert.equal(viaBearer.json.username, DEMO.nurse.username);
  assert.equal(viaBearer.json.display_name, DEMO.nurse.display_name);
  assert.equal(typeof viaBearer.json.organization?.id, 'string');
  assert.ok(viaBearer.json.session?.idle_expires_at, 'session.idle_expires_at');
  assert.ok(viaBearer.json.session?.absolute_expires_at, 'session.absolute_expires_at');

  const viaCookie = await api('/api/v1/me', { cookie: s.cookie });
  assert.equal(viaCookie.status, 200, viaCookie.text);
  assert.equal(viaCookie.json.id, viaBearer.json.id);
  assert.equal(viaCookie.json.csrf_token, s.csrf, 'csrf_token is present for cookie sessions');
});

test('no session, or an unknown token, is a 401 problem', async () => {
  assertProblem(await api('/api/v1/me'), 401);
  assertProblem(await api('/api/v1/me', { token: 'not-a-real-token' }), 401);
  assertProblem(await api('/api/v1/me', { cookie: 'not-a-real-session' }), 401);
  assertProblem(await api('/api/v1/users'), 401);
});

test('wrong password and unknown user are both 401 problems', async () => {
  const u = await createUser({ prefix: 'wrongpw' });
  const wrong = await login(u.username, 'definitely-not-the-password');
  assertProblem(wrong.res, 401);
  const unknown = await login(`nobody-${u.username}`, 'whatever-password');
  assertProblem(unknown.res, 401);
  await mustLogin(u.username, u.password);
});

test('malformed JSON to sign-in is a 400 problem', async () => {
  const res = await api('/api/v1/auth/login', {
    method: 'POST', body: '{"username": "admin", "password": ', headers: { 'content-type': 'application/json' },
  });
  assertProblem(res, 400);
});

test('sign-in without a username is a 400 problem naming the field', async () => {
  const res = await api('/api/v1/auth/login', { json: { password: 'some-password-here' } });
  assertProblem(res, 400, 'username');
});

test('a body over 1 MiB is a 413 problem', async () => {
  const { url } = await server();
  const target = new URL('/api/v1/auth/login', url);
  const body = Buffer.alloc(1024 * 1024 + 4096, 'a');
  // node:http, so that the response is read even when the server stops reading the upload.
  const res = await new Promise((resolve, reject) => {
    const req = http.request(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': body.length },
      timeout: REQUEST_TIMEOUT_MS,
    });
    let settled = false;
    req.on('response', (r) => {
      const chunks = [];
      r.on('data', (d) => chunks.push(d));
      r.on('end', () => {
        settled = true;
        req.destroy(); // the upload may be unfinished; this connection is done
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: r.statusCode, headers: new Headers(r.headers), text, json });
      });
      r.on('error', (e) => { if (!settled) reject(e); });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => { if (!settled) reject(e); });
    // Headers first: a server may answer from Content-Length alone, before any body is sent;
    // the body follows only if it has not answered within 300 ms.
    let answered = false;
    req.on('response', () => { answered = true; });
    req.flushHeaders();
    setTimeout(() => { if (!answered) req.end(body); }, 300);
  });
  assertProblem(res, 413);
});

test('cookie-authenticated POST needs X-CSRF-Token; Bearer does not', async () => {
  const s = await mustLogin(DEMO.peer.username);
  const noCsrf = await api('/api/v1/auth/logout', { method: 'POST', cookie: s.cookie });
  assertProblem(noCsrf, 403);
  const wrongCsrf = await api('/api/v1/auth/logout', {
    method: 'POST', cookie: s.cookie, csrf: 'wrong-csrf-token',
  });
  assertProblem(wrongCsrf, 403);
  // Still signed in: the rejected requests changed nothing.
  assert.equal((await api('/api/v1/me', { cookie: s.cookie })).status, 200);

  const ok = await api('/api/v1/auth/logout', { method: 'POST', cookie: s.cookie, csrf: s.csrf });
  assert.equal(ok.status, 204, ok.text);
  const cleared = sessionCookie(ok);
  assert.ok(cleared, 'sign-out clears the cookie');
  assert.ok(cleared.value === '' || /max-age=0|expires=thu, 01 jan 1970/.test(cleared.attributes),
    `cleared cookie: ${cleared.raw}`);
  assertProblem(await api('/api/v1/me', { cookie: s.cookie }), 401);
  // The same session's token is revoked too.
  assertProblem(await api('/api/v1/me', { token: s.token }), 401);
});

test('after sign-out the Bearer token is rejected with 401', async () => {
  const s = await mustLogin(DEMO.supervisor.username);
  assert.equal((await api('/api/v1/me', { token: s.token })).status, 200);
  const out = await api('/api/v1/auth/logout', { method: 'POST', token: s.token });
  assert.equal(out.status, 204, out.text);
  assertProblem(await api('/api/v1/me', { token: s.token }), 401);
  // Another session of the same user is unaffected.
  const other = await mustLogin(DEMO.supervisor.username);
  assert.equal((await api('/api/v1/me', { token: other.token })).status, 200);
});

test('password change: wrong current password changes nothing; success swaps passwords', async () => {
  const u = await createUser({ prefix: 'pwchange' });
  const s1 = await mustLogin(u.username, u.password);
  const s2 = await mustLogin(u.username, u.password);
  const next = newPassword();

  const wrong = await api('/api/v1/auth/password', {
    token: s1.token, json: { current_password: 'not-the-current-one', new_password: next },
  });
  assertClientProblem(wrong);
  assert.equal((await login(u.username, next)).status, 401, 'new password not set');
  await mustLogin(u.username, u.password);

  const short = await api('/api/v1/auth/password', {
    token: s1.token, json: { current_password: u.password, new_password: 'short' },
  });
  assertProblem(short, 400, 'new_password');
  await mustLogin(u.username, u.password);

  const ok = await api('/api/v1/auth/password', {
    token: s1.token, json: { current_password: u.password, new_password: next },
  });
  assert.equal(ok.status, 204, ok.text);
  assert.equal((await login(u.username, u.password)).status, 401, 'old password no longer works');
  await mustLogin(u.username, next);
  // Other sessions are revoked; the one that changed the password stays.
  assertProblem(await api('/api/v1/me', { token: s2.token }), 401);
  assert.equal((await api('/api/v1/me', { token: s1.token })).status, 200);
});

test('password change through the cookie needs the CSRF token', async () => {
  const u = await createUser({ prefix: 'pwcsrf' });
  const s = await mustLogin(u.username, u.password);
  const next = newPassword();
  const res = await api('/api/v1/auth/password', {
    cookie: s.cookie, json: { current_password: u.password, new_password: next },
  });
  assertProblem(res, 403);
  await mustLogin(u.username, u.password);
  const ok = await api('/api/v1/auth/password', {
    cookie: s.cookie, csrf: s.csrf, json: { current_password: u.password, new_password: next },
  });
  assert.equal(ok.status, 204, ok.text);
  await mustLogin(u.username, next);
});
