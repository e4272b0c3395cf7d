#!/usr/bin/env node
// Records what docker 28 does when the daemon answers a service update with "update out of
// sequence" (another writer changed the service since it was read): does it read the service
// again and retry? Against the scripted daemon of test/support/service-progress-cases.ts.
// Run from the repository root:  node --import tsx test/capture/update-sequence.mjs
// (writes test/golden/update-sequence.json)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { SERVICE_ID, SEQUENCE_REPLIES, progressRoutes, progressScripts } from '../support/service-progress-cases.ts';

const out = fileURLToPath(new URL('../golden/update-sequence.json', import.meta.url));
const docker = process.env.TSW_ORACLE ?? 'docker';
const results = {};
for (const [name, args] of Object.entries({
  update: ['service', 'update', '-d', '--env-add', 'A=1', SERVICE_ID],
  scale: ['service', 'scale', '-d', `${SERVICE_ID}=3`],
  rollback: ['service', 'rollback', '-d', SERVICE_ID],
})) {
  const daemon = await startFakeDaemon(progressRoutes(progressScripts['replicated-2'], SEQUENCE_REPLIES));
  const env = { PATH: process.env.PATH, HOME: '/nonexistent-home', DOCKER_HOST: daemon.host };
  const r = await new Promise((resolve) => {
    const child = spawn(docker, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (x) => (stdout += x));
    child.stderr.on('data', (x) => (stderr += x));
    child.stdin.end();
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
  results[name] = { args, ...r, requests: daemon.requests.map(({ method, url, body }) => ({ method, url, body })) };
  await daemon.close();
}
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote test/golden/update-sequence.json');
