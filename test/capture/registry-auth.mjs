#!/usr/bin/env node
// Records the X-Registry-Auth header docker 28 sends with `service create --with-registry-auth`
// for each config.json of test/support/registry-auth-cases.ts (credential helpers included),
// against the scripted daemon of test/support/service-progress-cases.ts.
// Run from the repository root:  node --import tsx test/capture/registry-auth.mjs
// (writes test/golden/registry-auth.json)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authCases, writeConfig, writeHelpers } from '../support/registry-auth-cases.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { progressRoutes, progressScripts } from '../support/service-progress-cases.ts';

const out = fileURLToPath(new URL('../golden/registry-auth.json', import.meta.url));
const docker = process.env.TSW_ORACLE ?? 'docker';
const work = mkdtempSync(join(tmpdir(), 'tsw-auth-capture-'));
const bin = join(work, 'bin');
writeHelpers(bin);
const results = {};
try {
  for (const [name, c] of Object.entries(authCases)) {
    const dir = join(work, name);
    writeConfig(dir, c);
    const daemon = await startFakeDaemon(progressRoutes(progressScripts['replicated-2']));
    const env = { PATH: `${bin}:${process.env.PATH}`, HOME: '/nonexistent-home', DOCKER_HOST: daemon.host };
    const args = ['--config', dir, 'service', 'create', '-d', '--with-registry-auth', '--no-resolve-image', c.image];
    // Asynchronously: the scripted daemon answers from this process.
    const r = await new Promise((resolve) => {
      const child = spawn(docker, args, { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (x) => (stdout += x));
      child.stderr.on('data', (x) => (stderr += x));
      child.stdin.end();
      child.on('close', (status) => resolve({ stdout, stderr, status }));
    });
    const create = daemon.requests.find((q) => q.method === 'POST');
    results[name] = { stdout: r.stdout, stderr: r.stderr, code: r.status, auth: create?.auth ?? null };
    await daemon.close();
  }
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`captured ${Object.keys(results).length} cases into test/golden/registry-auth.json`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
