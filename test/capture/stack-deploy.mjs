#!/usr/bin/env node
// Captures what docker 28 sends and prints for `stack deploy` against the fake stack daemon
// (test/support/fake-daemon.ts with stack-routes.ts): every request with its exact body, stdout, stderr, exit code.
// Run from the repository root:  node --import tsx test/capture/stack-deploy.mjs [name…]
// Writes test/golden/stack-deploy/<name>.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases, ENV, FIXTURES } from '../support/stack-deploy-cases.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { recorded, stackRoutes } from '../support/stack-routes.ts';

const out = fileURLToPath(new URL('../golden/stack-deploy/', import.meta.url));
mkdirSync(out, { recursive: true });
const docker = process.env.TSW_ORACLE ?? 'docker';
const only = process.argv.slice(2);
const configDir = mkdtempSync(join(tmpdir(), 'tsw-stack-cfg-'));

for (const [name, c] of Object.entries(cases)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const daemon = await startFakeDaemon(stackRoutes(c.state));
  // Not spawnSync: the fake daemon runs on this event loop.
  const r = await new Promise((resolve) => {
    const p = spawn(docker, c.args, { env: { PATH: process.env.PATH, HOME: '/nonexistent-tsw-home', DOCKER_CONFIG: configDir, DOCKER_HOST: daemon.host, ...ENV } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ stdout, stderr, code }));
  });
  await daemon.close();
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify({ fixtures: FIXTURES, args: c.args, ...r, requests: daemon.requests.map(recorded) }, null, 2)}\n`);
  console.log(name, r.code);
}
