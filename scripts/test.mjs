#!/usr/bin/env node
// npm test: build, type-check, bring the lab swarm up, run every test file (unit,
// integration and differential) in one node:test run, tear the lab down, print the totals.
// --unit runs only test/unit without the lab. A lab that was already up is left up.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const unitOnly = process.argv.includes('--unit');
const tsw = join(root, 'bin/tsw');

function step(title, cmd, args, opts = {}) {
  process.stdout.write(`\n== ${title}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function listTests(dir) {
  const full = join(root, 'test', dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('test', dir, f));
}

if (step('build', process.execPath, ['scripts/build.mjs']) !== 0) process.exit(1);
if (step('type-check', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  process.exit(1);
}

// The test swarm: 3 nodes (1 manager) plus 3 spare engines (node-4…node-6) for init/join/leave and node-failure tests.
const LAB_SHAPE = ['--nodes', '3', '--managers', '1', '--spares', '3'];
let labStartedHere = false;
const env = { ...process.env };
if (!unitOnly) {
  // CI (and any run that finds a lab whose engines are not all up) starts from a fresh lab:
  // whatever an earlier session left behind is taken down first.
  const status = spawnSync(tsw, ['lab', 'status'], { cwd: root, encoding: 'utf8' });
  const healthy = status.status === 0 && !/stopped|unreachable/.test(status.stdout);
  if (process.env.CI || !healthy) {
    if (status.status === 0) spawnSync(tsw, ['lab', 'down'], { cwd: root, stdio: 'inherit' });
    labStartedHere = true;
  }
  process.stdout.write(`\n== lab up${labStartedHere ? '' : ' (already up: reusing it, leaving it up)'}\n`);
  const up = spawnSync(tsw, labStartedHere ? ['lab', 'up', ...LAB_SHAPE] : ['lab', 'env'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (up.status !== 0) {
    process.stdout.write('lab up failed\n');
    if (labStartedHere) spawnSync(tsw, ['lab', 'down'], { cwd: root, stdio: 'inherit' });
    process.exit(1);
  }
  for (const line of up.stdout.split('\n')) {
    const m = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  env.TSW_LAB = '1';
}

const files = [...listTests('unit'), ...(unitOnly ? [] : [...listTests('integration')])];
const tapDir = mkdtempSync(join(tmpdir(), 'tsw-test-'));
const tap = join(tapDir, 'report.tap');
const code = step(
  `tests (${files.length} files)`,
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
  { env },
);

let downCode = 0;
const tap2 = join(tapDir, 'teardown.tap');
if (labStartedHere) {
  downCode = step('lab down', tsw, ['lab', 'down']);
  // The teardown check runs only when this run brought the lab up (and so took it down).
  step('lab left nothing behind', process.execPath, [
    '--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap2}`, ...listTests('teardown'),
  ]);
}

const reports = [tap, tap2].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8'));
rmSync(tapDir, { recursive: true, force: true });
const count = (k) => reports.reduce((n, r) => n + Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(r)?.[1] ?? 0), 0);
const [tests, pass, fail, skipped] = [count('tests'), count('pass'), count('fail'), count('skipped')];
process.stdout.write(`\n${pass} passed, ${fail} failed, ${skipped} skipped\n`);
if (tests === 0) {
  process.stdout.write('no test ran: that is a failure\n');
  process.exit(1);
}
if (process.env.CI && skipped > 0) {
  process.stdout.write('CI runs every test: skipped tests are a failure here\n');
  process.exit(1);
}
process.exit(code !== 0 || fail > 0 || downCode !== 0 ? 1 : 0);
