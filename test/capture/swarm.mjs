#!/usr/bin/env node
// Captures the reference docker client on every `docker swarm …` case of
// test/support/swarm-cases.ts, each against a fresh fake daemon (test/support/fake-daemon.ts, swarm-routes.ts):
// stdout, stderr, exit code and the requests docker made (method, URL, body).
// Terminal cases run under `script` on a pty of the given width (their output has "\r\n");
// their input is typed after 1.5 s, once the command waits for it.
// Run from the repository root:  node --import tsx test/capture/swarm.mjs [name…]
// (writes test/golden/swarm/<name>.json)
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { swarmRoutes } from '../support/swarm-routes.ts';
import { swarmCases } from '../support/swarm-cases.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = fileURLToPath(new URL('../golden/swarm/', import.meta.url));
mkdirSync(out, { recursive: true });
const docker = process.env.TSW_ORACLE ?? 'docker';

function run(cmd, args, env, input, delayMs = 0) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    // On a terminal, type the input only once the command is waiting for it (no echo then).
    if (delayMs === 0) child.stdin.end(input ?? '');
    else setTimeout(() => child.stdin.write(input ?? ''), delayMs);
    if (delayMs !== 0) setTimeout(() => child.stdin.end(), 2 * delayMs);
  });
}

function shellQuote(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const only = process.argv.slice(2);
let n = 0;
for (const [name, c] of Object.entries(swarmCases)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const daemon = await startFakeDaemon(swarmRoutes(c.scenario ?? {}));
  const env = { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: daemon.host };
  let r;
  if (c.ttyColumns !== undefined) {
    const line = `stty cols ${c.ttyColumns} rows 40; exec ${[docker, ...c.args].map(shellQuote).join(' ')}`;
    r = await run('script', ['-qfec', line, '/dev/null'], env, c.input ?? '', c.input === undefined ? 0 : 1500);
    r = { stdout: r.stdout, stderr: '', code: r.code };
  } else {
    r = await run(docker, c.args, env, c.input);
  }
  const requests = daemon.requests.map(({ method, url, body }) => ({ method, url, body }));
  await daemon.close();
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ args: c.args, stdout: r.stdout, stderr: r.stderr, code: r.code, requests }, null, 2)}\n`);
  n++;
}
console.log(`captured ${n} cases into test/golden/swarm/`);
