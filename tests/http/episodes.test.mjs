// SPDX-License-Identifier: Apache-2.0
// Episodes, warm hand-offs, care teams and the staff list over real HTTP
// (docs/participant-record.md "Episodes, hand-offs, care team"). Episodes come from the intake
// flow: POST /api/v1/referrals + /accept, with fresh coordinators so tests do not share them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, createUser, DEMO, demoProgram, mustLogin } from './lib.mjs';

const sessions = {};
async function as(who) {
  sessions[who] ??= await mustLogin(DEMO[who].username);
  return sessions[who];
}

/** A fresh user with `role` in the demo program, signed in: {id, token, name}. */
async function freshUser(role = 'care_coordinator', prefix = 'ep') {
  const u = await createUser({ role, prefix });
  const s = await mustLogin(u.username, u.password);
  return { id: u.user.id, token: s.token, name: u.user.display_name };
}

/** A participant with an engaging episode accountable to `coordinator`: the Episode. */
async function openEpisode(coordinator) {
  const sup = await as('supervisor');
  const created = await api('/api/v1/referrals', {
    token: sup.token,
    json: {
      urgency: 'routine',
      reason: 'Needs care coordination after discharge',
      source: { setting: 'inpatient_psychiatric' },
      person: { given_name: 'Robin', family_name: `Ep${randomBytes(5).toString('hex')}`,
        birth_date: '1985-06-15' },
    },
  });
  assert.equal(created.status, 201, created.text);
  const accepted = await api(`/api/v1/referrals/${created.json.id}/accept`, {
    token: sup.token,
    json: { coordinator_id: coordinator.id, note: 'assigned at intake' },
    headers: { 'if-match': `"${created.json.version}"` },
  });
  assert.equal(accepted.status, 200, accepted.text);
  const episodeId = accepted.json.episode_id ?? accepted.json.referral?.episode_id;
  assert.ok(episodeId, `episode id in ${accepted.text}`);
  const got = await api(`/api/v1/episodes/${episodeId}`, { token: coordinator.token });
  assert.equal(got.status, 200, got.text);
  return got.json;
}

function post(path, token, json, version, headers = {}) {
  return api(path, {
    token, json,
    headers: { ...(version === undefined ? {} : { 'if-match': `"${version}"` }), ...headers },
  });
}

test('an episode: shape, ETag, listing, and who may see it', async () => {
  const a = await freshUser();
  const e = await openEpisode(a);
  assert.equal(e.status, 'engaging');
  assert.equal(e.coordinator_id, a.id);
  assert.equal(e.coordinator_name, a.name);
  assert.equal(e.enrolled_at, null);
  assert.equal(e.ended_at, null);
  assert.ok(Array.isArray(e.status_history) && e.status_history.length >= 1);
  assert.equal(e.handoffs.length, 1);
  assert.equal(e.handoffs[0].seq, 1);
  assert.equal(e.handoffs[0].from_user_id, null);
  assert.equal(e.handoffs[0].to_user_id, a.id);
  const got = await api(`/api/v1/episodes/${e.id}`, { token: a.token });
  assert.equal(got.headers.get('etag'), `"${e.version}"`);

  const list = await api(`/api/v1/participants/${e.participant_id}/episodes`, { token: a.token });
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items.map((x) => x.id), [e.id]);

  for (const who of ['supervisor', 'auditor']) {
    const r = await api(`/api/v1/episodes/${e.id}`, { token: (await as(who)).token });
    assert.equal(r.status, 200, `${who}: ${r.text}`);
  }
  const stranger = await freshUser();
  assertProblem(await api(`/api/v1/episodes/${e.id}`, { token: stranger.token }), 404);
  assertProblem(await api(`/api/v1/participants/${e.participant_id}/episodes`,
    { token: stranger.token }), 404);
  assertProblem(await api(`/api/v1/episodes/${e.id}`, { token: (await as('admin')).token }), 403);
  assertProblem(await api('/api/v1/episodes/not-an-id', { token: a.token }), 404);
});

test('status moves: illegal 409 naming both, reasons required, enrolled_at once', async () => {
  const a = await freshUser();
  const e = await openEpisode(a);
  const path = `/api/v1/episodes/${e.id}/status`;
  assertProblem(await post(path, a.token, { status: 'active' }), 428, 'If-Match');
  assertProblem(await post(path, a.token, { status: 'active' }, undefined,
    { 'if-match': 'banana' }), 400, 'If-Match');
  assertProblem(await post(path, a.token, { status: 'active' }, e.version + 5), 412);
  assertProblem(await post(path, a.token, { status: 'enrolled' }, e.version), 400, 'status');
  assertProblem(await post(path, a.token, { status: 'active', why: 'x' }, e.version), 400, 'why');
  for (const to of ['referred', 'engaging', 'transitioning', 'declined']) {
    const r = await post(path, a.token, { status: to, reason: 'some reason' }, e.version);
    assertProblem(r, 409, undefined, to);
    assert.match(r.json.detail, /engaging/);
    assert.match(r.json.detail, new RegExp(to));
  }
  for (const to of ['refused', 'unable_to_locate', 'closed']) {
    assertProblem(await post(path, a.token, { status: to }, e.version), 400, 'reason');
    assertProblem(await post(path, a.token, { status: to, reason: ' ' }, e.version), 400,
      'reason');
  }
  const unchanged = await api(`/api/v1/episodes/${e.id}`, { token: a.token });
  assert.equal(unchanged.json.version, e.version, 'bad input changes nothing');
  assert.equal(unchanged.json.status, 'engaging');

  const active = await post(path, a.token, { status: 'active' }, e.version);
  assert.equal(active.status, 200, active.text);
  assert.equal(active.json.status, 'active');
  assert.equal(active.headers.get('etag'), `"${active.json.version}"`);
  const enrolled = active.json.enrolled_at;
  assert.ok(enrolled);
  assert.equal(active.json.status_history.at(-1).from, 'engaging');
  assert.equal(active.json.status_history.at(-1).to, 'active');
  assert.equal(active.json.status_history.at(-1).by_name, a.name);
  const transitioning = await post(path, a.token, { status: 'transitioning' }, active.json.version);
  assert.equal(transitioning.status, 200, transitioning.text);
  const again = await post(path, a.token, { status: 'active', reason: 'new crisis' },
    transitioning.json.version);
  assert.equal(again.status, 200, again.text);
  assert.equal(again.json.enrolled_at, enrolled, 'enrolled_at is set the first time only');
  const peer = await as('peer');
  assertProblem(await post(path, peer.token, { status: 'closed', reason: 'x' },
    again.json.version), 403);
  assertProblem(await post(path, (await as('auditor')).token, { status: 'closed', reason: 'x' },
    again.json.version), 403);
  const closed = await post(path, a.token, { status: 'closed', reason: 'goals met' },
    again.json.version);
  assert.equal(closed.status, 200, closed.text);
  assert.ok(closed.json.ended_at);
  assert.equal(closed.json.status_reason, 'goals met');
  const team = await api(`/api/v1/episodes/${e.id}/care-team`, { token: a.token });
  assert.equal(team.status, 200, team.text);
  assert.ok(team.json.items.every((m) => m.user_id === null || m.end_date !== null),
    'closing ends internal memberships');
  const reopen = await post(path, a.token, { status: 'active' }, closed.json.version);
  assertProblem(reopen, 409);
  assert.match(reopen.json.detail, /closed/);
});

test('transfer: a warm hand-off moves accountability and the care team', async () => {
  const a = await freshUser();
  const b = await freshUser();
  const e = await openEpisode(a);
  const path = `/api/v1/episodes/${e.id}/transfer`;
  assertProblem(await api(`/api/v1/episodes/${e.id}`, { token: b.token }), 404);

  assertProblem(await post(path, a.token, { to_user_id: b.id }), 428, 'If-Match');
  assertProblem(await post(path, a.token, { to_user_id: b.id }, e.version + 1), 412);
  const self = await post(path, a.token, { to_user_id: a.id }, e.version);
  assertProblem(self, 400, 'to_user_id');
  assert.match(self.json.detail, /already/);
  const peer = await as('peer');
  const notCoordinator = await post(path, a.token, { to_user_id: peer.user.id }, e.version);
  assertProblem(notCoordinator, 400, 'to_user_id');
  assert.match(notCoordinator.json.detail, /care_coordinator/);
  assertProblem(await post(path, a.token, { to_user_id: b.id, occurred_at: '2999-01-01T00:00:00Z' },
    e.version), 400, 'occurred_at');
  assertProblem(await post(path, a.token, { to_user_id: b.id, occurred_at: 'yesterday' },
    e.version), 400, 'occurred_at');
  assertProblem(await post(path, a.token, { to_user_id: b.id, note: 'n'.repeat(4001) },
    e.version), 400, 'note');
  assertProblem(await post(path, a.token, { to_user_id: b.id, face_to_face: 'yes' }, e.version),
    400, 'face_to_face');
  assertProblem(await post(path, a.token, {}, e.version), 400, 'to_user_id');
  assertProblem(await post(path, peer.token, { to_user_id: b.id }, e.version), 403);
  assertProblem(await post(path, (await as('auditor')).token, { to_user_id: b.id }, e.version),
    403);
  const stranger = await freshUser();
  assertProblem(await post(path, stranger.token, { to_user_id: b.id }, e.version), 404);
  const same = await api(`/api/v1/episodes/${e.id}`, { token: a.token });
  assert.equal(same.json.version, e.version, 'refused transfers change nothing');

  const at = new Date(Date.now() - 3600_000).toISOString();
  const moved = await post(path, a.token,
    { to_user_id: b.id, occurred_at: at, face_to_face: true, note: 'met together' }, e.version);
  assert.equal(moved.status, 200, moved.text);
  assert.equal(moved.json.coordinator_id, b.id);
  assert.equal(moved.json.coordinator_name, b.name);
  assert.equal(moved.headers.get('etag'), `"${moved.json.version}"`);
  assert.deepEqual(moved.json.handoffs.map((h) => h.seq), [1, 2]);
  const h = moved.json.handoffs[1];
  assert.equal(h.from_user_id, a.id);
  assert.equal(h.from_name, a.name);
  assert.equal(h.to_user_id, b.id);
  assert.equal(h.at, at);
  assert.equal(h.face_to_face, true);
  assert.equal(h.note, 'met together');

  // The new coordinator sees the record; the previous one keeps it through the hand-off day
  // (their care team membership ends today, inclusive) to document the hand-off.
  assert.equal((await api(`/api/v1/episodes/${e.id}`, { token: b.token })).status, 200);
  assert.equal((await api(`/api/v1/episodes/${e.id}`, { token: a.token })).status, 200);
  const team = await api(`/api/v1/episodes/${e.id}/care-team`, { token: b.token });
  assert.equal(team.status, 200, team.text);
  const coordinators = team.json.items.filter((m) => m.role === 'care_coordinator');
  const old = coordinators.find((m) => m.user_id === a.id);
  const fresh = coordinators.find((m) => m.user_id === b.id);
  assert.ok(old && old.end_date, `previous coordinator's membership ended: ${team.text}`);
  assert.ok(fresh && fresh.end_date === null && fresh.active, team.text);
  assert.equal(fresh.start_date, old.end_date);

  const back = await post(path, b.token, { to_user_id: a.id }, moved.json.version);
  assert.equal(back.status, 200, back.text);
  assert.deepEqual(back.json.handoffs.map((x) => x.seq), [1, 2, 3]);

  const closed = await post(`/api/v1/episodes/${e.id}/status`, a.token,
    { status: 'closed', reason: 'moved away' }, back.json.version);
  assert.equal(closed.status, 200, closed.text);
  const late = await post(path, a.token, { to_user_id: b.id }, closed.json.version);
  assertProblem(late, 409);
  assert.match(late.json.detail, /closed/);
});

test('two concurrent transfers: exactly one wins, the record stays whole', async () => {
  const a = await freshUser();
  const b = await freshUser();
  const c = await freshUser();
  const sup = await as('supervisor');
  for (let round = 0; round < 3; round++) {
    const e = await openEpisode(a);
    const path = `/api/v1/episodes/${e.id}/transfer`;
    const results = await Promise.all([
      post(path, a.token, { to_user_id: b.id, note: 'race b' }, e.version),
      post(path, sup.token, { to_user_id: c.id, note: 'race c' }, e.version),
    ]);
    const wins = results.filter((r) => r.status === 200);
    assert.equal(wins.length, 1, results.map((r) => `${r.status} ${r.text}`).join('\n'));
    const loser = results.find((r) => r.status !== 200);
    assert.ok([409, 412].includes(loser.status), loser.text);
    assertProblem(loser, loser.status);
    const winner = wins[0].json.coordinator_id;
    const after = await api(`/api/v1/episodes/${e.id}`, { token: sup.token });
    assert.equal(after.json.coordinator_id, winner);
    assert.deepEqual(after.json.handoffs.map((x) => x.seq), [1, 2]);
    assert.equal(after.json.handoffs[1].to_user_id, winner);
    const team = await api(`/api/v1/episodes/${e.id}/care-team`, { token: sup.token });
    const ongoing = team.json.items.filter((m) => m.role === 'care_coordinator' && !m.end_date);
    assert.deepEqual(ongoing.map((m) => m.user_id), [winner]);
  }
});

test('care team: add colleagues and outsiders, end memberships, bad input', async () => {
  const a = await freshUser();
  const e = await openEpisode(a);
  const path = `/api/v1/episodes/${e.id}/care-team`;
  const peer = await freshUser('peer_support');
  assertProblem(await api(`/api/v1/episodes/${e.id}`, { token: peer.token }), 404);

  const key = `ct-${randomBytes(6).toString('hex')}`;
  const body = { role: 'peer_support_specialist', user_id: peer.id };
  const added = await post(path, a.token, body, undefined, { 'idempotency-key': key });
  assert.equal(added.status, 201, added.text);
  assert.equal(added.headers.get('location'), `/api/v1/care-team-members/${added.json.id}`);
  assert.equal(added.headers.get('etag'), `"${added.json.version}"`);
  assert.equal(added.json.user_id, peer.id);
  assert.equal(added.json.user_name, peer.name);
  assert.equal(added.json.external_name, '');
  assert.equal(added.json.end_date, null);
  assert.equal(added.json.active, true);
  const replay = await post(path, a.token, body, undefined, { 'idempotency-key': key });
  assert.equal(replay.status, 201, replay.text);
  assert.equal(replay.json.id, added.json.id);
  assertProblem(await post(path, a.token, body), 409, 'user_id');
  // Joining the team opens the record to the peer; peers cannot change the team.
  assert.equal((await api(`/api/v1/episodes/${e.id}`, { token: peer.token })).status, 200);
  assertProblem(await post(path, peer.token, { role: 'natural_support', external_name: 'X' }), 403);

  const outsider = await post(path, a.token, {
    role: 'psychiatrist', external_name: 'Dr. Ada Okafor', external_org: 'County BH',
    phone: '555-0100', email: 'ada@example.org', start_date: '2026-01-05',
  });
  assert.equal(outsider.status, 201, outsider.text);
  assert.equal(outsider.json.user_id, null);
  assert.equal(outsider.json.start_date, '2026-01-05');

  const before = (await api(path, { token: a.token })).json.items.length;
  const bad = [
    [{ role: 'doctor', external_name: 'X' }, 'role'],
    [{ external_name: 'X' }, 'role'],
    [{ role: 'psychiatrist' }, 'user_id'],
    [{ role: 'psychiatrist', user_id: peer.id, external_name: 'X' }, 'external_name'],
    [{ role: 'psychiatrist', user_id: '0192f0c8-0000-7000-8000-000000000000' }, 'user_id'],
    [{ role: 'psychiatrist', external_name: 'X', start_date: '2026-02-30' }, 'start_date'],
    [{ role: 'psychiatrist', external_name: 'X', start_date: '2026-02-02', end_date: '2026-02-01' },
      'end_date'],
    [{ role: 'psychiatrist', external_name: 'X', email: 'nope' }, 'email'],
    [{ role: 'psychiatrist', external_name: 'X', colour: 'red' }, 'colour'],
  ];
  for (const [json, field] of bad) {
    assertProblem(await post(path, a.token, json), 400, field, JSON.stringify(json));
  }
  assert.equal((await api(path, { token: a.token })).json.items.length, before,
    'bad input adds nothing');

  const member = `/api/v1/care-team-members/${added.json.id}`;
  const patch = (json, headers) => api(member, { method: 'PATCH', token: a.token, json, headers });
  assertProblem(await patch({ phone: '1' }), 428, 'If-Match');
  assertProblem(await patch({ phone: '1' }, { 'if-match': '"99"' }), 412);
  assertProblem(await patch({ end_date: '2000-01-01' }, { 'if-match': '"1"' }), 400, 'end_date');
  assertProblem(await patch({ start_date: null }, { 'if-match': '"1"' }), 400, 'start_date');
  assertProblem(await patch({ role: 'psychiatrist' }, { 'if-match': '"1"' }), 400, 'role');
  const ended = await patch({ end_date: added.json.start_date, phone: '555-0199' },
    { 'if-match': '"1"' });
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.json.end_date, added.json.start_date);
  assert.equal(ended.json.phone, '555-0199');
  assert.equal(ended.json.version, 2);
  assert.equal(ended.headers.get('etag'), '"2"');
  const reopened = await patch({ end_date: null }, { 'if-match': '"2"' });
  assert.equal(reopened.status, 200, reopened.text);
  assert.equal(reopened.json.end_date, null);

  const stranger = await freshUser();
  assertProblem(await api(path, { token: stranger.token }), 404);
  assertProblem(await api(member, { method: 'PATCH', token: stranger.token, json: { phone: '2' },
    headers: { 'if-match': '"3"' } }), 404);
  assert.equal((await api(path, { token: (await as('auditor')).token })).status, 200);
  assertProblem(await post(path, (await as('auditor')).token,
    { role: 'natural_support', external_name: 'X' }), 403);
});

test('staff: enabled colleagues with their roles, filtered by role and program', async () => {
  const program = await demoProgram();
  const a = await freshUser();
  const peer = await as('peer');
  const res = await api(`/api/v1/staff?role=care_coordinator&program_id=${program.id}`,
    { token: peer.token });
  assert.equal(res.status, 200, res.text);
  const me = res.json.items.find((s) => s.id === a.id);
  assert.ok(me, 'a fresh coordinator is listed');
  assert.equal(me.display_name, a.name);
  assert.ok(me.roles.some((r) => r.program_id === program.id && r.role === 'care_coordinator'));
  assert.ok(res.json.items.every((s) => s.roles.some((r) => r.role === 'care_coordinator')));
  assert.ok(!('username' in me) && !('disabled' in me));
  assertProblem(await api('/api/v1/staff?role=doctor', { token: peer.token }), 400, 'role');
  assertProblem(await api('/api/v1/staff?program_id=nope', { token: peer.token }), 400,
    'program_id');
  assertProblem(await api('/api/v1/staff', { token: (await as('admin')).token }), 403);
  assertProblem(await api('/api/v1/staff', { token: (await as('auditor')).token }), 403);
});
