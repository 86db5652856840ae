// SPDX-License-Identifier: Apache-2.0
// Person-centered care plans over real HTTP (docs/assessments.md "Care plans"; 001 §4 §10, 002):
// writing the plan, versions with If-Match so two editors never overwrite each other (a stale
// save is 412 with the plan as it is now, and nothing changes), the list of versions with what
// changed, reviews, goal progress, and a bad document that is 400 naming its field.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, assertProblem, DEMO, programDate } from './lib.mjs';
import { as, freshUser, getJson, openEpisode } from './care.mjs';

/** A complete document as the web sends it: empty ids are assigned on save. */
function document(overrides = {}) {
  return {
    needs: [{ id: '', description: 'Stable housing', assessment_ids: [] }],
    strengths: ['Close to her sister', 'Knows the bus routes'],
    goals: [{
      id: '', statement: 'I want my own apartment by spring', expressed_by: 'participant',
      need_ids: [], indicator: 'Nights housed per week', unit: 'nights', baseline: 2, target: 7,
      target_date: programDate(120), status: 'active',
    }],
    interventions: [{
      id: '', goal_id: '', action: 'Apply for a housing voucher', responsible: 'care_coordinator',
      responsible_name: '', frequency: 'once', due_date: programDate(20), status: 'planned',
    }],
    barriers: ['No ID documents'],
    natural_supports: [{ name: 'Ana', relationship: 'sister', role: 'rides to appointments',
      phone: '' }],
    resources: ['Food bank on Main St'],
    crisis_plan: { warning_signs: 'Stops answering the phone', coping_steps: 'Call her sister',
      contacts: [{ name: 'Mobile crisis', phone: '555-0100', role: 'crisis team' }],
      crisis_line: '988' },
    medical_summary: { diagnoses: ['Major depressive disorder'], medications: ['Sertraline'],
      allergies: [], providers: ['Dr. Okafor'] },
    transition_plan: [{ step: 'Join the peer-run recovery group', target_date: '', done: false }],
    agreement: { method: 'verbal', date: programDate(-1), signer: 'participant',
      signer_name: 'Ana', note: '' },
    review_date: programDate(90),
    ...overrides,
  };
}

const plansPath = (participantId) => `/api/v1/participants/${participantId}/care-plans`;

async function createPlan(token, episode, extra = {}) {
  const res = await api(plansPath(episode.participant_id), { token,
    json: { document: document(), change_note: 'First plan, written with Ana', ...extra } });
  assert.equal(res.status, 201, res.text);
  return res;
}

function put(path, token, json, version) {
  return api(path, { method: 'PUT', token, json,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` } });
}

test('write a care plan: 201 with ETag, ids assigned, idempotent per key, one per episode',
  async () => {
    const coordinator = await as('coordinator');
    const episode = await openEpisode();
    const path = plansPath(episode.participant_id);
    const key = `cp-${randomBytes(6).toString('hex')}`;
    const body = { document: document(), change_note: 'First plan, written with Ana' };
    const created = await api(path, { token: coordinator.token, json: body,
      headers: { 'idempotency-key': key } });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.headers.get('etag'), '"1"');
    const plan = created.json;
    assert.equal(plan.participant_id, episode.participant_id);
    assert.equal(plan.episode_id, episode.id, 'the open episode by default');
    assert.equal(plan.program_id, episode.program_id);
    assert.equal(plan.version, 1);
    assert.equal(plan.created_by, coordinator.user.id);
    assert.equal(plan.updated_by, coordinator.user.id);
    assert.equal(plan.updated_by_name, DEMO.coordinator.display_name);
    assert.ok(Date.parse(plan.created_at) > 0 && Date.parse(plan.updated_at) > 0);
    assert.deepEqual(plan.reviews, []);
    const d = plan.document;
    assert.ok(d.goals[0].id && d.needs[0].id && d.interventions[0].id, 'ids assigned on save');
    assert.equal(d.goals[0].statement, 'I want my own apartment by spring');
    assert.equal(d.goals[0].baseline, 2);
    assert.equal(d.goals[0].target_date, body.document.goals[0].target_date);
    assert.equal(d.review_date, body.document.review_date);
    assert.deepEqual(d.agreement, body.document.agreement);
    assert.deepEqual(d.crisis_plan, body.document.crisis_plan);
    assert.deepEqual(d.strengths, body.document.strengths);

    const again = await api(path, { token: coordinator.token, json: body,
      headers: { 'idempotency-key': key } });
    assert.equal(again.status, 201, again.text);
    assert.equal(again.json.id, plan.id);
    assertProblem(await api(path, { token: coordinator.token, json: body }), 409);

    const got = await api(`${path}/${plan.id}`, { token: coordinator.token });
    assert.equal(got.status, 200, got.text);
    assert.equal(got.headers.get('etag'), '"1"');
    assert.deepEqual(got.json, plan);
    assert.deepEqual((await getJson(path, coordinator.token)).items.map((p) => p.id), [plan.id]);

    const auditor = await as('auditor');
    assert.equal((await api(`${path}/${plan.id}`, { token: auditor.token })).status, 200);
    assertProblem(await put(`${path}/${plan.id}`, auditor.token, body, 1), 403);
    const stranger = await freshUser('care_coordinator', 'cp');
    assertProblem(await api(`${path}/${plan.id}`, { token: stranger.token }), 404);
    assertProblem(await api(path, { token: stranger.token }), 404);
    assertProblem(await api(`${path}/nope`, { token: coordinator.token }), 404);
  });

test('edit with If-Match: 200 version 2; a stale save is 412 with the plan as it is now',
  async () => {
    const coordinator = await as('coordinator');
    const supervisor = await as('supervisor');
    const episode = await openEpisode();
    const plan = (await createPlan(coordinator.token, episode)).json;
    const path = `${plansPath(episode.participant_id)}/${plan.id}`;

    // The coordinator moves the goal's target date; the supervisor, still on version 1, adds a
    // strength.
    const mine = structuredClone(plan.document);
    mine.goals[0].target_date = programDate(150);
    const theirs = structuredClone(plan.document);
    theirs.strengths.push('Plays guitar');

    const missing = await put(path, coordinator.token, { document: mine });
    assert.ok([400, 428].includes(missing.status), missing.text);
    assertProblem(missing, missing.status, 'If-Match');
    assertProblem(await put(path, coordinator.token, { document: mine }, 'x'), 400, 'If-Match');

    const saved = await put(path, coordinator.token,
      { document: mine, change_note: 'Ana wants more time' }, 1);
    assert.equal(saved.status, 200, saved.text);
    assert.equal(saved.headers.get('etag'), '"2"');
    assert.equal(saved.json.version, 2);
    assert.equal(saved.json.id, plan.id);
    assert.equal(saved.json.document.goals[0].id, plan.document.goals[0].id, 'ids kept');
    assert.equal(saved.json.document.goals[0].target_date, mine.goals[0].target_date);

    const stale = await put(path, supervisor.token, { document: theirs }, 1);
    assertProblem(stale, 412);
    assert.ok(stale.json.current, `412 carries current: ${stale.text}`);
    assert.equal(stale.json.current.id, plan.id);
    assert.equal(stale.json.current.version, 2);
    assert.deepEqual(stale.json.current.document, saved.json.document);
    const now = await api(path, { token: coordinator.token });
    assert.equal(now.headers.get('etag'), '"2"');
    assert.deepEqual(now.json, saved.json, 'nothing changed');

    // The supervisor re-applies the edit on top of version 2.
    const merged = structuredClone(stale.json.current.document);
    merged.strengths.push('Plays guitar');
    const third = await put(path, supervisor.token, { document: merged }, 2);
    assert.equal(third.status, 200, third.text);
    assert.equal(third.json.version, 3);
    assert.equal(third.json.updated_by_name, DEMO.supervisor.display_name);

    const versions = await getJson(`${path}/versions`, coordinator.token);
    assert.deepEqual(versions.items.map((v) => v.version), [3, 2, 1]);
    const [v3, v2, v1] = versions.items;
    assert.equal(v2.change_note, 'Ana wants more time');
    assert.equal(v2.created_by, coordinator.user.id);
    assert.equal(v2.created_by_name, DEMO.coordinator.display_name);
    assert.ok(v2.changes.length >= 1 && v2.changes.every((c) => typeof c === 'string'),
      JSON.stringify(v2.changes));
    assert.ok(v2.changes.some((c) => c.includes(mine.goals[0].target_date)),
      JSON.stringify(v2.changes));
    assert.ok(v3.changes.some((c) => c.includes('Plays guitar')), JSON.stringify(v3.changes));
    assert.equal(v1.change_note, 'First plan, written with Ana');
    assert.deepEqual(v1.document, plan.document);
    assert.deepEqual(await getJson(`${path}/versions/1`, coordinator.token), v1);
    assert.deepEqual(await getJson(`${path}/versions/2`, coordinator.token), v2);
    for (const n of ['4', '0', 'abc', '-1']) {
      assertProblem(await api(`${path}/versions/${n}`, { token: coordinator.token }), 404, undefined,
        `version ${n}`);
    }
  });

test('a bad document is 400 naming its field under document, and nothing is stored', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const path = plansPath(episode.participant_id);
  const goal = document().goals[0];
  const cases = [
    [{ goals: [{ ...goal, target_date: '' }] }, 'document.goals[0].target_date'],
    [{ goals: [{ ...goal, target_date: 'next spring' }] }, 'document.goals[0].target_date'],
    [{ goals: [{ ...goal, target_date: 20270301 }] }, 'document.goals[0].target_date'],
    [{ goals: [{ ...goal, statement: '' }] }, 'document.goals[0].statement'],
    [{ goals: [{ ...goal, baseline: 'two' }] }, 'document.goals[0].baseline'],
    [{ goals: [{ ...goal, status: 'finished' }] }, 'document.goals[0].status'],
    [{ review_date: '' }, 'document.review_date'],
    [{ agreement: { method: 'declined', date: programDate(-1), signer: 'participant',
      signer_name: 'Ana', note: '' } }, 'document.agreement.note'],
    [{ strengths: 'kind' }, 'document.strengths'],
    [{ colour: 'blue' }, 'document'],
  ];
  for (const [overrides, field] of cases) {
    const res = await api(path, { token: coordinator.token,
      json: { document: document(overrides) } });
    assertProblem(res, 400, field, JSON.stringify(overrides));
  }
  assertProblem(await api(path, { token: coordinator.token, json: {} }), 400, 'document');
  assertProblem(await api(path, { token: coordinator.token, json: { document: [] } }), 400,
    'document');
  assertProblem(await api(path, { token: coordinator.token,
    json: { document: document(), change_note: 5 } }), 400, 'change_note');
  assertProblem(await api(path, { token: coordinator.token,
    json: { document: document(), version: 1 } }), 400, 'version');
  assert.deepEqual((await getJson(path, coordinator.token)).items, [], 'nothing stored');

  // The same on an update: 400, and the plan stays at version 1.
  const plan = (await createPlan(coordinator.token, episode)).json;
  const bad = document({ goals: [{ ...goal, target_date: '' }] });
  assertProblem(await put(`${path}/${plan.id}`, coordinator.token, { document: bad }, 1), 400,
    'document.goals[0].target_date');
  assert.equal((await getJson(`${path}/${plan.id}`, coordinator.token)).version, 1);
});

test('reviews: If-Match, a new version with the next review date; coordination roles only',
  async () => {
    const coordinator = await as('coordinator');
    const episode = await openEpisode();
    const plan = (await createPlan(coordinator.token, episode)).json;
    const path = `${plansPath(episode.participant_id)}/${plan.id}/reviews`;
    // A review is of the plan as written, so not before today here.
    const review = { reviewed_on: programDate(0), next_review_date: programDate(89),
      participants: 'Ana, her sister, Casey', note: 'Goals still hers; voucher applied for.' };
    const post = (token, json, version) => api(path, { token, json,
      headers: version === undefined ? {} : { 'if-match': `"${version}"` } });

    const missing = await post(coordinator.token, review);
    assert.ok([400, 428].includes(missing.status), missing.text);
    assertProblem(missing, missing.status, 'If-Match');
    assertProblem(await post((await as('peer')).token, review, 1), 403);
    const bad = [
      [{ ...review, reviewed_on: undefined }, 'reviewed_on'],
      [{ ...review, reviewed_on: 'yesterday' }, 'reviewed_on'],
      [{ ...review, reviewed_on: programDate(3) }, 'reviewed_on'],
      [{ ...review, reviewed_on: programDate(-1) }, 'reviewed_on'],
      [{ ...review, next_review_date: undefined }, 'next_review_date'],
      [{ ...review, next_review_date: programDate(0) }, 'next_review_date'],
      [{ ...review, participants: '' }, 'participants'],
      [{ ...review, note: 7 }, 'note'],
      [{ ...review, outcome: 'good' }, 'outcome'],
    ];
    for (const [json, field] of bad) {
      assertProblem(await post(coordinator.token, json, 1), 400, field, JSON.stringify(json));
    }
    assert.equal((await getJson(`${plansPath(episode.participant_id)}/${plan.id}`,
      coordinator.token)).version, 1, 'nothing changed');

    const done = await post(coordinator.token, review, 1);
    assert.equal(done.status, 201, done.text);
    assert.equal(done.headers.get('etag'), '"2"');
    assert.equal(done.json.version, 2);
    assert.equal(done.json.document.review_date, review.next_review_date);
    assert.equal(done.json.reviews.length, 1);
    const r = done.json.reviews[0];
    assert.equal(r.version, 2);
    assert.equal(r.reviewed_on, review.reviewed_on);
    assert.equal(r.next_review_date, review.next_review_date);
    assert.equal(r.participants, review.participants);
    assert.equal(r.note, review.note);
    assert.equal(r.recorded_by, coordinator.user.id);
    assert.equal(r.recorded_by_name, DEMO.coordinator.display_name);

    const stale = await post(coordinator.token, review, 1);
    assertProblem(stale, 412);
    assert.equal(stale.json.current.version, 2, stale.text);
    assert.equal(stale.json.current.reviews.length, 1);
  });

test('goal progress: recorded and listed by date; validated; only goals of the plan', async () => {
  const coordinator = await as('coordinator');
  const supervisor = await as('supervisor');
  const episode = await openEpisode();
  const plan = (await createPlan(coordinator.token, episode)).json;
  const goalId = plan.document.goals[0].id;
  const base = `${plansPath(episode.participant_id)}/${plan.id}/goals`;
  const path = `${base}/${goalId}/progress`;

  const later = await api(path, { token: supervisor.token,
    json: { observed_on: programDate(-1), value: 5, note: 'Housed five nights' } });
  assert.equal(later.status, 201, later.text);
  assert.equal(later.json.goal_id, goalId);
  assert.equal(later.json.observed_on, programDate(-1));
  assert.equal(later.json.value, 5);
  assert.equal(later.json.note, 'Housed five nights');
  assert.equal(later.json.recorded_by, supervisor.user.id);
  assert.equal(later.json.recorded_by_name, DEMO.supervisor.display_name);
  const earlier = await api(path, { token: coordinator.token,
    json: { observed_on: programDate(-8), value: 3.5 } });
  assert.equal(earlier.status, 201, earlier.text);
  assert.equal(earlier.json.note, '');

  const bad = [
    [{ value: 4 }, 'observed_on'],
    [{ observed_on: 'last week', value: 4 }, 'observed_on'],
    [{ observed_on: programDate(2), value: 4 }, 'observed_on'],
    [{ observed_on: programDate(-2) }, 'value'],
    [{ observed_on: programDate(-2), value: 'four' }, 'value'],
    [{ observed_on: programDate(-2), value: 4, note: 'x'.repeat(1001) }, 'note'],
    [{ observed_on: programDate(-2), value: 4, unit: 'nights' }, 'unit'],
  ];
  for (const [json, field] of bad) {
    assertProblem(await api(path, { token: coordinator.token, json }), 400, field,
      JSON.stringify(json));
  }
  assertProblem(await api(`${base}/nope/progress`, { token: coordinator.token,
    json: { observed_on: programDate(-2), value: 4 } }), 404);
  assertProblem(await api(path, { token: (await as('auditor')).token,
    json: { observed_on: programDate(-2), value: 4 } }), 403);

  const list = await getJson(path, coordinator.token);
  assert.deepEqual(list.items.map((p) => p.id), [earlier.json.id, later.json.id], 'by date');
  assert.deepEqual(list.items[1], later.json);
  assertProblem(await api(`${base}/nope/progress`, { token: coordinator.token }), 404);
});
