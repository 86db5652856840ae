// SPDX-License-Identifier: Apache-2.0
// Worklists, an episode's obligations, the supervisor dashboard, compliance history and the
// contact schedule over real HTTP (docs/worklists.md "API"). Episodes come from intake with a
// referral received days ago, so the warm hand-off (001 §8: within 24 h) is overdue.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, DEMO, demoProgram, PROGRAM_TZ } from './lib.mjs';
import { as, freshUser, getJson, hoursFromNow, openEpisode } from './care.mjs';

function worklistItem(worklist, episodeId, ruleId) {
  return worklist.items.find((i) => i.episode_id === episodeId && i.rule_id === ruleId);
}

test('a coordinator\'s worklist: overdue warm hand-off with its explanation and prefill', async () => {
  const coordinator = await as('coordinator');
  const episode = await openEpisode();
  const res = await api('/api/v1/worklist', { token: coordinator.token });
  assert.equal(res.status, 200, res.text);
  const w = res.json;
  assert.ok(!Number.isNaN(Date.parse(w.as_of)), w.as_of);
  const item = worklistItem(w, episode.id, 'warm_handoff');
  assert.ok(item, `warm_handoff of ${episode.id} in ${res.text.slice(0, 2000)}`);
  assert.equal(item.bucket, 'overdue');
  assert.equal(item.status, 'overdue');
  assert.equal(item.participant_id, episode.participant_id);
  assert.match(item.participant_name, /^Ana Ob/);
  assert.equal(item.rule_title, 'Warm hand-off');
  assert.equal(item.cite, '001 §8');
  assert.ok(item.key.startsWith('warm_handoff/'), item.key);
  assert.equal(item.required, 1);
  assert.equal(item.counted, 0);
  assert.ok(item.explanation.length > 10, item.explanation);
  assert.ok(Date.parse(item.due_at) < Date.now());
  assert.ok(Date.parse(item.window_start) < Date.parse(item.due_at));
  assert.deepEqual(item.log_contact,
    { mode: 'in_person', purposes: ['warm_handoff'], with_whom: 'participant' });
  // Every item is explained; counts agree with the buckets.
  for (const i of w.items) {
    assert.ok(i.explanation, JSON.stringify(i));
    assert.ok(['overdue', 'today', 'this_week'].includes(i.bucket), i.bucket);
    assert.ok(['overdue', 'due'].includes(i.status), i.status);
    assert.ok(i.log_contact === null || typeof i.log_contact.mode === 'string');
  }
  for (const bucket of ['overdue', 'today', 'this_week']) {
    assert.equal(w.counts[bucket], w.items.filter((i) => i.bucket === bucket).length, bucket);
  }
  const firstNonOverdue = w.items.findIndex((i) => i.bucket !== 'overdue');
  if (firstNonOverdue >= 0) {
    assert.ok(w.items.slice(firstNonOverdue).every((i) => i.bucket !== 'overdue'),
      'overdue items first');
  }
});

test('logging the suggested contact clears the item from the next worklist', async () => {
  const c = await freshUser('care_coordinator', 'wl');
  const episode = await openEpisode({ coordinatorId: c.id });
  const before = await getJson('/api/v1/worklist', c.token);
  const item = worklistItem(before, episode.id, 'warm_handoff');
  assert.ok(item, JSON.stringify(before));
  assert.equal(before.counts.overdue >= 1, true);
  const logged = await api(`/api/v1/episodes/${episode.id}/contacts`, {
    token: c.token,
    json: { ...item.log_contact, setting: 'hospital', successful: true, outcome: 'engaged', duration_minutes: 30,
      narrative: 'Met at discharge; introduced myself as the care coordinator.' },
  });
  assert.equal(logged.status, 201, logged.text);
  const after = await getJson('/api/v1/worklist', c.token);
  assert.equal(after.items.find((i) => i.key === item.key && i.episode_id === episode.id),
    undefined, JSON.stringify(after));
  assert.equal(after.counts.overdue, before.counts.overdue - 1);
  // Someone else's worklist never shows it.
  const other = await freshUser('care_coordinator', 'wl');
  const theirs = await getJson('/api/v1/worklist', other.token);
  assert.equal(theirs.items.find((i) => i.episode_id === episode.id), undefined);
  assert.deepEqual(theirs.counts, { overdue: 0, today: 0, this_week: 0 });
});

test('worklist access: staff roles only', async () => {
  for (const who of ['supervisor', 'peer', 'nurse']) {
    const r = await api('/api/v1/worklist', { token: (await as(who)).token });
    assert.equal(r.status, 200, `${who}: ${r.text}`);
  }
  for (const who of ['admin', 'auditor']) {
    assertProblem(await api('/api/v1/worklist', { token: (await as(who)).token }), 403, undefined,
      who);
  }
  assertProblem(await api('/api/v1/worklist'), 401);
});

test('an episode\'s obligations, live and as of a moment', async () => {
  const c = await freshUser('care_coordinator', 'ob');
  const episode = await openEpisode({ coordinatorId: c.id });
  const path = `/api/v1/episodes/${episode.id}/obligations`;
  const open = await getJson(path, c.token);
  assert.equal(open.episode_id, episode.id);
  assert.equal(typeof open.policy_version, 'number');
  const handoff = open.items.find((i) => i.rule_id === 'warm_handoff');
  assert.ok(handoff, JSON.stringify(open));
  assert.equal(handoff.status, 'overdue');
  assert.equal(handoff.resolved_at, null);
  assert.equal(handoff.assignee_id, c.id);
  assert.ok(handoff.explanation);
  assert.equal(handoff.bucket, undefined);
  const statuses = ['upcoming', 'due', 'overdue', 'missed', 'met', 'excused', 'ended'];
  for (const i of open.items) assert.ok(statuses.includes(i.status), i.status);

  // A moment after the episode was recorded and before the contact is (same clock: loopback).
  const pause = () => new Promise((resolve) => { setTimeout(resolve, 50); });
  await pause();
  const beforeContact = new Date().toISOString();
  await pause();
  const logged = await api(`/api/v1/episodes/${episode.id}/contacts`, {
    token: c.token,
    json: { mode: 'in_person', setting: 'office', with_whom: 'participant', purposes: ['warm_handoff'],
      successful: true, outcome: 'engaged', duration_minutes: 20, narrative: 'Met in person.' },
  });
  assert.equal(logged.status, 201, logged.text);
  const now = await getJson(path, c.token);
  const met = now.items.find((i) => i.key === handoff.key);
  assert.equal(met.status, 'met', JSON.stringify(met));
  assert.ok(met.resolved_at);

  // As of a moment before the contact was recorded, it was still overdue.
  const then = await getJson(`${path}?as_of=${encodeURIComponent(beforeContact)}`, c.token);
  assert.equal(then.as_of.slice(0, 19), beforeContact.slice(0, 19));
  const earlier = then.items.find((i) => i.key === handoff.key);
  assert.ok(earlier, `${handoff.key} in ${JSON.stringify(then)}`);
  assert.equal(earlier.status, 'overdue');

  assertProblem(await api(`${path}?as_of=${encodeURIComponent(hoursFromNow(48))}`,
    { token: c.token }), 400, 'as_of');
  assertProblem(await api(`${path}?as_of=yesterday`, { token: c.token }), 400, 'as_of');
  assertProblem(await api('/api/v1/episodes/nope/obligations', { token: c.token }), 404);
  // Auditors read; an unrelated coordinator does not see the episode at all.
  const audited = await api(path, { token: (await as('auditor')).token });
  assert.equal(audited.status, 200, audited.text);
  const stranger = await freshUser('care_coordinator', 'ob');
  assertProblem(await api(path, { token: stranger.token }), 404);
});

test('the supervisor dashboard and compliance history', async () => {
  const program = await demoProgram();
  const sup = await as('supervisor');
  // Due 2 h ago: overdue, and (but in a month's first two hours) due this month.
  await openEpisode({ receivedHoursAgo: 26 });
  const path = `/api/v1/programs/${program.id}/dashboard`;
  const d = await getJson(path, sup.token);
  assert.equal(d.program_id, program.id);
  const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TZ, year: 'numeric',
    month: '2-digit' }).format(new Date());
  assert.equal(d.month, thisMonth);
  assert.ok(d.rules.some((r) => r.rule_id === 'warm_handoff'), JSON.stringify(d.rules));
  assert.deepEqual(d.program.map((r) => r.rule_id), d.rules.map((r) => r.rule_id));
  for (const r of d.program) {
    for (const k of ['met', 'excused', 'missed', 'overdue', 'pending']) {
      assert.equal(typeof r[k], 'number', k);
    }
    assert.ok(r.rate === null || (r.rate >= 0 && r.rate <= 1), String(r.rate));
  }
  const row = d.coordinators.find((c) => c.display_name === DEMO.coordinator.display_name);
  assert.ok(row, JSON.stringify(d.coordinators));
  assert.ok(row.caseload >= 1, JSON.stringify(row));
  assert.ok(row.overdue >= 1, JSON.stringify(row));
  const handoff = d.program.find((r) => r.rule_id === 'warm_handoff');
  assert.ok(handoff.overdue >= 1, JSON.stringify(handoff));

  const lastMonth = await getJson(`${path}?month=2025-01`, sup.token);
  assert.equal(lastMonth.month, '2025-01');
  for (const bad of ['2025-13', '2025-1', 'soon', '2025-01-01']) {
    assertProblem(await api(`${path}?month=${bad}`, { token: sup.token }), 400, 'month', bad);
  }
  for (const who of ['admin', 'auditor']) {
    assert.equal((await api(path, { token: (await as(who)).token })).status, 200, who);
  }
  for (const who of ['coordinator', 'peer']) {
    assertProblem(await api(path, { token: (await as(who)).token }), 403, undefined, who);
  }
  assertProblem(await api('/api/v1/programs/nope/dashboard', { token: sup.token }), 404);

  const history = await getJson(`/api/v1/programs/${program.id}/compliance?months=3`, sup.token);
  assert.equal(history.program_id, program.id);
  assert.equal(history.months.length, 3);
  assert.equal(history.months[2].month, thisMonth);
  assert.ok(history.months[0].month < history.months[1].month);
  const six = await getJson(`/api/v1/programs/${program.id}/compliance`, sup.token);
  assert.equal(six.months.length, 6);
  for (const bad of ['0', '25', 'x', '-1']) {
    assertProblem(await api(`/api/v1/programs/${program.id}/compliance?months=${bad}`,
      { token: sup.token }), 400, 'months', bad);
  }
});

test('contact schedule: within the policy\'s bounds, If-Match, and on the episode', async () => {
  const c = await freshUser('care_coordinator', 'cs');
  const episode = await openEpisode({ coordinatorId: c.id });
  assert.deepEqual(episode.contact_schedule, { per_week: 0, reason: '', note: '' });
  assert.equal(episode.time_zone, PROGRAM_TZ);
  const path = `/api/v1/episodes/${episode.id}/contact-schedule`;
  const put = (json, version = episode.version, token = c.token) => api(path, {
    method: 'PUT', token, json,
    headers: version === null ? {} : { 'if-match': `"${version}"` },
  });
  const good = { per_week: 5, reason: 'safety', note: 'Recent crisis; daily check-ins preferred.' };
  assertProblem(await put(good, null), 428, 'If-Match');
  assertProblem(await put(good, episode.version + 5), 412);
  assertProblem(await put({ ...good, per_week: 2 }), 400, 'per_week');
  assertProblem(await put({ ...good, per_week: 8 }), 400, 'per_week');
  assertProblem(await put({ ...good, per_week: '5' }), 400, 'per_week');
  assertProblem(await put({ ...good, per_week: 4.5 }), 400, 'per_week');
  assertProblem(await put({ reason: 'safety' }), 400, 'per_week');
  assertProblem(await put({ ...good, reason: 'convenience' }), 400, 'reason');
  assertProblem(await put({ per_week: 5 }), 400, 'reason');
  assertProblem(await put({ ...good, note: 'x'.repeat(1001) }), 400, 'note');
  assertProblem(await put({ ...good, perweek: 5 }), 400, 'perweek');
  assertProblem(await put(good, episode.version, (await as('peer')).token), 403);
  const unchanged = await getJson(`/api/v1/episodes/${episode.id}`, c.token);
  assert.equal(unchanged.version, episode.version);
  assert.deepEqual(unchanged.contact_schedule, { per_week: 0, reason: '', note: '' });

  const set = await put(good);
  assert.equal(set.status, 200, set.text);
  assert.deepEqual(set.json.contact_schedule, good);
  assert.equal(set.json.version, episode.version + 1);
  assert.equal(set.headers.get('etag'), `"${episode.version + 1}"`);
  assertProblem(await put({ ...good, per_week: 3 }), 412);
});
