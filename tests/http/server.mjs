// SPDX-License-Identifier: Apache-2.0
// Starts and stops a carecoord server for the HTTP tests (the node twin of launch.sh).
//
//   const server = await startServer({ bin, dbUrl, demoPassword, webRoot });
//   ... server.url ...
//   const { code, signal, ms } = await server.stop();   // SIGTERM; waits at most 5 s
//
// Every wait is bounded; the server listens on 127.0.0.1 and a free port (--port 0).

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs `bin args...` to completion (at most timeoutMs); returns {code, stdout, stderr}. */
export function runCli(bin, args, { input, timeoutMs = 60_000 } = {}) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw new Error(`${bin} ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function mustRun(bin, args, opts) {
  const r = runCli(bin, args, opts);
  if (r.code !== 0) {
    throw new Error(`${bin} ${args.join(' ')} exited ${r.code ?? r.signal}\n${r.stdout}${r.stderr}`);
  }
  return r;
}

/**
 * Migrates dbUrl, loads the demo with demoPassword, and serves it. Rejects (after stopping the
 * process) when the server is not answering /healthz within startTimeoutMs.
 */
export async function startServer({
  bin = process.env.CARECOORD_BIN,
  dbUrl,
  demoPassword,
  webRoot = join(repoRoot, 'web', 'dist'),
  startTimeoutMs = 20_000,
  extraArgs = [],
} = {}) {
  if (!bin) throw new Error('CARECOORD_BIN is not set');
  if (!dbUrl) throw new Error('no database URL');
  mustRun(bin, ['migrate', '--db', dbUrl]);
  const demoArgs = ['demo', '--db', dbUrl];
  if (demoPassword) demoArgs.push('--demo-password', demoPassword);
  mustRun(bin, demoArgs);

  const work = mkdtempSync(join(tmpdir(), 'carecoord-http-'));
  const portFile = join(work, 'port');
  const logFile = join(work, 'server.log');
  const logFd = openSync(logFile, 'w');
  const child = spawn(
    bin,
    ['serve', '--db', dbUrl, '--bind', '127.0.0.1', '--port', '0', '--port-file', portFile,
      '--web-root', webRoot, ...extraArgs],
    { stdio: ['ignore', logFd, logFd] },
  );
  closeSync(logFd);
  let exited = null;
  const exitPromise = new Promise((res) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal, at: Date.now() };
      res(exited);
    });
  });
  // Should the test process end without stopping the server, do not leave it running.
  const killOnExit = () => { if (!exited) child.kill('SIGKILL'); };
  process.on('exit', killOnExit);
  exitPromise.then(() => process.off('exit', killOnExit));
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-4000) : '');
  const cleanup = () => rmSync(work, { recursive: true, force: true });

  const stop = async (timeoutMs = 5000) => {
    if (exited) return { ...exited, ms: 0, log: log() };
    const t0 = Date.now();
    child.kill('SIGTERM');
    const r = await Promise.race([exitPromise, sleep(timeoutMs, null, { ref: false })]);
    if (!r) {
      child.kill('SIGKILL');
      await Promise.race([exitPromise, sleep(2000, null, { ref: false })]);
      const l = log();
      cleanup();
      return { code: null, signal: 'timeout', ms: Date.now() - t0, log: l };
    }
    const l = log();
    cleanup();
    return { ...r, ms: r.at - t0, log: l };
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (exited) {
      const l = log();
      cleanup();
      throw new Error(`server exited during start-up (${exited.code ?? exited.signal}):\n${l}`);
    }
    let port = '';
    try {
      port = readFileSync(portFile, 'utf8').trim();
    } catch {
      // not written yet
    }
    if (/^\d+$/.test(port)) {
      const url = `http://127.0.0.1:${port}`;
      try {
        const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (r.status === 200) return { url, pid: child.pid, stop, log, dbUrl };
      } catch {
        // not answering yet
      }
    }
    await sleep(100);
  }
  const l = log();
  await stop();
  throw new Error(`server not ready within ${startTimeoutMs} ms:\n${l}`);
}
