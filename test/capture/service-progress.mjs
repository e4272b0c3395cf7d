#!/usr/bin/env node
// Captures docker's convergence wait after `service create` for every script of
// test/support/service-progress-cases.ts, each against a fresh scripted daemon
// (progressRoutes of test/support/service-progress-cases.ts): stdout, stderr, exit code and the requests docker made.
// Terminal cases run under `script` on a pty of the given width (output has "\r\n").
// Run from the repository root:  node --import tsx test/capture/service-progress.mjs [name…]
// (writes test/golden/service-progress/<name>.json)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { progressRoutes, progressScripts } from '../support/service-progress-cases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = fileURLToPath(new URL('../golden/service-progress/', import.meta.url));
mkdirSync(out, { recursive: true });
const docker = process.env.TSW_ORACLE ?? 'docker';

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end();
  });
}

const shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

const only = process.argv.slice(2);
let n = 0;
for (const [name, script] of Object.entries(progressScripts)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const daemon = await startFakeDaemon(progressRoutes(script));
  const env = { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: daemon.host };
  const args = ['service', 'create', '--no-resolve-image', '--name', 'web', ...(script.flags ?? []), 'busybox'];
  let r;
  if (script.ttyColumns !== undefined) {
    const line = `stty cols ${script.ttyColumns} rows 40; exec ${[docker, ...args].map(shellQuote).join(' ')}`;
    r = await run('script', ['-qfec', line, '/dev/null'], env);
    r = { stdout: r.stdout, stderr: '', code: r.code };
  } else {
    r = await run(docker, args, env);
  }
  const requests = daemon.requests.map(({ method, url }) => ({ method, url }));
  await daemon.close();
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ args, stdout: r.stdout, stderr: r.stderr, code: r.code, requests }, null, 2)}\n`);
  n++;
}
console.log(`captured ${n} cases into test/golden/service-progress/`);
