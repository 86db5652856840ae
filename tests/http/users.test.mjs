// SPDX-License-Identifier: Apache-2.0
// User administration, optimistic concurrency, lock-out and role checks, over real HTTP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  admin, api, assertProblem, BIN, createUser, demoProgram, DEMO, getUser, login, mustLogin,
  newPassword, patchUser, server, uniqueName,
} from './lib.mjs';
import { runCli } from './server.mjs';

test('admin creates a user: 201 with ETag and the User shape', async () => {
  const program = await demoProgram();
  const { user, etag, username } = await createUser({ role: 'peer_support', prefix: 'create' });
  assert.equal(user.username, username);
  assert.equal(typeof user.id, 'string');
  assert.equal(user.disabled, false);
  assert.equal(user.locked, false);
  assert.equal(Number.isInteger(user.version), true, `version: ${user.version}`);
  assert.equal(etag, `"${user.version}"`);
  assert.ok(user.roles.some((r) => r.program_id === program.id && r.role === 'peer_support'));
  assert.ok(!('password' in user) && !('password_hash' in user), 'no password in User');

  const { user: again, etag: etag2 } = await getUser(user.id);
  assert.equal(again.id, user.id);
  assert.equal(etag2, `"${again.version}"`);

  const a = await admin();
  const list = await api('/api/v1/users', { token: a.token });
  assert.equal(list.status, 200);
  assert.ok(list.json.items.some((x) => x.id === user.id), 'new user is listed');
});

test('the new user can sign in and has the role', async () => {
  const u = await createUser({ role: 'nurse_care_manager', prefix: 'signin' });
  const s = await mustLogin(u.username, u.password);
  assert.equal(s.user.id, u.user.id);
  assert.ok(s.user.roles.some((r) => r.role === 'nurse_care_manager'));
});

test('usernames are unique, case-insensitively: 409', async () => {
  const u = await createUser({ prefix: 'dup' });
  const program = await demoProgram();
  const a = await admin();
  for (const username of [u.username, u.username.toUpperCase()]) {
    const res = await api('/api/v1/users', {
      token: a.token,
      json: {
        username, display_name: 'Duplicate', password: newPassword(),
        roles: [{ program_id: program.id, role: 'care_coordinator' }],
      },
    });
    assertProblem(res, 409);
  }
});

test('invalid input to create a user is a 400 naming the field, and creates nothing', async () => {
  const program = await demoProgram();
  const a = await admin();
  const base = () => ({
    username: uniqueName('bad'), display_name: 'Bad Input', password: newPassword(),
    roles: [{ program_id: program.id, role: 'care_coordinator' }],
  });
  const cases = [
    [{ roles: [{ program_id: program.id, role: 'overlord' }] }, 'roles'],
    [{ username: 'x' }, 'username'],
    [{ username: 'has space' }, 'username'],
    [{ password: 'short' }, 'password'],
    [{ display_name: '' }, 'display_name'],
    [{ display_name: 'x'.repeat(201) }, 'display_name'],
    [{ username: `a${'b'.repeat(64)}` }, 'username'],
    [{ password: 'p'.repeat(257) }, 'password'],
    [{ roles: 'care_coordinator' }, 'roles'],
  ];
  for (const [change, field] of cases) {
    const body = { ...base(), ...change };
    const res = await api('/api/v1/users', { token: a.token, json: body });
    const what = `POST /api/v1/users with ${JSON.stringify(change).slice(0, 80)}`;
    assertProblem(res, 400, field, what);
    assert.equal((await login(body.username, body.password)).status, 401, `${what}: nothing created`);
  }
});

test('non-admins get 403 on the user API', async () => {
  const cc = await mustLogin(DEMO.coordinator.username);
  assertProblem(await api('/api/v1/users', { token: cc.token }), 403);
  const program = await demoProgram();
  const res = await api('/api/v1/users', {
    token: cc.token,
    json: {
      username: uniqueName('cc'), display_name: 'By CC', password: newPassword(),
      roles: [{ program_id: program.id, role: 'admin' }],
    },
  });
  assertProblem(res, 403);
  const sup = await mustLogin(DEMO.supervisor.username);
  assertProblem(await api('/api/v1/users', { token: sup.token }), 403);
});

test('PATCH needs If-Match: 428 without it, 412 with a stale one', async () => {
  const a = await admin();
  const u = await createUser({ prefix: 'ifmatch' });
  const path = `/api/v1/users/${encodeURIComponent(u.user.id)}`;

  const none = await api(path, { method: 'PATCH', token: a.token, json: { display_name: 'No If-Match' } });
  assertProblem(none, 428);

  const ok = await api(path, {
    method: 'PATCH', token: a.token, json: { display_name: 'Renamed' }, headers: { 'if-match': u.etag },
  });
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.display_name, 'Renamed');
  assert.ok(ok.json.version > u.user.version, 'version increases');
  assert.equal(ok.headers.get('etag'), `"${ok.json.version}"`);

  const stale = await api(path, {
    method: 'PATCH', token: a.token, json: { display_name: 'Lost update' }, headers: { 'if-match': u.etag },
  });
  assertProblem(stale, 412);
  const { user } = await getUser(u.user.id);
  assert.equal(user.display_name, 'Renamed', 'the stale update changed nothing');
});

test('five failed sign-ins lock the account (423); an admin unlocks it', async () => {
  const u = await createUser({ prefix: 'lock' });
  for (let i = 1; i <= 5; i++) {
    const r = await login(u.username, `wrong-password-${i}`);
    if (i < 5) assertProblem(r.res, 401);
    else assert.ok(r.status === 401 || r.status === 423, `5th failure: ${r.status} ${r.res.text}`);
  }
  const locked = await login(u.username, u.password);
  assertProblem(locked.res, 423);
  assert.match(String(locked.res.json.detail || ''), /lock/i, 'detail says the account is locked');

  const { user, etag } = await getUser(u.user.id);
  assert.equal(user.locked, true);

  const a = await admin();
  const path = `/api/v1/users/${encodeURIComponent(u.user.id)}`;
  assertProblem(await api(path, { method: 'PATCH', token: a.token, json: { unlock: true } }), 428);
  const unlocked = await api(path, {
    method: 'PATCH', token: a.token, json: { unlock: true }, headers: { 'if-match': etag },
  });
  assert.equal(unlocked.status, 200, unlocked.text);
  assert.equal(unlocked.json.locked, false);
  await mustLogin(u.username, u.password);
});

test('a successful sign-in resets the failure count', async () => {
  const u = await createUser({ prefix: 'reset' });
  for (let i = 0; i < 4; i++) assert.equal((await login(u.username, 'wrong-password-x')).status, 401);
  await mustLogin(u.username, u.password);
  for (let i = 0; i < 4; i++) assert.equal((await login(u.username, 'wrong-password-y')).status, 401);
  await mustLogin(u.username, u.password);
});

test('a disabled user cannot sign in (401) and their sessions end', async () => {
  const u = await createUser({ prefix: 'disabled' });
  const s = await mustLogin(u.username, u.password);
  const user = await patchUser(u.user.id, { disabled: true });
  assert.equal(user.disabled, true);
  assertProblem((await login(u.username, u.password)).res, 401);
  assertProblem(await api('/api/v1/me', { token: s.token }), 401);
  const back = await patchUser(u.user.id, { disabled: false });
  assert.equal(back.disabled, false);
  await mustLogin(u.username, u.password);
});

test('admin sets a new password with PATCH', async () => {
  const u = await createUser({ prefix: 'adminpw' });
  const next = newPassword();
  await patchUser(u.user.id, { password: next });
  assert.equal((await login(u.username, u.password)).status, 401);
  await mustLogin(u.username, next);
});

test('GET /api/v1/users/{id} of an unknown id is a 404 problem', async () => {
  const a = await admin();
  assertProblem(await api('/api/v1/users/01900000-0000-7000-8000-000000000000', { token: a.token }), 404);
});

test('`carecoord user add --password-stdin` creates a user who can sign in', { skip: !BIN && 'CARECOORD_BIN not set' }, async () => {
  const { dbUrl } = await server();
  if (!dbUrl) return; // CARECOORD_DB_URL unknown: nothing to point the CLI at
  const username = uniqueName('cli');
  const password = newPassword();
  const r = runCli(BIN, [
    'user', 'add', '--db', dbUrl, '--username', username, '--role', 'care_coordinator',
    '--program', 'Adult Behavioral Health Care Coordination', '--password-stdin',
    '--display-name', 'Added By CLI',
  ], { input: `${password}\n` });
  assert.equal(r.code, 0, `user add: ${r.stdout}${r.stderr}`);
  const s = await mustLogin(username, password);
  assert.equal(s.user.display_name, 'Added By CLI');
  assert.ok(s.user.roles.some((x) => x.role === 'care_coordinator'));
});
