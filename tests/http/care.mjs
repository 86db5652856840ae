// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the HTTP tests of policies, obligations, worklists, transitions and on call
// (docs/worklists.md): demo sessions, fresh staff, and episodes made through intake.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { api, createUser, DEMO, mustLogin } from './lib.mjs';

const sessions = {};
/** A Bearer session of a demo user ('coordinator', 'supervisor', ...), one per test file. */
export async function as(who) {
  sessions[who] ??= await mustLogin(DEMO[who].username);
  return sessions[who];
}

/** A fresh user with `role` in the demo program, signed in: {id, token, name}. */
export async function freshUser(role = 'care_coordinator', prefix = 'ob') {
  const u = await createUser({ role, prefix });
  const s = await mustLogin(u.username, u.password);
  return { id: u.user.id, token: s.token, name: u.user.display_name };
}

/** An RFC 3339 instant `hours` from now (negative: in the past), whole seconds. */
export function hoursFromNow(hours) {
  return new Date(Date.now() + hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * A participant with an engaging episode accountable to `coordinatorId` (default: the demo
 * coordinator), from a referral received `receivedHoursAgo` hours ago: the Episode JSON.
 */
export async function openEpisode({ coordinatorId, receivedHoursAgo = 72 } = {}) {
  const sup = await as('supervisor');
  const coordinator = coordinatorId ?? (await as('coordinator')).user.id;
  const created = await api('/api/v1/referrals', {
    token: sup.token,
    json: {
      urgency: 'routine',
      reason: 'Follow-up after discharge',
      received_at: hoursFromNow(-receivedHoursAgo),
      source: { setting: 'emergency_department' },
      person: { given_name: 'Ana', family_name: `Ob${randomBytes(5).toString('hex')}`,
        birth_date: '1984-03-09' },
    },
  });
  assert.equal(created.status, 201, created.text);
  const accepted = await api(`/api/v1/referrals/${created.json.id}/accept`, {
    token: sup.token,
    json: { coordinator_id: coordinator },
    headers: { 'if-match': `"${created.json.version}"` },
  });
  assert.equal(accepted.status, 200, accepted.text);
  const got = await api(`/api/v1/episodes/${accepted.json.episode_id}`, { token: sup.token });
  assert.equal(got.status, 200, got.text);
  return got.json;
}

/** GET a path as `token`, asserting 200; returns the JSON. */
export async function getJson(path, token) {
  const res = await api(path, { token });
  assert.equal(res.status, 200, `GET ${path}: ${res.status} ${res.text}`);
  return res.json;
}
