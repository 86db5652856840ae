// SPDX-License-Identifier: Apache-2.0
// Contacts, case notes and releases of information over real HTTP
// (docs/participant-record.md "Contacts and case notes", "Releases of information").

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, createUser, DEMO, mustLogin, PROGRAM_TZ } from './lib.mjs';

const sessions = {};
async function as(who) {
  sessions[who] ??= await mustLogin(DEMO[who].username);
  return sessions[who];
}

// Today in the program's time zone, and days from it, as YYYY-MM-DD.
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TZ }).format(new Date());
}
function addDays(date, days) {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// A participant with an engaging episode, the demo coordinator accountable.
async function newEpisode() {
  const supervisor = await as('supervisor');
  const coordinator = await as('coordinator');
  const created = await api('/api/v1/referrals', {
    token: supervisor.token,
    json: {
      urgency: 'routine',
      reason: 'Follow-up after discharge',
      received_at: new Date(Date.now() - 3 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      source: { setting: 'emergency_department' },
      person: { given_name: 'Jo', family_name: `Zc${randomBytes(5).toString('hex')}`,
        birth_date: '1985-06-01' },
    },
  });
  assert.equal(created.status, 201, created.text);
  const accepted = await api(`/api/v1/referrals/${created.json.id}/accept`, {
    token: supervisor.token,
    json: { coordinator_id: coordinator.user.id },
    headers: { 'if-match': `"${created.json.version}"` },
  });
  assert.equal(accepted.status, 200, accepted.text);
  return { participantId: accepted.json.participant_id, episodeId: accepted.json.episode_id };
}

function withParticipant(overrides = {}) {
  return {
    duration_minutes: 15, mode: 'phone', successful: true, with_whom: 'participant',
    purposes: ['engagement'], outcome: 'engaged', narrative: 'Checked in by phone.', ...overrides,
  };
}

function withDana(overrides = {}) {
  return withParticipant({
    with_whom: 'natural_support', party: { name: 'Dana Smith' }, disclosed: ['mental_health'],
    outcome: 'information_shared', ...overrides,
  });
}

async function logContact(episodeId, body, who = 'coordinator', headers = {}) {
  const s = await as(who);
  return api(`/api/v1/episodes/${episodeId}/contacts`, { token: s.token, json: body, headers });
}

async function recordConsent(participantId, overrides = {}, who = 'coordinator') {
  const s = await as(who);
  const body = {
    party: { kind: 'person', name: 'Dana Smith' }, purpose: 'family support',
    categories: ['mental_health'], effective_date: addDays(today(), -30),
    expiry_date: addDays(today(), 300), signed_by: 'participant',
    signed_date: addDays(today(), -30), ...overrides,
  };
  return api(`/api/v1/participants/${participantId}/consents`, { token: s.token, json: body });
}

async function contactCount(episodeId) {
  const res = await api(`/api/v1/episodes/${episodeId}/contacts?limit=200`,
    { token: (await as('coordinator')).token });
  assert.equal(res.status, 200, res.text);
  return res.json.items.length;
}

test('a contact with the participant: 201, ETag, idempotent per key', async () => {
  const { episodeId, participantId } = await newEpisode();
  const key = `c-${randomBytes(6).toString('hex')}`;
  const first = await logContact(episodeId, withParticipant(), 'coordinator',
    { 'idempotency-key': key });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.headers.get('etag'), '"1"');
  assert.equal(first.json.participant_id, participantId);
  assert.equal(first.json.by_role, 'care_coordinator');
  assert.equal(first.json.by_name, DEMO.coordinator.display_name);
  assert.equal(first.json.signed_at, null);
  assert.deepEqual(first.json.purposes, ['engagement']);
  const again = await logContact(episodeId, withParticipant(), 'coordinator',
    { 'idempotency-key': key });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, first.json.id);
  const other = await logContact(episodeId, withParticipant({ duration_minutes: 5 }),
    'coordinator', { 'idempotency-key': key });
  assertProblem(other, 409, 'Idempotency-Key');
  assert.equal(await contactCount(episodeId), 1);
});

test('an outside party needs a release: 409 release-required, nothing saved', async () => {
  const { episodeId, participantId } = await newEpisode();
  const none = await logContact(episodeId, withDana());
  assertProblem(none, 409);
  assert.equal(none.json.type, '/problems/release-required');
  assert.equal(none.json.missing.party, 'Dana Smith');
  assert.deepEqual(none.json.missing.categories, ['mental_health']);
  assert.equal(none.json.missing.on, today());
  assert.equal(none.json.missing.why, 'no release names this party');

  const expired = await recordConsent(participantId, { expiry_date: addDays(today(), -1) });
  assert.equal(expired.status, 201, expired.text);
  assert.equal(expired.json.status, 'expired');
  const late = await logContact(episodeId, withDana());
  assertProblem(late, 409);
  assert.match(late.json.missing.why, /expired on/);

  const covering = await recordConsent(participantId,
    { party: { kind: 'person', name: 'DANA  SMITH' } });
  assert.equal(covering.status, 201, covering.text);
  assert.equal(covering.json.status, 'active');
  const more = await logContact(episodeId, withDana({ disclosed: ['mental_health', 'hiv'] }));
  assertProblem(more, 409);
  assert.deepEqual(more.json.missing.categories, ['hiv']);
  assert.match(more.json.missing.why, /does not cover hiv/);
  assert.equal(await contactCount(episodeId), 0);

  const ok = await logContact(episodeId, withDana());
  assert.equal(ok.status, 201, ok.text);
  assert.deepEqual(ok.json.disclosed, ['mental_health']);

  // Revoked today: no longer covers.
  const revoke = await api(`/api/v1/consents/${covering.json.id}/revoke`, {
    token: (await as('coordinator')).token, json: { note: 'asked to stop' },
    headers: { 'if-match': `"${covering.json.version}"` },
  });
  assert.equal(revoke.status, 200, revoke.text);
  assert.equal(revoke.json.status, 'revoked');
  assert.equal(revoke.json.revoked_date, today());
  const after = await logContact(episodeId, withDana());
  assertProblem(after, 409);
  assert.match(after.json.missing.why, /was revoked on/);
  assert.equal(await contactCount(episodeId), 1);
});

test('edit, sign, addenda: If-Match, and a signed note never changes', async () => {
  const { episodeId } = await newEpisode();
  const token = (await as('coordinator')).token;
  const created = await logContact(episodeId, withParticipant());
  assert.equal(created.status, 201, created.text);
  const path = `/api/v1/contacts/${created.json.id}`;
  assertProblem(await api(path, { method: 'PATCH', token, json: { narrative: 'x' } }), 428,
    'If-Match');
  assertProblem(await api(path, { method: 'PATCH', token, json: { narrative: 'x' },
    headers: { 'if-match': '"9"' } }), 412);
  assertProblem(await api(path, { method: 'PATCH', token, json: { duration_minutes: 2000 },
    headers: { 'if-match': '"1"' } }), 400, 'duration_minutes');
  const edited = await api(path, { method: 'PATCH', token, json: { narrative: 'Edited.' },
    headers: { 'if-match': '"1"' } });
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.narrative, 'Edited.');
  assert.equal(edited.headers.get('etag'), '"2"');
  assertProblem(await api(`${path}/addenda`, { token, json: { text: 'too early' } }), 409);
  assertProblem(await api(`${path}/sign`, { token, json: {} }), 428, 'If-Match');
  const signed = await api(`${path}/sign`, { token, json: {}, headers: { 'if-match': '"2"' } });
  assert.equal(signed.status, 200, signed.text);
  assert.ok(signed.json.signed_at);
  assert.equal(signed.json.signed_by_name, DEMO.coordinator.display_name);
  assertProblem(await api(path, { method: 'PATCH', token, json: { narrative: 'Changed.' },
    headers: { 'if-match': '"3"' } }), 409);
  const addendum = await api(`${path}/addenda`, { token, json: { text: 'Also discussed SSI.' } });
  assert.equal(addendum.status, 201, addendum.text);
  assert.equal(addendum.json.text, 'Also discussed SSI.');
  assertProblem(await api(`${path}/addenda`, { token, json: {} }), 400, 'text');
  const list = await api(`/api/v1/episodes/${episodeId}/contacts`, { token });
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.items[0].narrative, 'Edited.');
  assert.equal(list.json.items[0].addenda.length, 1);
  assert.equal(list.json.next_cursor, null);
});

test('access: unrelated coordinators see nothing, auditors read only', async () => {
  const { episodeId, participantId } = await newEpisode();
  assert.equal((await logContact(episodeId, withParticipant())).status, 201);
  const stranger = await createUser({ role: 'care_coordinator', prefix: 'cc' });
  const s = await mustLogin(stranger.username, stranger.password);
  assertProblem(await api(`/api/v1/episodes/${episodeId}/contacts`, { token: s.token }), 404);
  assertProblem(await api(`/api/v1/episodes/${episodeId}/contacts`,
    { token: s.token, json: withParticipant() }), 404);
  assertProblem(await api(`/api/v1/participants/${participantId}/consents`, { token: s.token }),
    404);
  const auditor = await as('auditor');
  const read = await api(`/api/v1/episodes/${episodeId}/contacts`, { token: auditor.token });
  assert.equal(read.status, 200, read.text);
  assert.equal(read.json.items.length, 1);
  assertProblem(await logContact(episodeId, withParticipant(), 'auditor'), 403);
  assertProblem(await api('/api/v1/episodes/00000000-0000-7000-8000-000000000000/contacts',
    { token: (await as('coordinator')).token }), 404);
});

test('bad contact input is a 400 naming the field, and saves nothing', async () => {
  const { episodeId } = await newEpisode();
  const cases = [
    [withParticipant({ duration_minutes: 1441 }), 'duration_minutes'],
    [withParticipant({ mode: 'pigeon' }), 'mode'],
    [withParticipant({ mode: 'in_person' }), 'setting'],
    [withParticipant({ purposes: [] }), 'purposes'],
    [withParticipant({ occurred_at: new Date(Date.now() + 3_600_000).toISOString() }),
      'occurred_at'],
    [withParticipant({ occurred_at: '2020-01-01T00:00:00Z' }), 'occurred_at'],
    [withParticipant({ narrative: 'x'.repeat(20001) }), 'narrative'],
    [withParticipant({ colour: 'blue' }), 'colour'],
    [withDana({ party: undefined }), 'party'],
    [withDana({ disclosed: [] }), 'disclosed'],
    [withParticipant({ successful: 'yes' }), 'successful'],
  ];
  for (const [body, field] of cases) {
    assertProblem(await logContact(episodeId, body), 400, field, JSON.stringify(body).slice(0, 80));
  }
  assert.equal(await contactCount(episodeId), 0);
});

test('releases: validation, revoke If-Match, expiring list and its boundary', async () => {
  const { participantId } = await newEpisode();
  const token = (await as('coordinator')).token;
  assertProblem(await recordConsent(participantId,
    { expiry_date: addDays(today(), 5 * 366 + 30) }), 400, 'expiry_date');
  assertProblem(await recordConsent(participantId, { signed_by: 'guardian' }), 400,
    'signer_name');
  assertProblem(await recordConsent(participantId, { categories: ['secrets'] }), 400,
    'categories');
  assertProblem(await recordConsent(participantId, { signed_date: addDays(today(), 1) }), 400,
    'signed_date');
  assertProblem(await recordConsent(participantId, {}, 'peer'), 403);

  const in30 = await recordConsent(participantId, { expiry_date: addDays(today(), 30) });
  const in31 = await recordConsent(participantId, { expiry_date: addDays(today(), 31) });
  const in2 = await recordConsent(participantId, { expiry_date: addDays(today(), 2) });
  for (const r of [in30, in31, in2]) assert.equal(r.status, 201, r.text);

  const expiring = await api('/api/v1/consents/expiring', { token });
  assert.equal(expiring.status, 200, expiring.text);
  const mine = expiring.json.items.filter((c) => c.participant_id === participantId);
  assert.deepEqual(mine.map((c) => c.id), [in2.json.id, in30.json.id]);
  assert.ok(mine[0].participant_name.startsWith('Jo '));
  const dates = expiring.json.items.map((c) => c.expiry_date);
  assert.deepEqual([...dates].sort(), dates, 'soonest first');
  const week = await api('/api/v1/consents/expiring?days=7', { token });
  assert.deepEqual(week.json.items.filter((c) => c.participant_id === participantId)
    .map((c) => c.id), [in2.json.id]);
  assertProblem(await api('/api/v1/consents/expiring?days=0', { token }), 400, 'days');
  assertProblem(await api('/api/v1/consents/expiring?days=91', { token }), 400, 'days');

  const path = `/api/v1/consents/${in2.json.id}/revoke`;
  assertProblem(await api(path, { token, json: {} }), 428, 'If-Match');
  assertProblem(await api(path, { token, json: {}, headers: { 'if-match': '"5"' } }), 412);
  assertProblem(await api(path, { token, json: { revoked_date: '2000-01-01' },
    headers: { 'if-match': '"1"' } }), 400, 'revoked_date');
  const revoked = await api(path, { token, json: { note: 'withdrawn' },
    headers: { 'if-match': '"1"' } });
  assert.equal(revoked.status, 200, revoked.text);
  assert.equal(revoked.json.revoked_by_name, DEMO.coordinator.display_name);
  assertProblem(await api(path, { token, json: {}, headers: { 'if-match': '"2"' } }), 409);
  const list = await api(`/api/v1/participants/${participantId}/consents`, { token });
  assert.equal(list.status, 200, list.text);
  assert.equal(list.json.items.find((c) => c.id === in2.json.id).status, 'revoked');
  const after = await api('/api/v1/consents/expiring', { token });
  assert.ok(!after.json.items.some((c) => c.id === in2.json.id));
});

test('the OpenAPI document describes the contact and consent schemas', async () => {
  const doc = await api('/api/v1/openapi.json');
  assert.equal(doc.status, 200);
  for (const name of ['Contact', 'ContactList', 'NewContactRequest', 'ContactChangesRequest',
    'AddendumRequest', 'Addendum', 'Consent', 'ConsentList', 'NewConsentRequest',
    'RevokeConsentRequest', 'ExpiringConsentList', 'ReleaseRequiredProblem']) {
    assert.ok(doc.json.components.schemas[name], name);
  }
  assert.ok(doc.json.paths['/api/v1/consents/expiring'].get);
  assert.ok(doc.json.paths['/api/v1/consents/{id}/revoke'].post);
});
