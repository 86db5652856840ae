// SPDX-License-Identifier: Apache-2.0
// Graceful shutdown and `carecoord audit verify`, on a database of this test's own (SQLite, or a
// new database on the PostgreSQL cluster when CARECOORD_DB_URL is a postgresql:// URL), so that
// tampering with it leaves the shared test database intact.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer, runCli } from './server.mjs';
import { BIN, DEMO, DEMO_PASSWORD, PROGRAM_NAME, newPassword, uniqueName } from './lib.mjs';

const baseDb = process.env.CARECOORD_DB_URL || '';
const isPg = /^postgres(ql)?:\/\//.test(baseDb);
const cleanups = [];
after(async () => {
  for (const f of cleanups.reverse()) {
    try { await f(); } catch (e) { console.error(`cleanup: ${e.message}`); }
  }
});

function sh(cmd, args, input) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, timeout: 30_000 });
  if (r.error) throw r.error;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

/** A fresh database URL of this test's own, and how to run SQL on it. */
function ownDatabase() {
  if (isPg) {
    const name = `cc_verify_${randomBytes(6).toString('hex')}`;
    sh('psql', [baseDb, '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE ${name}`]);
    cleanups.push(() => sh('psql', [baseDb, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]));
    const u = new URL(baseDb);
    u.pathname = `/${name}`;
    const url = u.href;
    return { url, sql: (q) => sh('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qtAc', q]) };
  }
  const dir = mkdtempSync(join(tmpdir(), 'carecoord-verify-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'carecoord.db');
  return { url: `sqlite:${file}`, sql: (q) => sh('sqlite3', ['-bail', file, q]) };
}

async function call(base, path, { token, json, method } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method: method || (json !== undefined ? 'POST' : 'GET'),
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null, text };
}

async function signIn(base, username, password) {
  const r = await call(base, '/api/v1/auth/login', { json: { username, password } });
  assert.equal(r.status, 200, `sign-in ${username}: ${r.text}`);
  return r.json.token;
}

test('graceful shutdown, restart, and audit verify detects tampering',
  { skip: !BIN && 'CARECOORD_BIN not set', timeout: 180_000 }, async () => {
    const db = ownDatabase();

    // 1. Some activity: sign-ins, a new user, an audit read, a sign-out.
    let server = await startServer({ dbUrl: db.url, demoPassword: DEMO_PASSWORD });
    let stopped = false;
    cleanups.push(async () => { if (!stopped) await server.stop(); });
    const adminToken = await signIn(server.url, DEMO.admin.username, DEMO_PASSWORD);
    const programs = await call(server.url, '/api/v1/programs', { token: adminToken });
    const program = programs.json.items.find((p) => p.name === PROGRAM_NAME);
    assert.ok(program, programs.text);
    const username = uniqueName('verify');
    const password = newPassword();
    const created = await call(server.url, '/api/v1/users', {
      token: adminToken,
      json: { username, display_name: 'Verify Me', password,
        roles: [{ program_id: program.id, role: 'care_coordinator' }] },
    });
    assert.equal(created.status, 201, created.text);
    const userToken = await signIn(server.url, username, password);
    const auditorToken = await signIn(server.url, DEMO.auditor.username, DEMO_PASSWORD);
    assert.equal((await call(server.url, '/api/v1/audit', { token: auditorToken })).status, 200);
    assert.equal((await call(server.url, '/api/v1/auth/logout', { token: userToken, method: 'POST' })).status, 204);

    // 2. SIGTERM: exit 0 within 5 s.
    let r = await server.stop(5000);
    stopped = true;
    assert.equal(r.signal === 'timeout' ? 'no exit within 5 s' : r.code, 0,
      `graceful shutdown exit (signal ${r.signal}, ${r.ms} ms):\n${r.log}`);

    // 3. Nothing lost: after a restart the new user still signs in.
    server = await startServer({ dbUrl: db.url, demoPassword: DEMO_PASSWORD });
    stopped = false;
    await signIn(server.url, username, password);
    r = await server.stop(5000);
    stopped = true;
    assert.equal(r.code, 0, `second shutdown (signal ${r.signal}):\n${r.log}`);

    // 4. The chain verifies.
    const ok = runCli(BIN, ['audit', 'verify', '--db', db.url]);
    assert.equal(ok.code, 0, `audit verify on an untouched database:\n${ok.stdout}${ok.stderr}`);
    assert.match(ok.stdout + ok.stderr, /intact/i);
    const count = Number(db.sql('SELECT COUNT(*) FROM audit_events'));
    assert.ok(count >= 5, `audit events recorded: ${count}`);

    // 5. Tamper with one event: verify fails and names it.
    const seq = Number(db.sql('SELECT MIN(seq) + 1 FROM audit_events'));
    assert.ok(Number.isInteger(seq), `seq to tamper with: ${seq}`);
    db.sql(`UPDATE audit_events SET reason = 'x' WHERE seq = ${seq}`);
    const bad = runCli(BIN, ['audit', 'verify', '--db', db.url]);
    const out = bad.stdout + bad.stderr;
    assert.notEqual(bad.code, 0, `audit verify after tampering must fail:\n${out}`);
    assert.match(out, new RegExp(`\\b${seq}\\b`), `output names seq ${seq}:\n${out}`);
  });
