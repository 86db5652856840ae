// SPDX-License-Identifier: Apache-2.0
// Instruments, assessments and risk tiers over real HTTP (docs/assessments.md; 001 §3, 002):
// the instrument catalogue, recording a PHQ-9 scored by the server (band, the item-9 safety
// flag), answers that are wrong 400 naming `answers.<item>` and storing nothing, and the risk
// tier with a supervisor's override (reason required; coordinators may not).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, DEMO } from './lib.mjs';
import { as, freshUser, getJson, hoursFromNow, openEpisode } from './care.mjs';

// A PHQ-9 whose total is 12 (moderate, 10–14) with item 9 at 1: the urgent safety flag.
const PHQ9_MODERATE = { q1: 2, q2: 1, q3: 2, q4: 1, q5: 1, q6: 1, q7: 2, q8: 1, q9: 1 };

const phq9 = (answers = PHQ9_MODERATE, extra = {}) => ({
  instrument_id: 'phq9',
  assessed_at: hoursFromNow(-2),
  respondent: 'participant',
  notes: 'Administered at the home visit.',
  answers,
  ...extra,
});

const assessmentsPath = (participantId) => `/api/v1/participants/${participantId}/assessments`;

test('instruments: the catalogue with scoring, flags and determination tables', async () => {
  const coordinator = await as('coordinator');
  const list = await getJson('/api/v1/instruments', coordinator.token);
  assert.ok(Array.isArray(list.items) && list.items.length >= 2, JSON.stringify(list).slice(0, 300));
  for (const i of list.items) {
    assert.ok(i.determination_table === null || typeof i.determination_table.name === 'string',
      `${i.id}: determination_table ${JSON.stringify(i.determination_table)}`);
    assert.ok(['screener', 'structured', 'level_of_care'].includes(i.kind), i.id);
    assert.ok(i.sections.length >= 1, i.id);
  }
  const p = list.items.find((i) => i.id === 'phq9');
  assert.ok(p, 'phq9 is shipped');
  assert.equal(p.title, 'PHQ-9');
  assert.equal(p.kind, 'screener');
  assert.equal(p.scored, true);
  assert.equal(p.total_min, 0);
  assert.equal(p.total_max, 27);
  assert.equal(p.determination_table, null, 'a screener has no level of care');
  assert.deepEqual(p.bands.map((b) => [b.code, b.min, b.max]), [
    ['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['moderately_severe', 15, 19],
    ['severe', 20, 27]]);
  const safety = p.flags.find((f) => f.flag === 'safety');
  assert.deepEqual({ item: safety.item, at_least: safety.at_least, urgent: safety.urgent },
    { item: 'q9', at_least: 1, urgent: true });
  const q1 = p.sections[0].items.find((x) => x.id === 'q1');
  assert.equal(q1.kind, 'choice');
  assert.equal(q1.required, true);
  assert.equal(q1.scored, true);
  assert.deepEqual(q1.options.map((o) => o.value), [0, 1, 2, 3]);

  const one = await api('/api/v1/instruments/phq9', { token: coordinator.token });
  assert.equal(one.status, 200, one.text);
  assert.deepEqual(one.json, p);
  assertProblem(await api('/api/v1/instruments/nope', { token: coordinator.token }), 404);
  assert.equal((await api('/api/v1/instruments', { token: (await as('auditor')).token })).status,
    200);
  assertProblem(await api('/api/v1/instruments', { token: (await as('admin')).token }), 403);
  assertProblem(await api('/api/v1/instruments'), 401);
});

test('record a PHQ-9: 201, scored by the server, flags, idempotent per key, listed', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const path = assessmentsPath(episode.participant_id);
  const key = `as-${randomBytes(6).toString('hex')}`;
  const body = phq9();
  const first = await api(path, { token: coordinator.token, json: body,
    headers: { 'idempotency-key': key } });
  assert.equal(first.status, 201, first.text);
  const a = first.json;
  assert.equal(a.participant_id, episode.participant_id);
  assert.equal(a.episode_id, episode.id, 'the open episode by default');
  assert.equal(a.instrument_id, 'phq9');
  assert.equal(a.instrument_version, 1);
  assert.equal(a.instrument_title, 'PHQ-9');
  assert.equal(Date.parse(a.assessed_at), Date.parse(body.assessed_at));
  assert.equal(a.total, 12);
  assert.equal(a.band, 'moderate');
  assert.equal(a.band_label, 'Moderate');
  assert.deepEqual(a.flags, ['safety']);
  assert.deepEqual(a.needs, []);
  assert.equal(a.recommended_level, '');
  assert.equal(a.level_source, '');
  assert.equal(a.respondent, 'participant');
  assert.equal(a.notes, body.notes);
  assert.deepEqual(a.answers, PHQ9_MODERATE);
  assert.equal(a.recorded_by, coordinator.user.id);
  assert.equal(a.recorded_by_name, DEMO.coordinator.display_name);
  assert.ok(Date.parse(a.created_at) > 0);

  const again = await api(path, { token: coordinator.token, json: body,
    headers: { 'idempotency-key': key } });
  assert.equal(again.status, 201, again.text);
  assert.equal(again.json.id, a.id);
  assertProblem(await api(path, { token: coordinator.token,
    json: phq9({ ...PHQ9_MODERATE, q1: 0 }), headers: { 'idempotency-key': key } }), 409,
  'Idempotency-Key');

  // One answer below a band edge: 9 is mild, and no flag with item 9 at 0.
  const mild = await api(path, { token: coordinator.token, json: phq9(
    { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 2, q9: 0 },
    { assessed_at: hoursFromNow(-1), respondent: 'assessor' }) });
  assert.equal(mild.status, 201, mild.text);
  assert.equal(mild.json.total, 9);
  assert.equal(mild.json.band, 'mild');
  assert.deepEqual(mild.json.flags, []);

  const list = await getJson(path, coordinator.token);
  assert.deepEqual(list.items.map((x) => x.id), [mild.json.id, a.id], 'newest assessed first');
  assert.deepEqual((await getJson(`${path}?instrument=phq9`, coordinator.token)).items.length, 2);
  assert.deepEqual((await getJson(`${path}?instrument=gad7`, coordinator.token)).items, []);
  const one = await getJson(`${path}/${a.id}`, coordinator.token);
  assert.deepEqual(one, a);
  assertProblem(await api(`${path}/nope`, { token: coordinator.token }), 404);

  const auditor = await as('auditor');
  assert.equal((await api(path, { token: auditor.token })).status, 200);
  assertProblem(await api(path, { token: auditor.token, json: phq9() }), 403);
  const stranger = await freshUser('care_coordinator', 'as');
  assertProblem(await api(path, { token: stranger.token }), 404);
  assertProblem(await api(path, { token: stranger.token, json: phq9() }), 404);
  assertProblem(await api(`${path}/${a.id}`, { token: stranger.token }), 404);
  assert.equal((await getJson(path, coordinator.token)).items.length, 2);
});

test('bad assessments are 400 naming the field and store nothing', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const path = assessmentsPath(episode.participant_id);
  const { q9, ...withoutQ9 } = PHQ9_MODERATE;
  assert.equal(q9, 1);
  const cases = [
    [phq9({ ...PHQ9_MODERATE, q3: 7 }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: -1 }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: 'often' }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: true }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: null }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: 1.5 }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: [1] }), 'answers.q3'],
    [phq9({ ...PHQ9_MODERATE, q3: { value: 1 } }), 'answers.q3'],
    [phq9(withoutQ9), 'answers.q9'],
    [phq9({ ...PHQ9_MODERATE, q10: 1 }), 'answers.q10'],
    [phq9(undefined, { answers: undefined }), 'answers'],
    [phq9([1, 2, 3]), 'answers'],
    [phq9('q1=2'), 'answers'],
    [phq9(undefined, { instrument_id: undefined }), 'instrument_id'],
    [phq9(undefined, { instrument_id: 'phq10' }), 'instrument_id'],
    [phq9(undefined, { instrument_id: 9 }), 'instrument_id'],
    [phq9(undefined, { assessed_at: undefined }), 'assessed_at'],
    [phq9(undefined, { assessed_at: 'yesterday' }), 'assessed_at'],
    [phq9(undefined, { assessed_at: hoursFromNow(48) }), 'assessed_at'],
    [phq9(undefined, { respondent: 'neighbour' }), 'respondent'],
    [phq9(undefined, { notes: 'x'.repeat(4001) }), 'notes'],
    [phq9(undefined, { recommended_level: '4' }), 'recommended_level'],
    [phq9(undefined, { episode_id: 'nope' }), 'episode_id'],
    [phq9(undefined, { score: 12 }), 'score'],
  ];
  for (const [json, field] of cases) {
    assertProblem(await api(path, { token: coordinator.token, json }), 400, field,
      JSON.stringify(json).slice(0, 160));
  }
  assertProblem(await api(path, { token: coordinator.token, body: 'not json',
    headers: { 'content-type': 'application/json' } }), 400, 'body');
  assertProblem(await api(path, { token: coordinator.token, json: [phq9()] }), 400, 'body');
  assert.deepEqual((await getJson(path, coordinator.token)).items, [], 'nothing stored');
  assertProblem(await api(assessmentsPath('nope'), { token: coordinator.token, json: phq9() }),
    404);
});

test('risk tier: computed from assessments with reasons; a supervisor overrides with a reason',
  async () => {
    const coordinator = await as('coordinator');
    const supervisor = await as('supervisor');
    const episode = await openEpisode();
    const pid = episode.participant_id;
    const tierPath = `/api/v1/participants/${pid}/risk-tier`;
    const overridePath = `${tierPath}/override`;

    const before = await getJson(tierPath, coordinator.token);
    assert.equal(before.override, null);
    assert.equal(before.program_id, episode.program_id);
    assert.ok(Number.isInteger(before.policy_version));
    assert.ok(before.tiers.length >= 2, JSON.stringify(before.tiers));
    for (const t of before.tiers) assert.equal(typeof t.title, 'string');
    const lowest = before.tiers[before.tiers.length - 1].id;
    assert.equal(before.computed_tier, lowest, 'nothing recorded yet: the last tier');
    assert.equal(before.tier, before.computed_tier);
    assert.deepEqual(before.reasons, []);
    for (const k of ['min_per_week', 'max_per_week', 'default_per_week'])
      assert.ok(Number.isInteger(before.schedule[k]), k);

    // 002: the safety flag puts the participant in the highest tier, with the assessment as
    // the reason.
    const recorded = await api(assessmentsPath(pid), { token: coordinator.token, json: phq9() });
    assert.equal(recorded.status, 201, recorded.text);
    const tier = await getJson(tierPath, coordinator.token);
    const highest = tier.tiers[0].id;
    assert.equal(tier.computed_tier, highest, JSON.stringify(tier));
    assert.equal(tier.tier, highest);
    assert.equal(tier.computed_title, tier.tiers[0].title);
    assert.ok(tier.reasons.some((r) => r.source === 'assessment'
      && r.source_id === recorded.json.id && typeof r.text === 'string' && r.text.length > 0),
    JSON.stringify(tier.reasons));

    const other = tier.tiers.find((t) => t.id !== highest).id;
    const put = (token, json) => api(overridePath, { method: 'PUT', token, json });
    assertProblem(await put(coordinator.token, { tier: other, reason: 'Doing well' }), 403);
    assertProblem(await put(supervisor.token, { tier: other }), 400, 'reason');
    assertProblem(await put(supervisor.token, { tier: other, reason: '' }), 400, 'reason');
    assertProblem(await put(supervisor.token, { tier: other, reason: 'x'.repeat(1001) }), 400,
      'reason');
    assertProblem(await put(supervisor.token, { reason: 'Doing well' }), 400, 'tier');
    assertProblem(await put(supervisor.token, { tier: 'extreme', reason: 'Doing well' }), 400,
      'tier');
    assertProblem(await put(supervisor.token, { tier: 3, reason: 'Doing well' }), 400, 'tier');
    assertProblem(await put(supervisor.token, { tier: other, reason: 'ok', until: 'May' }), 400,
      'until');
    assert.equal((await getJson(tierPath, coordinator.token)).override, null, 'nothing changed');

    const set = await put(supervisor.token,
      { tier: other, reason: 'Safety plan in place; sister stays with her' });
    assert.equal(set.status, 200, set.text);
    assert.equal(set.json.tier, other);
    assert.equal(set.json.computed_tier, highest, 'the rules still say why it was higher');
    assert.equal(set.json.override.tier, other);
    assert.equal(set.json.override.reason, 'Safety plan in place; sister stays with her');
    assert.equal(set.json.override.set_by, supervisor.user.id);
    assert.equal(set.json.override.set_by_name, DEMO.supervisor.display_name);
    assert.ok(Date.parse(set.json.override.set_at) > 0);
    assert.deepEqual(await getJson(tierPath, coordinator.token), set.json);

    const cleared = await put(supervisor.token, { tier: null, reason: 'Review: back to the rules' });
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(cleared.json.override, null);
    assert.equal(cleared.json.tier, highest);

    const stranger = await freshUser('care_coordinator', 'rt');
    assertProblem(await api(tierPath, { token: stranger.token }), 404);
    assertProblem(await api('/api/v1/participants/nope/risk-tier', { token: coordinator.token }),
      404);
  });
