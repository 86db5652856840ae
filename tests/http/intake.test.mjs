// SPDX-License-Identifier: Apache-2.0
// Referrals, intake, participants and emergency access over real HTTP
// (docs/participant-record.md "Referrals and intake", "Participants", "Access").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, createUser, DEMO, mustLogin } from './lib.mjs';

const sessions = {};
async function as(who) {
  sessions[who] ??= await mustLogin(DEMO[who].username);
  return sessions[who];
}

function uniqueFamily() {
  return `Zq${randomBytes(5).toString('hex')}`;
}

function referralBody(overrides = {}) {
  return {
    urgency: 'urgent',
    reason: 'Discharged from the CSU; needs follow-up within 7 days',
    source: { setting: 'crisis_stabilization_unit', organization: 'County CSU' },
    documents: [{ title: 'Discharge summary', reference: 'fax #4411' }],
    person: { given_name: 'Maria', family_name: uniqueFamily(), birth_date: '1990-04-02' },
    ...overrides,
  };
}

async function createReferral(body = referralBody(), who = 'supervisor', headers = {}) {
  const s = await as(who);
  return api('/api/v1/referrals', { token: s.token, json: body, headers });
}

async function acceptReferral(referral, who = 'supervisor') {
  const s = await as(who);
  const coordinator = await as('coordinator');
  return api(`/api/v1/referrals/${referral.id}/accept`, {
    token: s.token,
    json: { coordinator_id: coordinator.user.id, note: 'met at the CSU' },
    headers: { 'if-match': `"${referral.version}"` },
  });
}

test('create a referral: 201, ETag, duplicates; idempotent per key', async () => {
  const body = referralBody();
  const key = `k-${randomBytes(6).toString('hex')}`;
  const first = await createReferral(body, 'supervisor', { 'idempotency-key': key });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.headers.get('etag'), `"${first.json.version}"`);
  assert.equal(first.json.status, 'open');
  assert.equal(first.json.person.family_name, body.person.family_name);
  assert.deepEqual(first.json.possible_duplicates, []);
  assert.equal(first.json.participant_id, null);
  const again = await createReferral(body, 'supervisor', { 'idempotency-key': key });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, first.json.id);
  const other = await createReferral(referralBody(), 'supervisor', { 'idempotency-key': key });
  assertProblem(other, 409, 'Idempotency-Key');

  const got = await api(`/api/v1/referrals/${first.json.id}`, { token: (await as('nurse')).token });
  assert.equal(got.status, 200, got.text);
  assert.ok(Array.isArray(got.json.possible_duplicates));
  const queue = await api('/api/v1/referrals?limit=200', { token: (await as('coordinator')).token });
  assert.equal(queue.status, 200, queue.text);
  assert.ok('next_cursor' in queue.json);
});

test('roles: peers cannot take referrals, admins cannot read participants', async () => {
  assertProblem(await createReferral(referralBody(), 'peer'), 403);
  const list = await api('/api/v1/referrals', { token: (await as('auditor')).token });
  assertProblem(list, 403);
  const search = await api('/api/v1/participants', { token: (await as('admin')).token });
  assertProblem(search, 403);
});

test('bad referral input is a 400 naming the field, and saves nothing', async () => {
  const family = uniqueFamily();
  const cases = [
    [{ urgency: 'asap' }, 'urgency'],
    [{ source: { setting: 'hospital' } }, 'source.setting'],
    [{ reason: '' }, 'reason'],
    [{ reason: 'x'.repeat(4001) }, 'reason'],
    [{ received_at: '2999-01-01T00:00:00Z' }, 'received_at'],
    [{ received_at: 'yesterday' }, 'received_at'],
    [{ person: { given_name: 'A', family_name: family, birth_date: '1990-02-30' } },
      'person.birth_date'],
    [{ person: { given_name: 'A', family_name: family, birth_date: '2999-01-01' } },
      'person.birth_date'],
    [{ person: { given_name: 'A', family_name: family, birth_date: '1990-01-01', sex: 'x' } },
      'person.sex'],
    [{ person: { given_name: 'A', family_name: family, birth_date: '1990-01-01', age: 3 } },
      'person.age'],
    [{ colour: 'blue' }, 'colour'],
  ];
  for (const [change, field] of cases) {
    const body = { ...referralBody(), ...change };
    if (!change.person) body.person.family_name = family;
    const res = await createReferral(body);
    assertProblem(res, 400, field, JSON.stringify(change).slice(0, 80));
  }
  const dup = await api(
    `/api/v1/referrals/duplicates?given_name=A&family_name=${family}&birth_date=1990-01-01`,
    { token: (await as('supervisor')).token },
  );
  assert.equal(dup.status, 200, dup.text);
  const search = await api(`/api/v1/participants?q=${family}`, {
    token: (await as('auditor')).token,
  });
  assert.equal(search.status, 200, search.text);
  assert.equal(search.json.items.length, 0);
});

test('accept: If-Match, one participant and episode, the coordinator sees them', async () => {
  const body = referralBody({ person: { given_name: 'María José', family_name: uniqueFamily(),
    birth_date: '1988-03-04', member_id: `M${randomBytes(4).toString('hex')}` } });
  const created = (await createReferral(body)).json;
  const sup = await as('supervisor');
  const coordinator = await as('coordinator');
  const path = `/api/v1/referrals/${created.id}/accept`;
  assertProblem(await api(path, { token: sup.token, json: { coordinator_id: coordinator.user.id } }),
    428);
  assertProblem(await api(path, { token: sup.token, json: { coordinator_id: coordinator.user.id },
    headers: { 'if-match': '"99"' } }), 412);
  const nurse = await as('nurse');
  assertProblem(await api(path, { token: sup.token, json: { coordinator_id: nurse.user.id },
    headers: { 'if-match': `"${created.version}"` } }), 400, 'coordinator_id');

  const ok = await acceptReferral(created);
  assert.equal(ok.status, 200, ok.text);
  assert.equal(ok.json.referral.status, 'accepted');
  assert.equal(ok.json.referral.participant_id, ok.json.participant_id);
  assert.equal(ok.json.referral.episode_id, ok.json.episode_id);
  assertProblem(await acceptReferral(ok.json.referral), 409);

  // The duplicate check now finds them, however the name is typed.
  const q = new URLSearchParams({ given_name: 'maria jose', family_name: body.person.family_name,
    birth_date: '1988-03-04' });
  const dup = await api(`/api/v1/referrals/duplicates?${q}`, { token: sup.token });
  assert.equal(dup.status, 200, dup.text);
  assert.deepEqual(dup.json.items.map((d) => d.participant_id), [ok.json.participant_id]);
  assert.deepEqual(dup.json.items[0].matched_on, ['birth_date_and_name']);

  const chart = await api(`/api/v1/participants/${ok.json.participant_id}`,
    { token: coordinator.token });
  assert.equal(chart.status, 200, chart.text);
  assert.equal(chart.headers.get('etag'), `"${chart.json.version}"`);
  assert.equal(chart.json.episodes.length, 1);
  assert.equal(chart.json.episodes[0].status, 'engaging');
  assert.equal(chart.json.episodes[0].coordinator_id, coordinator.user.id);
  const search = await api(`/api/v1/participants?q=${body.person.family_name}`,
    { token: coordinator.token });
  assert.deepEqual(search.json.items.map((p) => p.id), [ok.json.participant_id]);

  // A second referral of the same person into the same program: 409 on accept.
  const linked = (await createReferral({ ...referralBody(),
    participant_id: ok.json.participant_id, person: body.person })).json;
  assert.equal(linked.possible_duplicates.length, 1);
  assertProblem(await acceptReferral(linked), 409);

  // PATCH: If-Match required and checked; bad codes named.
  const ppath = `/api/v1/participants/${ok.json.participant_id}`;
  assertProblem(await api(ppath, { method: 'PATCH', token: coordinator.token,
    json: { pronouns: 'she/her' } }), 428);
  assertProblem(await api(ppath, { method: 'PATCH', token: coordinator.token,
    json: { pronouns: 'she/her' }, headers: { 'if-match': '"42"' } }), 412);
  assertProblem(await api(ppath, { method: 'PATCH', token: coordinator.token,
    json: { living_situation: 'car' }, headers: { 'if-match': chart.headers.get('etag') } }),
  400, 'living_situation');
  assertProblem(await api(ppath, { method: 'PATCH', token: coordinator.token,
    json: { address: { town: 'x' } }, headers: { 'if-match': chart.headers.get('etag') } }),
  400, 'address.town');
  const patched = await api(ppath, { method: 'PATCH', token: coordinator.token,
    json: { pronouns: 'she/her', address: { city: 'Tampa' }, interpreter_needed: true },
    headers: { 'if-match': chart.headers.get('etag') } });
  assert.equal(patched.status, 200, patched.text);
  assert.equal(patched.json.address.city, 'Tampa');
  assert.equal(patched.json.version, chart.json.version + 1);
  const auditor = await as('auditor');
  assert.equal((await api(ppath, { token: auditor.token })).status, 200);
  assertProblem(await api(ppath, { method: 'PATCH', token: auditor.token, json: { pronouns: 'x' },
    headers: { 'if-match': patched.headers.get('etag') } }), 403);
  assertProblem(await api(ppath, { token: (await as('admin')).token }), 403);

  // Related persons.
  const rp = await api(`${ppath}/related-persons`, { token: coordinator.token,
    json: { name: 'Rosa', relationship: 'parent', roles: ['legal_guardian'] } });
  assert.equal(rp.status, 201, rp.text);
  assertProblem(await api(`${ppath}/related-persons`, { token: coordinator.token,
    json: { name: 'Rosa', relationship: 'boss' } }), 400, 'relationship');
  const ended = await api(`/api/v1/related-persons/${rp.json.id}`, { method: 'PATCH',
    token: coordinator.token, json: { active: false }, headers: { 'if-match': rp.headers.get('etag') } });
  assert.equal(ended.status, 200, ended.text);
  assert.equal(ended.json.active, false);
});

test('emergency access: 404 without it, a reason opens it, audited and listed', async () => {
  const created = (await createReferral()).json;
  const accepted = (await acceptReferral(created)).json;
  const outsider = await createUser({ role: 'care_coordinator', prefix: 'glass' });
  const s = await mustLogin(outsider.username, outsider.password);
  const path = `/api/v1/participants/${accepted.participant_id}`;
  assertProblem(await api(path, { token: s.token }), 404);
  assertProblem(await api(`${path}/emergency-access`, { token: s.token,
    json: { reason: 'short' } }), 400, 'reason');
  const reason = `Crisis call ${randomBytes(4).toString('hex')}, covering on-call`;
  const grant = await api(`${path}/emergency-access`, { token: s.token, json: { reason } });
  assert.equal(grant.status, 200, grant.text);
  assert.equal(grant.json.reason, reason);
  assert.equal(Date.parse(grant.json.expires_at) - Date.parse(grant.json.granted_at),
    4 * 3600 * 1000);
  assert.equal((await api(path, { token: s.token })).status, 200);

  const list = await api('/api/v1/emergency-access?limit=200',
    { token: (await as('supervisor')).token });
  assert.equal(list.status, 200, list.text);
  assert.ok(list.json.items.some((g) => g.id === grant.json.id && g.reason === reason));
  assertProblem(await api('/api/v1/emergency-access', { token: (await as('coordinator')).token }),
    403);
  const audit = await api(`/api/v1/audit?participant_id=${accepted.participant_id}&limit=50`,
    { token: (await as('auditor')).token });
  assert.equal(audit.status, 200, audit.text);
  const events = audit.json.items.filter((e) => e.actor_id === s.user.id);
  assert.ok(events.some((e) => e.action === 'participant.emergency_access'
    && e.reason.includes(reason)), JSON.stringify(events));
  assert.ok(events.some((e) => e.action === 'participant.read' && e.reason.includes(reason)));
});

test('decline and refuse need a reason and If-Match', async () => {
  const sup = await as('supervisor');
  for (const action of ['decline', 'refuse']) {
    const r = (await createReferral()).json;
    const path = `/api/v1/referrals/${r.id}/${action}`;
    assertProblem(await api(path, { token: sup.token, json: { reason: 'x' } }), 428);
    assertProblem(await api(path, { token: sup.token, json: { reason: ' ' },
      headers: { 'if-match': `"${r.version}"` } }), 400, 'reason');
    const ok = await api(path, { token: sup.token, json: { reason: 'out of area' },
      headers: { 'if-match': `"${r.version}"` } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json.status, action === 'decline' ? 'declined' : 'refused');
    assert.equal(ok.json.decision_reason, 'out of area');
    assertProblem(await api(path, { token: sup.token, json: { reason: 'again' },
      headers: { 'if-match': `"${ok.json.version}"` } }), 409);
  }
});
