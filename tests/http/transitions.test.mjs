// SPDX-License-Identifier: Apache-2.0
// Transitions of care and psychiatric appointments over real HTTP (docs/worklists.md
// "Transitions"; 001 §6 §8): recording, validation that names the field and changes nothing,
// If-Match on edits, idempotent creates, and the linkage obligation a kept appointment meets.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, DEMO } from './lib.mjs';
import { as, freshUser, getJson, hoursFromNow, openEpisode } from './care.mjs';

const admission = () => ({
  level: 'inpatient_psychiatric',
  facility: 'St. Mary Behavioral Health',
  admitted_at: hoursFromNow(-60),
  discharged_at: hoursFromNow(-48),
  medication_needed: true,
  notes: 'Discharged on a new medication.',
});

async function transitionCount(episodeId, token) {
  return (await getJson(`/api/v1/episodes/${episodeId}/transitions`, token)).items.length;
}

test('record a transition: 201, shape, ETag, idempotent per key, listed newest first', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode({ receivedHoursAgo: 96 });
  const path = `/api/v1/episodes/${episode.id}/transitions`;
  const key = `t-${randomBytes(6).toString('hex')}`;
  const body = admission();
  const first = await api(path, { token: coordinator.token, json: body,
    headers: { 'idempotency-key': key } });
  assert.equal(first.status, 201, first.text);
  assert.equal(first.headers.get('etag'), '"1"');
  const t = first.json;
  assert.equal(t.episode_id, episode.id);
  assert.equal(t.participant_id, episode.participant_id);
  assert.equal(t.level, 'inpatient_psychiatric');
  assert.equal(t.facility, 'St. Mary Behavioral Health');
  assert.equal(Date.parse(t.admitted_at), Date.parse(body.admitted_at));
  assert.equal(Date.parse(t.discharged_at), Date.parse(body.discharged_at));
  assert.equal(t.medication_needed, true);
  assert.equal(t.recorded_by_name, DEMO.coordinator.display_name);
  assert.equal(t.version, 1);
  assert.deepEqual(t.appointments, []);

  const again = await api(path, { token: coordinator.token, json: body,
    headers: { 'idempotency-key': key } });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, t.id);
  assertProblem(await api(path, { token: coordinator.token,
    json: { ...admission(), facility: 'Elsewhere' }, headers: { 'idempotency-key': key } }), 409,
  'Idempotency-Key');

  const second = await api(path, { token: coordinator.token,
    json: { level: 'emergency_department', facility: 'County ED', admitted_at: hoursFromNow(-2) } });
  assert.equal(second.status, 201, second.text);
  assert.equal(second.json.discharged_at, null);
  assert.equal(second.json.medication_needed, false);
  assert.equal(second.json.notes, '');
  const list = await getJson(path, coordinator.token);
  assert.deepEqual(list.items.map((x) => x.id), [second.json.id, t.id]);
  const audited = await api(path, { token: (await as('auditor')).token });
  assert.equal(audited.status, 200, audited.text);
  assertProblem(await api(path, { token: (await as('auditor')).token, json: admission() }), 403);
  const stranger = await freshUser('care_coordinator', 'tr');
  assertProblem(await api(path, { token: stranger.token }), 404);
  assertProblem(await api(path, { token: stranger.token, json: admission() }), 404);
  assertProblem(await api('/api/v1/episodes/nope/transitions',
    { token: coordinator.token, json: admission() }), 404);
});

test('bad transitions are 400 naming the field and record nothing', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode({ receivedHoursAgo: 96 });
  const path = `/api/v1/episodes/${episode.id}/transitions`;
  const a = admission();
  const cases = [
    [{ ...a, level: undefined }, 'level'],
    [{ ...a, level: 'spa' }, 'level'],
    [{ ...a, level: 7 }, 'level'],
    [{ ...a, facility: '' }, 'facility'],
    [{ ...a, facility: 'x'.repeat(201) }, 'facility'],
    [{ ...a, admitted_at: undefined }, 'admitted_at'],
    [{ ...a, admitted_at: 'last Tuesday' }, 'admitted_at'],
    [{ ...a, admitted_at: hoursFromNow(24), discharged_at: undefined }, 'admitted_at'],
    [{ ...a, discharged_at: hoursFromNow(-70) }, 'discharged_at'],
    [{ ...a, discharged_at: hoursFromNow(5) }, 'discharged_at'],
    [{ ...a, medication_needed: 'yes' }, 'medication_needed'],
    [{ ...a, notes: 'x'.repeat(4001) }, 'notes'],
    [{ ...a, ward: '3B' }, 'ward'],
  ];
  for (const [json, field] of cases) {
    assertProblem(await api(path, { token: coordinator.token, json }), 400, field,
      JSON.stringify(json).slice(0, 120));
  }
  assertProblem(await api(path, { token: coordinator.token, body: 'not json',
    headers: { 'content-type': 'application/json' } }), 400, 'body');
  assertProblem(await api(path, { token: coordinator.token, json: [a] }), 400, 'body');
  assert.equal(await transitionCount(episode.id, coordinator.token), 0);
});

test('edit a transition: If-Match, validation, discharge later', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode({ receivedHoursAgo: 96 });
  const created = await api(`/api/v1/episodes/${episode.id}/transitions`, {
    token: coordinator.token,
    json: { ...admission(), discharged_at: undefined, medication_needed: false },
  });
  assert.equal(created.status, 201, created.text);
  const path = `/api/v1/transitions/${created.json.id}`;
  const patch = (json, version) => api(path, { method: 'PATCH', token: coordinator.token, json,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` } });
  const discharge = { discharged_at: hoursFromNow(-30), medication_needed: true };
  assertProblem(await patch(discharge), 428, 'If-Match');
  assertProblem(await patch(discharge, 4), 412);
  assertProblem(await patch({ level: 'state_hospital' }, 1), 400, 'level');
  assertProblem(await patch({ discharged_at: 'soon' }, 1), 400, 'discharged_at');
  assertProblem(await patch({ discharged_at: hoursFromNow(-100) }, 1), 400, 'discharged_at');
  assertProblem(await patch({ facility: null }, 1), 400, 'facility');
  assertProblem(await patch({ facility: '' }, 1), 400, 'facility');
  assertProblem(await patch({}, 1), 400);
  assertProblem(await patch({ bed: 4 }, 1), 400, 'bed');
  assertProblem(await api('/api/v1/transitions/nope', { method: 'PATCH', token: coordinator.token,
    json: discharge, headers: { 'if-match': '"1"' } }), 404);
  const unchanged = (await getJson(`/api/v1/episodes/${episode.id}/transitions`,
    coordinator.token)).items[0];
  assert.equal(unchanged.version, 1);
  assert.equal(unchanged.discharged_at, null);

  const done = await patch(discharge, 1);
  assert.equal(done.status, 200, done.text);
  assert.equal(done.json.version, 2);
  assert.equal(done.headers.get('etag'), '"2"');
  assert.ok(done.json.discharged_at);
  assert.equal(done.json.medication_needed, true);
  assert.equal(done.json.facility, 'St. Mary Behavioral Health');
  assertProblem(await patch({ notes: 'late' }, 1), 412);
});

test('appointments: after a discharge, validated, and a kept one meets the 7-day linkage', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode({ receivedHoursAgo: 96 });
  const transitions = `/api/v1/episodes/${episode.id}/transitions`;
  const inpatient = await api(transitions, { token: coordinator.token,
    json: { ...admission(), discharged_at: undefined } });
  assert.equal(inpatient.status, 201, inpatient.text);
  const kept = { status: 'kept', scheduled_for: hoursFromNow(-24), provider: 'Dr. Okafor',
    note: 'Medication reviewed.' };
  // 001 §6: linkage follows a discharge; none yet.
  assertProblem(await api(`/api/v1/transitions/${inpatient.json.id}/appointments`,
    { token: coordinator.token, json: kept }), 409);

  const discharged = await api(transitions, { token: coordinator.token, json: admission() });
  assert.equal(discharged.status, 201, discharged.text);
  const obligations = `/api/v1/episodes/${episode.id}/obligations`;
  const linkage = (await getJson(obligations, coordinator.token)).items
    .find((i) => i.rule_id === 'psychiatric_linkage');
  assert.ok(linkage, 'a discharge needing medication starts the linkage rule');
  assert.equal(linkage.status, 'due');
  assert.equal(linkage.log_contact, null);

  const path = `/api/v1/transitions/${discharged.json.id}/appointments`;
  const bad = [
    [{ ...kept, status: undefined }, 'status'],
    [{ ...kept, status: 'attended' }, 'status'],
    [{ ...kept, scheduled_for: undefined }, 'scheduled_for'],
    [{ ...kept, scheduled_for: '24/12/2026' }, 'scheduled_for'],
    [{ ...kept, provider: 'x'.repeat(201) }, 'provider'],
    [{ status: 'none_available', me_notified_at: hoursFromNow(-1) }, 'note'],
    [{ status: 'refused' }, 'note'],
    [{ ...kept, me_notified_at: hoursFromNow(-1) }, 'me_notified_at'],
    [{ ...kept, room: 2 }, 'room'],
  ];
  for (const [json, field] of bad) {
    assertProblem(await api(path, { token: coordinator.token, json }), 400, field,
      JSON.stringify(json));
  }
  assert.deepEqual((await getJson(transitions, coordinator.token)).items[0].appointments, []);

  const key = `ap-${randomBytes(6).toString('hex')}`;
  const created = await api(path, { token: coordinator.token, json: kept,
    headers: { 'idempotency-key': key } });
  assert.equal(created.status, 201, created.text);
  const replay = await api(path, { token: coordinator.token, json: kept,
    headers: { 'idempotency-key': key } });
  assert.equal(replay.status, 201, replay.text);
  assert.equal(replay.json.id, created.json.id);
  assert.equal(created.headers.get('etag'), '"1"');
  assert.equal(created.json.transition_id, discharged.json.id);
  assert.equal(created.json.status, 'kept');
  assert.equal(created.json.provider, 'Dr. Okafor');
  assert.equal(created.json.me_notified_at, null);
  const met = (await getJson(obligations, coordinator.token)).items
    .find((i) => i.key === linkage.key);
  assert.equal(met.status, 'met', JSON.stringify(met));
  const listed = (await getJson(transitions, coordinator.token)).items[0];
  assert.deepEqual(listed.appointments.map((x) => x.id), [created.json.id]);

  const apptPath = `/api/v1/appointments/${created.json.id}`;
  const patch = (json, version) => api(apptPath, { method: 'PATCH', token: coordinator.token,
    json, headers: version === undefined ? {} : { 'if-match': `"${version}"` } });
  assertProblem(await patch({ note: 'x' }), 428, 'If-Match');
  assertProblem(await patch({ note: 'x' }, 7), 412);
  assertProblem(await patch({ status: 'maybe' }, 1), 400, 'status');
  assertProblem(await patch({ status: null }, 1), 400, 'status');
  assertProblem(await patch({ scheduled_for: 'tomorrow' }, 1), 400, 'scheduled_for');
  const edited = await patch({ note: 'Medication reviewed; follow-up in 4 weeks.' }, 1);
  assert.equal(edited.status, 200, edited.text);
  assert.equal(edited.json.version, 2);
  assert.equal(edited.headers.get('etag'), '"2"');
  assert.equal(edited.json.status, 'kept');
  assertProblem(await api('/api/v1/appointments/nope', { method: 'PATCH',
    token: coordinator.token, json: { note: 'x' }, headers: { 'if-match': '"1"' } }), 404);
  assert.equal((await patch({ note: 'Rescheduled follow-up.' }, 2)).status, 200);
  assertProblem(await patch({ note: 'z' }, 2), 412);
});
