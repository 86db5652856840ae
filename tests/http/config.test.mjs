// SPDX-License-Identifier: Apache-2.0
// `carecoord serve` configuration: a TOML file is applied, flags and the environment win over
// it, and a bad file stops start-up with a message naming its line.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, runCli } from './server.mjs';
import { BIN } from './lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'carecoord-config-'));
after(() => rmSync(work, { recursive: true, force: true }));
const dbUrl = `sqlite:${join(work, 'config.db')}`;

function configFile(name, text) {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

async function loginStatus(url, bytes) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'x'.repeat(bytes) }),
    signal: AbortSignal.timeout(15_000),
  });
  return res.status;
}

test('settings from the config file apply; flags win over the file', async () => {
  const file = configFile('small.toml', 'body-limit = 2048\nthreads = 1\n');
  const server = await startServer({ bin: BIN, dbUrl, extraArgs: ['--config', file] });
  try {
    assert.equal(await loginStatus(server.url, 3000), 413, 'body-limit from the file');
  } finally {
    assert.equal((await server.stop()).code, 0);
  }
  const flagged = await startServer({
    bin: BIN, dbUrl, extraArgs: ['--config', file, '--body-limit', '8192'],
  });
  try {
    assert.notEqual(await loginStatus(flagged.url, 3000), 413, 'the flag overrides the file');
  } finally {
    assert.equal((await flagged.stop()).code, 0);
  }
});

test('a bad config file stops start-up and names the line', () => {
  const cases = [
    ['unknown.toml', 'port = 0\nprot = 8080\n', /unknown.toml:2:.*prot/],
    ['type.toml', 'port = "eighty"\n', /type.toml:1:.*port/],
    ['syntax.toml', 'port = \n', /syntax.toml:1:/],
  ];
  for (const [name, text, pattern] of cases) {
    const r = runCli(BIN, ['serve', '--db', dbUrl, '--config', configFile(name, text)]);
    assert.equal(r.code, 2, `${name}: exit code`);
    assert.match(r.stderr, pattern, name);
  }
});
