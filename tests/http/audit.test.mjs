// SPDX-License-Identifier: Apache-2.0
// The audit log API, over real HTTP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { api, assertProblem, createUser, DEMO, login, mustLogin } from './lib.mjs';

function query(params) {
  return `/api/v1/audit?${new URLSearchParams(params)}`;
}

test('the auditor sees the sign-ins of a user, filtered by user_id and time', async () => {
  const auditor = await mustLogin(DEMO.auditor.username);
  const u = await createUser({ prefix: 'audited' });
  const from = new Date(Date.now() - 2000).toISOString();
  await mustLogin(u.username, u.password);
  assert.equal((await login(u.username, 'wrong-password-audit')).status, 401);
  await mustLogin(u.username, u.password);
  await sleep(50);
  const to = new Date(Date.now() + 2000).toISOString();

  const res = await api(query({ user_id: u.user.id, from, to }), { token: auditor.token });
  assert.equal(res.status, 200, res.text);
  assert.ok(Array.isArray(res.json.items), res.text);
  assert.ok('next_before_seq' in res.json, 'next_before_seq present');
  const items = res.json.items;
  for (const e of items) {
    assert.ok(e.actor_id === u.user.id || e.resource_id === u.user.id,
      `filtered to the user: ${JSON.stringify(e)}`);
    const t = Date.parse(e.occurred_at);
    assert.ok(t >= Date.parse(from) && t <= Date.parse(to), `within from/to: ${e.occurred_at}`);
  }
  // The sign-in action's name is the server's choice (session.create today).
  const isSignIn = (e) => /login|sign.?in|session\.create/i.test(e.action);
  const logins = items.filter((e) => isSignIn(e) && e.actor_id === u.user.id);
  const allowed = logins.filter((e) => e.outcome === 'allowed');
  assert.ok(allowed.length >= 2, `two successful sign-ins audited: ${JSON.stringify(items)}`);
  // DESIGN §5: allowed and refused attempts are both audited.
  assert.ok(logins.some((e) => e.outcome === 'failed' || e.outcome === 'denied'),
    `the failed sign-in is audited: ${JSON.stringify(items)}`);
  for (const e of allowed) {
    assert.equal(e.actor_username, u.username);
    assert.equal(e.role === null || typeof e.role === 'string', true);
    assert.equal(typeof e.seq, 'number');
    assert.equal(typeof e.id, 'string');
  }
  // Newest first.
  for (let i = 1; i < items.length; i++) {
    assert.ok(items[i - 1].seq > items[i].seq, 'newest first by seq');
  }

  // A window that ends before the user existed holds none of their sign-ins.
  const before = await api(query({ user_id: u.user.id, to: new Date(Date.parse(from) - 60_000).toISOString() }),
    { token: auditor.token });
  assert.equal(before.status, 200, before.text);
  assert.equal(before.json.items.filter((e) => e.actor_id === u.user.id).length, 0);
});

test('audit paging with limit and before_seq', async () => {
  const auditor = await mustLogin(DEMO.auditor.username);
  const u = await createUser({ prefix: 'paged' });
  for (let i = 0; i < 3; i++) await mustLogin(u.username, u.password);
  const first = await api(query({ user_id: u.user.id, limit: '2' }), { token: auditor.token });
  assert.equal(first.status, 200, first.text);
  assert.equal(first.json.items.length, 2);
  assert.equal(typeof first.json.next_before_seq, 'number', first.text);
  const second = await api(query({ user_id: u.user.id, limit: '2', before_seq: String(first.json.next_before_seq) }),
    { token: auditor.token });
  assert.equal(second.status, 200, second.text);
  assert.ok(second.json.items.length >= 1);
  const minFirst = Math.min(...first.json.items.map((e) => e.seq));
  for (const e of second.json.items) assert.ok(e.seq < minFirst, 'second page is older');
});

test('bad audit query parameters are 400 problems naming the field', async () => {
  const auditor = await mustLogin(DEMO.auditor.username);
  assertProblem(await api(query({ limit: '501' }), { token: auditor.token }), 400, 'limit');
  assertProblem(await api(query({ limit: '0' }), { token: auditor.token }), 400, 'limit');
  assertProblem(await api(query({ from: 'yesterday' }), { token: auditor.token }), 400, 'from');
  const day = await api(query({ from: '2020-01-01', to: '2020-01-02' }), { token: auditor.token });
  assert.equal(day.status, 200, `YYYY-MM-DD dates are accepted: ${day.text}`);
});

test('non-auditors get 403 from the audit API', async () => {
  for (const who of [DEMO.coordinator, DEMO.peer]) {
    const s = await mustLogin(who.username);
    assertProblem(await api('/api/v1/audit', { token: s.token }), 403);
  }
  assertProblem(await api('/api/v1/audit'), 401);
});
