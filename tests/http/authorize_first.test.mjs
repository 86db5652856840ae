// SPDX-License-Identifier: Apache-2.0
// Issue 11: every route authorizes before it reads the body. A caller who may not use a route,
// or may not see the participant its path names, must learn nothing about what the route
// expects: the answer is 401, 403 or 404 whatever is sent, never a 400 describing the body (nor
// 409, 412, 413, 415, 422 or 428 about headers and state).
//
// The routes come from the served OpenAPI document, so a route added later is covered without
// touching this file. Which record a path parameter names is read from the segment before it
// (participants/{id}, episodes/{id}, ...); the records are made for the test by another user,
// and the demo coordinator, whose caseload they are not on, is the stranger.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { api, demoProgram, DEMO, programDate } from './lib.mjs';
import { as, freshUser, hoursFromNow, openEpisode } from './care.mjs';

// Bodies no handler would accept, each with the headers that would make the handler complain
// about something else first if it ran: a missing If-Match (428) in the first two, and in the
// last an If-Match that is no version, an Idempotency-Key longer than the 200 allowed and a
// content type that is not JSON (all 400).
const MALFORMED = [
  { name: 'truncated JSON', body: '{"x":', headers: { 'content-type': 'application/json' } },
  { name: 'an empty object', body: '{}', headers: { 'content-type': 'application/json' } },
  {
    name: 'not JSON, bad headers',
    body: 'x=1',
    headers: {
      'content-type': 'text/plain', 'if-match': 'seven', 'idempotency-key': 'k'.repeat(300),
    },
  },
];

// Path segments whose parameter names a record of a participant: the relationship with that
// participant decides before anything else whether the caller may use the route.
const PARTICIPANT_RECORDS = new Set(['participants', 'episodes', 'related-persons',
  'care-team-members', 'contacts', 'consents', 'transitions', 'appointments']);

// Emergency access is how a permitted role reaches a participant it has no relationship with
// ("break the glass", docs/participant-record.md), so a stranger is authorized there; its role
// check is still covered below.
const BREAK_THE_GLASS = new Set(['/api/v1/participants/{id}/emergency-access']);

const PUBLIC = new Set(['session.create']);  // sign-in: nobody is signed in yet

let routesPromise = null;
/** The non-GET routes of the served document: [{method, path, permission}]. */
function writeRoutes() {
  routesPromise ??= (async () => {
    const doc = await api('/api/v1/openapi.json');
    assert.equal(doc.status, 200, doc.text);
    const routes = [];
    for (const [path, item] of Object.entries(doc.json.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'get' || method === 'head') continue;
        routes.push({ method: method.toUpperCase(), path, permission: op['x-permission'] });
      }
    }
    return routes;
  })();
  return routesPromise;
}

/** The path's parameters with the record each names: [{name, kind}] (kind: preceding segment). */
function parameters(path) {
  const segments = path.split('/');
  const out = [];
  segments.forEach((s, i) => {
    if (s.startsWith('{')) out.push({ name: s.slice(1, -1), kind: segments[i - 1] });
  });
  return out;
}

/** Whether the route's first parameter names a participant's record. */
function participantScoped(path) {
  const first = parameters(path)[0];
  return first !== undefined && PARTICIPANT_RECORDS.has(first.kind) && !BREAK_THE_GLASS.has(path);
}

/** The path with each parameter replaced: ids[kind] when given, else a random UUID. */
function fill(path, ids = {}) {
  let out = path;
  for (const { name, kind } of parameters(path)) {
    out = out.replace(`{${name}}`, encodeURIComponent(ids[kind] ?? randomUUID()));
  }
  return out;
}

let recordsPromise = null;
/**
 * One participant's records, made by a fresh coordinator accountable for the episode (the demo
 * coordinator has no relationship with the participant): ids by path segment.
 */
function records() {
  recordsPromise ??= (async () => {
    const program = await demoProgram();
    const owner = await freshUser('care_coordinator', 'af');
    const episode = await openEpisode({ coordinatorId: owner.id });
    const made = async (path, json) => {
      const res = await api(path, { token: owner.token, json });
      assert.equal(res.status, 201, `${path}: ${res.status} ${res.text}`);
      return res.json.id;
    };
    const p = `/api/v1/participants/${episode.participant_id}`;
    const e = `/api/v1/episodes/${episode.id}`;
    const transition = await made(`${e}/transitions`, {
      level: 'inpatient_psychiatric', facility: 'St. Mary Behavioral Health',
      admitted_at: hoursFromNow(-60), discharged_at: hoursFromNow(-48), medication_needed: true,
    });
    return {
      participants: episode.participant_id,
      episodes: episode.id,
      programs: program.id,
      'related-persons': await made(`${p}/related-persons`,
        { name: 'Rosa', relationship: 'parent', roles: ['legal_guardian'] }),
      'care-team-members': await made(`${e}/care-team`,
        { role: 'psychiatrist', external_name: 'Dr. Ada Okafor' }),
      contacts: await made(`${e}/contacts`, {
        duration_minutes: 15, mode: 'phone', successful: true, with_whom: 'participant',
        purposes: ['engagement'], outcome: 'engaged', narrative: 'Checked in by phone.',
      }),
      consents: await made(`${p}/consents`, {
        party: { kind: 'person', name: 'Dana Smith' }, purpose: 'family support',
        categories: ['mental_health'], effective_date: programDate(-30),
        expiry_date: programDate(300), signed_by: 'participant', signed_date: programDate(-30),
      }),
      transitions: transition,
      appointments: await made(`/api/v1/transitions/${transition}/appointments`,
        { status: 'kept', scheduled_for: hoursFromNow(-24), provider: 'Dr. Okafor' }),
    };
  })();
  return recordsPromise;
}

let allowedPromise = null;
/** Per demo user, the role-gated permissions their roles grant (GET /me `allowed`). */
function allowedByUser() {
  allowedPromise ??= (async () => {
    const out = {};
    for (const who of Object.keys(DEMO)) {
      const s = await as(who);
      const me = await api('/api/v1/me', { token: s.token });
      assert.equal(me.status, 200, me.text);
      out[who] = new Set(me.json.allowed.flatMap((p) => p.actions));
    }
    return out;
  })();
  return allowedPromise;
}

/**
 * Sends every malformed body to `method path` (as `token`, or anonymously) and returns a line
 * per answer that is not an `expected` problem without a field.
 */
async function probe(method, path, token, expected, who) {
  const wrong = [];
  for (const m of MALFORMED) {
    const res = await api(path, { method, token, body: m.body, headers: m.headers });
    const problem = /^application\/problem\+json/i.test(res.headers.get('content-type') || '');
    // A refusal names no field: the field of a 400 is exactly what a stranger must not learn.
    if (res.status !== expected || !problem || res.json?.field !== undefined) {
      wrong.push(`${method} ${path} as ${who} with ${m.name}: expected ${expected}, got ` +
        `${res.status} ${res.text.slice(0, 160)}`);
    }
  }
  return wrong;
}

test('the served document has the write routes this test walks', async () => {
  const routes = await writeRoutes();
  // A floor, not the count: the table only grows. Falling below it means the document broke.
  assert.ok(routes.length >= 35, `write routes in the OpenAPI document: ${routes.length}`);
  for (const r of routes) assert.ok(r.permission, `${r.method} ${r.path} has an x-permission`);
  const scoped = routes.filter((r) => participantScoped(r.path));
  assert.ok(scoped.length >= 20, `participant-scoped write routes: ${scoped.length}`);
});

test('no credentials: 401 on every write route, whatever the body', async () => {
  const ids = await records();
  const wrong = [];
  for (const r of await writeRoutes()) {
    if (PUBLIC.has(r.permission)) continue;
    wrong.push(...await probe(r.method, fill(r.path, ids), undefined, 401, 'nobody'));
  }
  assert.deepEqual(wrong, []);
});

test('a role that does not permit the route: 403 on every write route, whatever the body',
  async () => {
    const ids = await records();
    const allowed = await allowedByUser();
    const roleGated = new Set(Object.values(allowed).flatMap((s) => [...s]));
    const wrong = [];
    let refusals = 0;
    for (const r of await writeRoutes()) {
      // Routes for anyone signed in (sign-out, own password) have no role to lack.
      if (PUBLIC.has(r.permission) || !roleGated.has(r.permission)) continue;
      const lacking = Object.keys(DEMO).filter((who) => !allowed[who].has(r.permission));
      assert.ok(lacking.length > 0, `some demo user lacks ${r.permission}`);
      for (const who of lacking) {
        const s = await as(who);
        // The real records first (the auditor may read them; the peer may not even see them:
        // the role decides before the relationship), then ids of nothing at all.
        wrong.push(...await probe(r.method, fill(r.path, ids), s.token, 403, who));
        wrong.push(...await probe(r.method, fill(r.path), s.token, 403, who));
        refusals++;
      }
    }
    assert.deepEqual(wrong, []);
    assert.ok(refusals >= 40, `route × user refusals checked: ${refusals}`);
  });

test('a coordinator with no relationship to the participant: 404 on every participant route, ' +
  'whatever the body', async () => {
  const ids = await records();
  const allowed = await allowedByUser();
  const coordinator = await as('coordinator');
  const wrong = [];
  let checked = 0;
  for (const r of await writeRoutes()) {
    // The role check answers first where the coordinator's role does not permit the route
    // (the test above); here the role permits it and the relationship is what is missing.
    if (!participantScoped(r.path) || !allowed.coordinator.has(r.permission)) continue;
    // Someone else's participant, then one that does not exist: the same answer.
    wrong.push(...await probe(r.method, fill(r.path, ids), coordinator.token, 404, 'coordinator'));
    wrong.push(...await probe(r.method, fill(r.path), coordinator.token, 404, 'coordinator'));
    checked++;
  }
  assert.deepEqual(wrong, []);
  assert.ok(checked >= 20, `participant-scoped routes checked: ${checked}`);
});

test('the refusal is audited as denied, and the body is never read', async () => {
  const coordinator = await as('coordinator');
  const auditor = await as('auditor');
  const from = new Date(Date.now() - 1000).toISOString();
  const res = await api('/api/v1/users', { token: coordinator.token, body: '{}',
    headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 403, res.text);
  const ids = await records();
  const contact = await api(`/api/v1/contacts/${ids.contacts}`, { method: 'PATCH',
    token: coordinator.token, body: '{"x":', headers: { 'content-type': 'application/json' } });
  assert.equal(contact.status, 404, contact.text);
  const to = new Date(Date.now() + 1000).toISOString();
  const audit = await api(`/api/v1/audit?${new URLSearchParams({
    user_id: coordinator.user.id, from, to, limit: '200' })}`, { token: auditor.token });
  assert.equal(audit.status, 200, audit.text);
  const denied = audit.json.items.filter((e) => e.actor_id === coordinator.user.id &&
    e.outcome === 'denied');
  assert.ok(denied.some((e) => e.action === 'user.create'),
    `the 403 is audited: ${JSON.stringify(audit.json.items)}`);
  assert.ok(denied.some((e) => e.action === 'contact.update' &&
    e.participant_id === ids.participants),
  `the 404 is audited with the participant: ${JSON.stringify(audit.json.items)}`);
});
