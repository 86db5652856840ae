// SPDX-License-Identifier: Apache-2.0
// Request bodies over real HTTP (issue 11): every body is parsed once and checked against the
// shape its route declares in the OpenAPI document before the handler runs. A key given twice,
// a control character in text, an unknown member, a wrong type or a missing required member is
// a 400 problem whose `field` names the member by path, and nothing changes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, DEMO, DEMO_PASSWORD, sessionCookie } from './lib.mjs';
import { as, hoursFromNow, openEpisode } from './care.mjs';

/** POST/PATCH a raw JSON text (for what JSON.stringify cannot write: a key twice). */
function sendRaw(path, text, { method = 'POST', token, headers = {} } = {}) {
  return api(path, {
    method, token, body: text, headers: { 'content-type': 'application/json', ...headers },
  });
}

test('a key given twice is 400 naming it: sign-in does not pick one of the two', async () => {
  // JSON parsers that keep the last of two keys would sign this in as the admin.
  const text = `{"username": "nobody-${Date.now()}", "password": ${JSON.stringify(DEMO_PASSWORD)},`
    + ` "username": ${JSON.stringify(DEMO.admin.username)}}`;
  const res = await sendRaw('/api/v1/auth/login', text);
  assertProblem(res, 400, 'username');
  assert.equal(res.json.field, 'username');
  assert.match(res.json.detail, /twice/);
  assert.equal(sessionCookie(res), null, 'no session cookie');
  assert.equal(res.json.token, undefined, 'no token');

  // The other order too, and a body with each key once still signs in.
  const reversed = await sendRaw('/api/v1/auth/login',
    `{"username": ${JSON.stringify(DEMO.admin.username)}, "username": "x",`
    + ` "password": ${JSON.stringify(DEMO_PASSWORD)}}`);
  assertProblem(reversed, 400, 'username');
  assert.equal(sessionCookie(reversed), null);
  const once = await sendRaw('/api/v1/auth/login', JSON.stringify({
    username: DEMO.admin.username, password: DEMO_PASSWORD,
  }));
  assert.equal(once.status, 200, once.text);
});

/** The contacts of an episode, as the demo coordinator sees them. */
async function contactCount(episodeId, token) {
  const res = await api(`/api/v1/episodes/${episodeId}/contacts`, { token });
  assert.equal(res.status, 200, res.text);
  return res.json.items.length;
}

test('logging a contact: bad bodies name the member and log nothing', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const path = `/api/v1/episodes/${episode.id}/contacts`;
  const good = {
    duration_minutes: 15, mode: 'phone', successful: true, with_whom: 'participant',
    purposes: ['engagement'], outcome: 'engaged', narrative: 'Checked in by phone.',
  };
  const cases = [
    ['a NUL in the narrative', JSON.stringify({ ...good, narrative: 'Called\u0000back' }),
      'narrative'],
    ['an escape character in a purpose', JSON.stringify({ ...good, purposes: ['engagement', '\u001b'] }),
      'purposes[1]'],
    ['an unknown member', JSON.stringify({ ...good, colour: 'blue' }), 'colour'],
    ['a wrong type', JSON.stringify({ ...good, duration_minutes: '15' }), 'duration_minutes'],
    ['a wrong type below party', JSON.stringify({
      ...good, with_whom: 'natural_support', disclosed: ['mental_health'], party: { name: 7 },
    }), 'party.name'],
    ['a missing required member', JSON.stringify({ ...good, outcome: undefined }), 'outcome'],
    ['a key twice below party', `{"duration_minutes": 15, "mode": "phone", "successful": true,
      "with_whom": "natural_support", "disclosed": ["mental_health"], "purposes": ["engagement"],
      "outcome": "engaged", "party": {"name": "Dana", "name": "Someone else"}}`, 'party.name'],
  ];
  for (const [what, text, field] of cases) {
    const res = await sendRaw(path, text, { token: coordinator.token });
    assertProblem(res, 400, field, what);
    assert.equal(res.json.field, field, what);
  }
  assert.equal(await contactCount(episode.id, coordinator.token), 0, 'nothing logged');
  const ok = await sendRaw(path, JSON.stringify(good), { token: coordinator.token });
  assert.equal(ok.status, 201, ok.text);
});

test('editing a participant: bad bodies name the member and change nothing', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const path = `/api/v1/participants/${episode.participant_id}`;
  const before = await api(path, { token: coordinator.token });
  assert.equal(before.status, 200, before.text);
  const etag = before.headers.get('etag');
  const cases = [
    ['a control character', JSON.stringify({ preferred_name: 'An\u0001a' }), 'preferred_name'],
    ['an unknown member', JSON.stringify({ favourite_colour: 'blue' }), 'favourite_colour'],
    ['an unknown nested member', JSON.stringify({ address: { country: 'US' } }),
      'address.country'],
    ['a read-only member', JSON.stringify({ version: 9 }), 'version'],
    ['a wrong type', JSON.stringify({ interpreter_needed: 'yes' }), 'interpreter_needed'],
    ['a wrong nested type', JSON.stringify({ address: { city: 12 } }), 'address.city'],
    ['a key twice', '{"address": {"city": "Tampa", "city": "Miami"}}', 'address.city'],
    ['not a date', JSON.stringify({ birth_date: '1990-02-30' }), 'birth_date'],
  ];
  for (const [what, text, field] of cases) {
    const res = await sendRaw(path, text,
      { method: 'PATCH', token: coordinator.token, headers: { 'if-match': etag } });
    assertProblem(res, 400, field, what);
    assert.equal(res.json.field, field, what);
  }
  const after = await api(path, { token: coordinator.token });
  assert.equal(after.headers.get('etag'), etag, 'no new version');
  assert.deepEqual(after.json, before.json, 'nothing changed');
});

test('recording a transition: missing, mistyped and unknown members record nothing', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode({ receivedHoursAgo: 96 });
  const path = `/api/v1/episodes/${episode.id}/transitions`;
  const good = { level: 'inpatient_psychiatric', facility: 'Bayview', admitted_at: hoursFromNow(-48) };
  const cases = [
    ['facility missing', { ...good, facility: undefined }, 'facility'],
    ['level a number', { ...good, level: 7 }, 'level'],
    ['medication_needed a string', { ...good, medication_needed: 'yes' }, 'medication_needed'],
    ['an unknown member', { ...good, ward: '3B' }, 'ward'],
    ['a NUL in the facility', { ...good, facility: 'Bay\u0000view' }, 'facility'],
  ];
  for (const [what, json, field] of cases) {
    const res = await api(path, { token: coordinator.token, json });
    assertProblem(res, 400, field, what);
    assert.equal(res.json.field, field, what);
  }
  const list = await api(path, { token: coordinator.token });
  assert.equal(list.status, 200, list.text);
  assert.deepEqual(list.json.items, [], 'nothing recorded');
});

test('the body is read once the caller may use the route: a refusal names no field', async () => {
  // A key twice would be a 400 naming it; the auditor may not create users, so it is a 403.
  const auditor = await as('auditor');
  const res = await sendRaw('/api/v1/users', '{"username": "a", "username": "b"}',
    { token: auditor.token });
  assertProblem(res, 403);
  assert.equal(res.json.field, undefined, res.text);
});
