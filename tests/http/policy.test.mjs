// SPDX-License-Identifier: Apache-2.0
// A program's policy file over real HTTP (docs/worklists.md "Policy"): reading it, checking a
// draft, replacing it (administrators; If-Match its version) and the 400 that names the line and
// key of a malformed file. The file is put back as it was at the end, since the server is shared
// with the other test files.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, assertProblem, DEMO, demoProgram, PROGRAM_NAME, PROGRAM_TZ } from './lib.mjs';
import { as, getJson } from './care.mjs';

let original = null;  // {source, version} as first read

async function policyPath() {
  return `/api/v1/programs/${(await demoProgram()).id}/policy`;
}

async function current() {
  const res = await api(await policyPath(), { token: (await as('admin')).token });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.headers.get('etag'), `"${res.json.version}"`);
  original ??= { source: res.json.source, version: res.json.version };
  return res.json;
}

function put(path, token, json, version) {
  return api(path, {
    method: 'PUT', token, json,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
}

// The 1-based line of `needle` after the line holding `after`.
function lineOf(source, afterText, needle) {
  const lines = source.split('\n');
  const start = lines.findIndex((l) => l.includes(afterText));
  assert.ok(start >= 0, afterText);
  const at = lines.findIndex((l, i) => i > start && l.trim().startsWith(needle));
  assert.ok(at >= 0, needle);
  return at + 1;
}

function replaceLine(source, line, text) {
  const lines = source.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

function assertPolicyProblem(res, line, key, what) {
  assertProblem(res, 400, 'source', what);
  assert.ok(Array.isArray(res.json.errors) && res.json.errors.length >= 1, `${what}: ${res.text}`);
  const e = res.json.errors[0];
  assert.equal(e.field, 'source', what);
  assert.equal(e.line, line, `${what}: ${res.text}`);
  assert.equal(e.key, key, `${what}: ${res.text}`);
  assert.match(e.message, new RegExp(`line ${line}`), what);
  assert.match(res.json.detail, new RegExp(`line ${line}`), what);
}

// Only on a shared server: a server of this file's own is gone by now (lib.mjs stops it).
after(async () => {
  if (!original || !process.env.CARECOORD_URL) return;
  const now = await current();
  if (now.source === original.source) return;
  const res = await put(await policyPath(), (await as('admin')).token,
    { source: original.source, note: 'policy.test.mjs: put back' }, now.version);
  assert.equal(res.status, 200, res.text);
});

test('everyone signed in reads the policy in plain language', async () => {
  const program = await demoProgram();
  for (const who of ['coordinator', 'peer', 'auditor', 'admin']) {
    const p = await getJson(await policyPath(), (await as(who)).token);
    assert.equal(p.program_id, program.id, who);
    assert.equal(p.program_name, PROGRAM_NAME);
    assert.equal(p.time_zone, PROGRAM_TZ);
    assert.equal(typeof p.version, 'number');
    assert.match(p.source, /\[\[rule\]\]/);
    assert.deepEqual(p.schedule, { min_per_week: 3, max_per_week: 7, default_per_week: 3 });
    const ids = p.rules.map((r) => r.id);
    for (const id of ['warm_handoff', 'early_engagement', 'psychiatric_linkage',
      'transition_follow_up', 'release_renewal']) {
      assert.ok(ids.includes(id), `${id} in ${ids}`);
    }
    const warm = p.rules.find((r) => r.id === 'warm_handoff');
    assert.equal(warm.title, 'Warm hand-off');
    assert.equal(warm.cite, '001 §8');
    assert.equal(warm.enabled, true);
    assert.match(warm.description, /24 hours/);
  }
  assertProblem(await api('/api/v1/programs/nope/policy',
    { token: (await as('coordinator')).token }), 404);
  assertProblem(await api(await policyPath()), 401);
});

test('a malformed file is 400 naming line and key, and nothing changes', async () => {
  const path = await policyPath();
  const admin = (await as('admin')).token;
  const before = await current();
  const amountLine = lineOf(before.source, 'id = "warm_handoff"', 'amount');
  const cases = [
    ['out of range', replaceLine(before.source, amountLine, 'amount = 0'), amountLine, 'amount'],
    ['wrong type', replaceLine(before.source, amountLine, 'amount = "24"'), amountLine, 'amount'],
    ['unknown key', replaceLine(before.source, amountLine, 'amonut = 24'), amountLine, 'amonut'],
  ];
  for (const [what, source, line, key] of cases) {
    assertPolicyProblem(await put(path, admin, { source, note: what }, before.version), line, key,
      `PUT ${what}`);
    assertPolicyProblem(await api('/api/v1/policy/validate', { token: admin, json: { source } }),
      line, key, `validate ${what}`);
  }
  const syntax = await put(path, admin, { source: '[[rule]\nid = "x"\n' }, before.version);
  assertProblem(syntax, 400, 'source');
  assert.equal(syntax.json.errors?.[0]?.line, 1, syntax.text);

  // The body itself.
  assertProblem(await put(path, admin, {}, before.version), 400, 'source');
  assertProblem(await put(path, admin, { source: 42 }, before.version), 400, 'source');
  assertProblem(await put(path, admin, { source: before.source, note: 'x'.repeat(1001) },
    before.version), 400, 'note');
  assertProblem(await put(path, admin, { source: before.source, extra: 1 }, before.version), 400,
    'extra');
  assertProblem(await put(path, admin, { source: 'x'.repeat(70 * 1024) }, before.version), 400,
    'source');
  assertProblem(await api(path, { method: 'PUT', token: admin, body: 'source=1',
    headers: { 'content-type': 'text/plain', 'if-match': `"${before.version}"` } }), 400,
  'content-type');
  assertProblem(await api('/api/v1/policy/validate', { token: admin, json: {} }), 400, 'source');

  const after = await current();
  assert.equal(after.version, before.version);
  assert.equal(after.source, before.source);
});

test('an administrator replaces the policy: If-Match, version, rules changed', async () => {
  const path = await policyPath();
  const admin = (await as('admin')).token;
  const before = await current();
  const titleLine = lineOf(before.source, 'id = "warm_handoff"', 'title');
  const source = replaceLine(before.source, titleLine, 'title = "Warm hand-off (24 h)"');

  const valid = await api('/api/v1/policy/validate', { token: admin, json: { source } });
  assert.equal(valid.status, 200, valid.text);
  assert.equal(valid.json.valid, true);
  assert.equal(valid.json.rules.find((r) => r.id === 'warm_handoff').title,
    'Warm hand-off (24 h)');
  assert.equal((await current()).version, before.version, 'validation stores nothing');

  assertProblem(await put(path, admin, { source, note: 'clearer title' }), 428, 'If-Match');
  assertProblem(await api(path, { method: 'PUT', token: admin, json: { source },
    headers: { 'if-match': 'latest' } }), 400, 'If-Match');
  assertProblem(await put(path, admin, { source }, before.version + 3), 412);
  for (const who of ['supervisor', 'coordinator', 'auditor']) {
    const token = (await as(who)).token;
    assertProblem(await put(path, token, { source }, before.version), 403, undefined, who);
    assertProblem(await api('/api/v1/policy/validate', { token, json: { source } }), 403,
      undefined, who);
  }
  assert.equal((await current()).version, before.version);

  const res = await put(path, admin, { source, note: 'clearer title' }, before.version);
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.version, before.version + 1);
  if (before.version === 0) assert.equal(res.json.version, 1);
  assert.equal(res.headers.get('etag'), `"${before.version + 1}"`);
  assert.equal(res.json.note, 'clearer title');
  assert.equal(res.json.changed_by_name, DEMO.admin.display_name);
  assert.ok(Date.parse(res.json.changed_at) <= Date.now() + 1000);
  assert.equal(typeof res.json.rebuilt_episodes, 'number');
  assert.equal(res.json.source, source);

  const read = await getJson(path, (await as('coordinator')).token);
  assert.equal(read.version, before.version + 1);
  assert.equal(read.rules.find((r) => r.id === 'warm_handoff').title, 'Warm hand-off (24 h)');
  // The old version is stale now.
  assertProblem(await put(path, admin, { source: before.source }, before.version), 412);
});
