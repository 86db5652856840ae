#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Reads every #include "layer/..." under src/ and fails on an edge the layer table does not
// allow (docs/architecture.md "Layers"). The build refuses the same edges (each layer sees only
// the include roots it may use, CMakeLists.txt carecoord_layer); this check also names the
// finer rules the include roots cannot express: which app headers api may include, and that
// those public headers name no store type.
//
//   node scripts/check-layers.mjs [--root DIR]    (default: the repository)
// Prints each violation as file:line and exits 1 when there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// layer -> the layers whose headers it may include (besides its own).
const kMayUse = {
  domain: [],
  store: ['domain'],
  app: ['domain', 'store'],
  demo: ['domain', 'store', 'app'],
  api: ['domain', 'app'],
  server: ['domain', 'api'],
  cli: ['domain', 'store', 'app', 'demo', 'api', 'server'],
};

// What api may include of app: the use-case headers (app/*.h) and these parts of the core.
// Every other header of app/core/ sees the store and is app's own.
const kAppCoreForApi = new Set(['app/core/context.h', 'app/core/clock.h', 'app/core/crypto.h',
  'app/core/forward.h']);
const isAppPublic = (h) => /^app\/[a-z0-9_]+\.h$/.test(h) || kAppCoreForApi.has(h);

// What the server may include of api: the plain request/response types and the handler.
const kApiForServer = new Set(['api/http.h', 'api/api.h']);

// A use case reaches the database, a transaction and the audit log only through the runner
// (app/core/runner.h: Runner::Begin/Open, UseCase::Write/Create/Audit). In a service, these
// are the marks of a use case going round it:
const kAroundTheRunner = /runner_\.(db|audit|clock)\(\)|store::InTransaction\(|\bCreateOnce\(|AppendInTransaction\(/;
// The functions that may, and why (each says so where it does).
const kOutsideTheRunner = {
  'app/auth_service.cc': {
    'AuthService::SignIn': 'no actor until the username is found; refusals are recorded as failed in the failed-sign-in counter\'s transaction',
  },
  'app/obligation_service.cc': {
    'ObligationService::Rebuild': 'a program-wide rebuild: batch work with parallel readers over many transactions',
  },
  'app/policy_service.cc': {
    'PolicyService::Replace': 'the program-wide rebuild after the new policy commits',
  },
  'app/user_service.cc': {
    'UserService::ResolveOrganization': 'the CLI, before there is an actor',
  },
};

function* sources(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(cc|h)$/.test(name)) yield path;
  }
}

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? args[rootArg + 1]
  : join(fileURLToPath(new URL('.', import.meta.url)), '..');
const src = join(root, 'src');

const violations = [];
let files = 0;
for (const path of sources(src)) {
  files++;
  const rel = relative(src, path).split(sep).join('/');
  const layer = rel.split('/')[0];
  if (!(layer in kMayUse)) {
    violations.push(`${rel}: folder '${layer}' is not a layer of the table`);
    continue;
  }
  const isTest = /_test\.cc$|\/test_[a-z_]+\.h$/.test(rel);
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const m = /^\s*#\s*include\s+"([a-z_]+)\/([^"]+)"/.exec(line);
    if (!m) return;
    const [, to, rest] = m;
    const header = `${to}/${rest}`;
    const where = `src/${rel}:${i + 1}`;
    if (to === layer || !(to in kMayUse)) return;
    // A layer's unit tests may reach below their layer to set up real parts (a database).
    if (isTest) return;
    if (!kMayUse[layer].includes(to)) {
      violations.push(`${where}: ${layer} may not include ${header} (${layer} uses ${kMayUse[layer].join(', ') || 'nothing but the standard library'})`);
    } else if (layer === 'api' && to === 'app' && !isAppPublic(header)) {
      violations.push(`${where}: api may include only app's use-case headers, not ${header}`);
    } else if (layer === 'server' && to === 'api' && !kApiForServer.has(header)) {
      violations.push(`${where}: server may include only api/http.h and api/api.h, not ${header}`);
    }
  });
  if (layer === 'app' && /^app\/([a-z_]+_service|audit_query)\.cc$/.test(rel)) {
    const allowed = kOutsideTheRunner[rel] ?? {};
    let fn = '';
    lines.forEach((line, i) => {
      const def = /^[A-Za-z].*?\b([A-Z]\w*::[A-Z]\w*)\(/.exec(line);
      if (def) fn = def[1];
      if (kAroundTheRunner.test(line) && !/^\s*\/\//.test(line) && !(fn in allowed)) {
        violations.push(`src/${rel}:${i + 1}: ${fn || 'this file'} reaches past the use-case runner (${kAroundTheRunner.exec(line)[0]})`);
      }
    });
  }
  // The headers api sees name no store type (issue 11: "no store:: type in an app public header").
  if (layer === 'app' && isAppPublic(rel)) {
    lines.forEach((line, i) => {
      if (/\bstore::|#\s*include\s+"store\//.test(line) && !/^\s*\/\//.test(line)) {
        violations.push(`src/${rel}:${i + 1}: a header api may include names the store`);
      }
    });
  }
}

for (const v of violations) console.log(v);
console.log(`layers: ${files} files read, ${violations.length} violation(s)`);
process.exit(violations.length ? 1 : 0);
