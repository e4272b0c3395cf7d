#!/usr/bin/env node
// Records what docker 28 does when the daemon answers a service update with "update out of
// sequence" (another writer changed the service since it was read): does it read the service
// again and retry? Against the scripted daemon of test/support/service-progress-daemon.ts.
// Run from the repository root:  node --import tsx test/capture/update-sequence.mjs
// (writes test/golden/update-sequence.json)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SERVICE_ID, progressScripts } from '../support/service-progress-cases.ts';
import { startProgressDaemon } from '../support/service-progress-daemon.ts';

const out = fileURLToPath(new URL('../golden/update-sequence.json', import.meta.url));
const docker = process.env.TSW_ORACLE ?? 'docker';
export const SEQUENCE_REPLIES = {
  [`POST /services/${SERVICE_ID}/update`]: { status: 500, json: { message: 'rpc error: code = Unknown desc = update out of sequence' } },
};
const results = {};
for (const [name, args] of Object.entries({
  update: ['service', 'update', '-d', '--env-add', 'A=1', SERVICE_ID],
  scale: ['service', 'scale', '-d', `${SERVICE_ID}=3`],
  rollback: ['service', 'rollback', '-d', SERVICE_ID],
})) {
  const daemon = await startProgressDaemon(progressScripts['replicated-2'], SEQUENCE_REPLIES);
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
