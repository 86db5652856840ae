// SPDX-License-Identifier: Apache-2.0
// The on-call rota over real HTTP (docs/worklists.md "On call"; 001 §2: 24/7 coverage): who is
// on call now, planning and removing shifts, and the gaps in a range. Planned shifts are placed
// far in the future and in separate days, so the tests do not see one another's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, DEMO, demoProgram } from './lib.mjs';
import { as, getJson, hoursFromNow } from './care.mjs';

// A day `days` ahead at 00:00Z, as milliseconds.
function dayAhead(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  return d.getTime();
}
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
const H = 3_600_000;

async function rotaPath() {
  return `/api/v1/programs/${(await demoProgram()).id}/on-call`;
}

async function addShift(json, token) {
  return api(await rotaPath(), { token: token ?? (await as('supervisor')).token, json });
}

test('who is on call now: one entry per program; a shift covering now names the person', async () => {
  const program = await demoProgram();
  const coordinator = await as('coordinator');
  const shift = await addShift({ user_id: coordinator.user.id, starts_at: hoursFromNow(-1),
    ends_at: hoursFromNow(3), phone: '555-0100', note: 'evening cover' });
  assert.equal(shift.status, 201, shift.text);
  assert.equal(shift.json.program_id, program.id);
  assert.equal(shift.json.user_id, coordinator.user.id);
  assert.equal(shift.json.display_name, DEMO.coordinator.display_name);
  assert.equal(shift.json.phone, '555-0100');
  assert.equal(shift.json.note, 'evening cover');
  try {
    for (const who of ['coordinator', 'peer', 'auditor', 'admin']) {
      const now = await getJson('/api/v1/on-call/now', (await as(who)).token);
      const mine = now.programs.find((p) => p.program_id === program.id);
      assert.ok(mine, `${who}: ${JSON.stringify(now)}`);
      assert.equal(typeof mine.program_name, 'string');
      const on = mine.on_call.find((s) => s.id === shift.json.id);
      assert.ok(on, `${who}: ${JSON.stringify(mine)}`);
      assert.equal(on.display_name, DEMO.coordinator.display_name);
      assert.ok(Date.parse(mine.covered_until) >= Date.parse(shift.json.ends_at), who);
    }
  } finally {
    const removed = await api(`/api/v1/on-call/${shift.json.id}`,
      { method: 'DELETE', token: (await as('supervisor')).token });
    assert.equal(removed.status, 204, removed.text);
  }
  const after = await getJson('/api/v1/on-call/now', coordinator.token);
  const mine = after.programs.find((p) => p.program_id === program.id);
  assert.equal(mine.on_call.find((s) => s.id === shift.json.id), undefined);
  assertProblem(await api('/api/v1/on-call/now'), 401);
});

test('the rota of a range: shifts and the gaps between them', async () => {
  const path = await rotaPath();
  const sup = await as('supervisor');
  const nurse = await as('nurse');
  const t = dayAhead(20);
  const a = await addShift({ user_id: nurse.user.id, starts_at: iso(t), ends_at: iso(t + 8 * H) });
  const b = await addShift({ user_id: sup.user.id, starts_at: iso(t + 10 * H),
    ends_at: iso(t + 20 * H), phone: '555-0101' });
  assert.equal(a.status, 201, a.text);
  assert.equal(b.status, 201, b.text);
  assert.equal(a.json.phone, '');
  const rota = await getJson(`${path}?from=${iso(t)}&to=${iso(t + 24 * H)}`,
    (await as('coordinator')).token);
  assert.equal(rota.program_id, (await demoProgram()).id);
  assert.equal(Date.parse(rota.from), t);
  assert.equal(Date.parse(rota.to), t + 24 * H);
  assert.deepEqual(rota.shifts.map((s) => s.id), [a.json.id, b.json.id]);
  assert.deepEqual(rota.gaps.map((g) => [Date.parse(g.from), Date.parse(g.to)]),
    [[t + 8 * H, t + 10 * H], [t + 20 * H, t + 24 * H]]);

  const empty = await getJson(`${path}?from=${iso(dayAhead(40))}&to=${iso(dayAhead(41))}`,
    sup.token);
  assert.deepEqual(empty.shifts, []);
  assert.deepEqual(empty.gaps.map((g) => [Date.parse(g.from), Date.parse(g.to)]),
    [[dayAhead(40), dayAhead(41)]]);
  const week = await getJson(path, sup.token);
  assert.ok(Date.parse(week.to) > Date.parse(week.from));

  assertProblem(await api(`${path}?from=tomorrow`, { token: sup.token }), 400, 'from');
  assertProblem(await api(`${path}?from=${iso(t)}&to=noon`, { token: sup.token }), 400, 'to');
  assertProblem(await api(`${path}?from=${iso(t)}&to=${iso(t + 63 * 24 * H)}`,
    { token: sup.token }), 400, 'to');
  assertProblem(await api('/api/v1/programs/nope/on-call', { token: sup.token }), 404);

  for (const s of [a, b]) {
    const r = await api(`/api/v1/on-call/${s.json.id}`, { method: 'DELETE', token: sup.token });
    assert.equal(r.status, 204, r.text);
  }
  const again = await api(`/api/v1/on-call/${a.json.id}`, { method: 'DELETE', token: sup.token });
  assertProblem(again, 404);
  const cleared = await getJson(`${path}?from=${iso(t)}&to=${iso(t + 24 * H)}`, sup.token);
  assert.deepEqual(cleared.shifts, []);
});

test('planning shifts: supervisors and admins only, bad input named, nothing added', async () => {
  const path = await rotaPath();
  const coordinator = await as('coordinator');
  const t = dayAhead(30);
  const good = { user_id: coordinator.user.id, starts_at: iso(t), ends_at: iso(t + 12 * H) };
  const bad = [
    [{ ...good, user_id: undefined }, 'user_id'],
    [{ ...good, starts_at: undefined }, 'starts_at'],
    [{ ...good, starts_at: 'tonight' }, 'starts_at'],
    [{ ...good, ends_at: undefined }, 'ends_at'],
    [{ ...good, ends_at: iso(t - H) }, 'ends_at'],
    [{ ...good, ends_at: iso(t) }, 'ends_at'],
    [{ ...good, ends_at: iso(t + 8 * 24 * H) }, 'ends_at'],
    [{ ...good, phone: '5'.repeat(41) }, 'phone'],
    [{ ...good, note: 'x'.repeat(501) }, 'note'],
    [{ ...good, pager: '1' }, 'pager'],
  ];
  for (const [json, field] of bad) {
    assertProblem(await addShift(json), 400, field, JSON.stringify(json));
  }
  assertProblem(await addShift({ ...good, user_id: 'no-such-user' }), 400, 'user_id');
  for (const who of ['coordinator', 'peer', 'nurse', 'auditor']) {
    assertProblem(await addShift(good, (await as(who)).token), 403, undefined, who);
  }
  const rota = await getJson(`${path}?from=${iso(t - 24 * H)}&to=${iso(t + 48 * H)}`,
    coordinator.token);
  assert.deepEqual(rota.shifts, []);

  const admin = (await as('admin')).token;
  const key = `oc-${Date.now().toString(36)}`;
  const byAdmin = await api(path, { token: admin, json: good, headers: { 'idempotency-key': key } });
  assert.equal(byAdmin.status, 201, byAdmin.text);
  const replay = await api(path, { token: admin, json: good, headers: { 'idempotency-key': key } });
  assert.equal(replay.status, 201, replay.text);
  assert.equal(replay.json.id, byAdmin.json.id);
  assertProblem(await api(path, { token: admin, json: { ...good, note: 'other' },
    headers: { 'idempotency-key': key } }), 409, 'Idempotency-Key');
  const once = await getJson(`${path}?from=${iso(t - 24 * H)}&to=${iso(t + 48 * H)}`, admin);
  assert.deepEqual(once.shifts.map((x) => x.id), [byAdmin.json.id]);
  assertProblem(await api(`/api/v1/on-call/${byAdmin.json.id}`,
    { method: 'DELETE', token: coordinator.token }), 403);
  const removed = await api(`/api/v1/on-call/${byAdmin.json.id}`,
    { method: 'DELETE', token: (await as('admin')).token });
  assert.equal(removed.status, 204, removed.text);
});

test('a shift that has ended stays on the record: not planned, not removed (409)', async () => {
  const sup = await as('supervisor');
  assertProblem(await addShift({ user_id: sup.user.id, starts_at: hoursFromNow(-30),
    ends_at: hoursFromNow(-26) }), 400, 'ends_at');
  const ending = await addShift({ user_id: sup.user.id, starts_at: hoursFromNow(-1),
    ends_at: new Date(Date.now() + 1500).toISOString() });
  assert.equal(ending.status, 201, ending.text);
  await new Promise((resolve) => { setTimeout(resolve, 2000); });
  assertProblem(await api(`/api/v1/on-call/${ending.json.id}`,
    { method: 'DELETE', token: sup.token }), 409);
});
