#!/usr/bin/env node
// npm run bench: tsw against the reference docker client, side by side in one run.
// Each case runs docker and tsw alternately (warm-up first), N times each; the table
// gives medians and the median of the per-pair ratios tsw/docker. Wall time moves with the
// machine's load (other processes), so every run is also measured for CPU time (user + system,
// the children's times as bash's `times` reports them): a second ratio steadier than the first. Every case is measured
// with NODE_EXTRA_CA_CERTS unset and, when the environment sets it, set as given
// (Node 20 reads that file eagerly at start-up, ~45 ms on the machines tsw is built on).
// Needs the lab for the engine cases: sudo tsw lab up (or npm test, which brings it up).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// BENCH_TSW=path: measure another tsw executable (an older build, for before/after tables).
const tsw = process.env.BENCH_TSW ?? join(root, 'bin/tsw');
const runs = Number(process.env.BENCH_RUNS ?? 15);

function oracle() {
  if (process.env.TSW_ORACLE) return process.env.TSW_ORACLE;
  for (const d of (process.env.PATH ?? '').split(delimiter)) {
    const c = join(d, 'docker');
    if (!existsSync(c)) continue;
    const v = spawnSync(c, ['--version'], { encoding: 'utf8' }).stdout ?? '';
    if (Number(/Docker version (\d+)\./.exec(v)?.[1] ?? 0) >= 28) return c;
  }
  throw new Error('no docker client >= 28 on PATH');
}
const docker = oracle();

const labEnv = {};
const lab = spawnSync(tsw, ['lab', 'env'], { encoding: 'utf8' });
if (lab.status === 0) {
  for (const m of lab.stdout.matchAll(/^export ([A-Z_]+)=(.*)$/gm)) labEnv[m[1]] = m[2];
}
const haveLab = Boolean(labEnv.DOCKER_HOST);

function time(bin, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(bin, args, { env, stdio: ['ignore', 'ignore', 'ignore'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}`);
  return ms;
}

/** CPU milliseconds (user + system) of one run, from bash's `times` (its children's line). */
function cpu(bin, args, env) {
  const script = '"$@" >/dev/null 2>&1 </dev/null; s=$?; times; exit $s';
  const r = spawnSync('bash', ['-c', script, 'bash', bin, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}`);
  const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout.trim());
  if (!m) throw new Error(`no times from bash: ${r.stdout}`);
  return (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function bench(args, extraEnv) {
  const env = { ...process.env, ...labEnv, ...extraEnv };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  time(docker, args, env);
  time(tsw, args, env);
  const d = [];
  const t = [];
  const ratios = [];
  const dc = [];
  const tc = [];
  for (let i = 0; i < runs; i++) {
    const a = time(docker, args, env);
    const b = time(tsw, args, env);
    d.push(a);
    t.push(b);
    ratios.push(b / a);
    dc.push(cpu(docker, args, env));
    tc.push(cpu(tsw, args, env));
  }
  return { docker: median(d), tsw: median(t), ratio: median(ratios), dockerCPU: median(dc), tswCPU: median(tc) };
}

/** Node.js alone, for scale: how much of tsw's time is the runtime starting. */
function floor() {
  const env = { ...process.env, NODE_EXTRA_CA_CERTS: undefined };
  delete env.NODE_EXTRA_CA_CERTS;
  time(process.execPath, ['-e', '0'], env);
  const xs = [];
  for (let i = 0; i < runs; i++) xs.push(time(process.execPath, ['-e', '0'], env));
  return median(xs);
}

// --- the scale fixture: 500 services at 0 replicas and one service of 2000 pending tasks -------

const SCALE_PREFIX = 'tsw-bench-';
const SCALE_SERVICES = Number(process.env.BENCH_SCALE_SERVICES ?? 500);
const SCALE_PENDING = Number(process.env.BENCH_SCALE_PENDING ?? 2000);
const PENDING = `${SCALE_PREFIX}pending`;

/** One Engine API exchange with the lab manager (the docker CLI would take minutes for 500 creates). */
function api(method, path, body) {
  const socketPath = (labEnv.DOCKER_HOST ?? '').replace(/^unix:\/\//, '');
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      { socketPath, path: `/v1.41${path}`, method, headers: data ? { 'Content-Type': 'application/json', 'Content-Length': data.length } : {} },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function pool(items, n, fn) {
  const queue = [...items];
  await Promise.all(Array.from({ length: n }, async () => {
    while (queue.length > 0) await fn(queue.shift());
  }));
}

async function scaleServices() {
  const filters = encodeURIComponent(JSON.stringify({ name: { [SCALE_PREFIX]: true } }));
  return (await api('GET', `/services?filters=${filters}`)) ?? [];
}

async function removeScaleFixture() {
  await pool(await scaleServices(), 8, (s) => api('DELETE', `/services/${s.ID}`).catch(() => {}));
}

async function createScaleFixture() {
  await removeScaleFixture();
  const image = `${labEnv.TSW_LAB_REGISTRY}/busybox:latest`;
  const spec = (name, replicas, constraints) => ({
    Name: name,
    TaskTemplate: { ContainerSpec: { Image: image }, ...(constraints ? { Placement: { Constraints: constraints } } : {}) },
    Mode: { Replicated: { Replicas: replicas } },
  });
  const names = Array.from({ length: SCALE_SERVICES }, (_, i) => `${SCALE_PREFIX}${String(i).padStart(3, '0')}`);
  await pool(names, 8, (name) => api('POST', '/services/create', spec(name, 0)));
  const created = await api('POST', '/services/create', spec(PENDING, SCALE_PENDING, ['node.labels.nowhere==1']));
  // Wait until every pending task exists (the orchestrator creates them in batches).
  const filters = encodeURIComponent(JSON.stringify({ service: { [created.ID]: true } }));
  for (let i = 0; i < 600; i++) {
    const tasks = (await api('GET', `/tasks?filters=${filters}`)) ?? [];
    if (tasks.length >= SCALE_PENDING && tasks.every((t) => t.Status?.State === 'pending')) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the ${SCALE_PENDING} pending tasks of ${PENDING} did not appear`);
}

// `npm run bench -- fixture up|down`: only create or remove the scale fixture (for profiling).
if (process.argv[2] === 'fixture') {
  if (!haveLab) throw new Error('the scale fixture needs the lab');
  if (process.argv[3] === 'down') await removeScaleFixture();
  else await createScaleFixture();
  process.exit(0);
}
// `npm run bench -- scale`: only the scale cases.
const scaleOnly = process.argv[2] === 'scale';

const cases = scaleOnly ? [] : [['--version'], ...(haveLab ? [['version'], ['node', 'ls'], ['node', 'ls', '-q']] : [])];
const scaleCases = haveLab ? [['service', 'ls'], ['service', 'ls', '-q'], ['service', 'ps', PENDING], ['service', 'ps', '-q', PENDING]] : [];
const caVariants = [['unset', { NODE_EXTRA_CA_CERTS: undefined }]];
if (process.env.NODE_EXTRA_CA_CERTS) caVariants.push(['set', { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS }]);

console.log(`node ${process.version}; docker: ${docker}; ${runs} runs per command, alternating; medians of wall and CPU (user+sys) time`);
if (!haveLab) console.log('(no lab up: only --version is measured; run `sudo tsw lab up` for the engine cases)');
console.log('');
console.log('| command | NODE_EXTRA_CA_CERTS | docker (ms) | tsw (ms) | tsw/docker | docker CPU (ms) | tsw CPU (ms) | CPU tsw/docker |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
function row(args, label, extra, note = '') {
  const r = bench(args, extra);
  const cpuRatio = r.dockerCPU > 0 ? `${(r.tswCPU / r.dockerCPU).toFixed(2)}×` : '–';
  console.log(
    `| \`${args.join(' ')}\`${note} | ${label} | ${r.docker.toFixed(1)} | ${r.tsw.toFixed(1)} | ${r.ratio.toFixed(2)}× | ${r.dockerCPU.toFixed(0)} | ${r.tswCPU.toFixed(0)} | ${cpuRatio} |`,
  );
}
for (const args of cases) {
  for (const [label, extra] of caVariants) row(args, label, extra);
}
// BENCH_KEEP_FIXTURE=1: reuse a fixture made by `fixture up` and leave it in place.
const keepFixture = process.env.BENCH_KEEP_FIXTURE === '1';
if (scaleCases.length > 0) {
  if (!keepFixture) await createScaleFixture();
  try {
    const note = ` (${SCALE_SERVICES} services + 1 of ${SCALE_PENDING} pending tasks)`;
    for (const args of scaleCases) {
      for (const [label, extra] of caVariants) row(args, label, extra, note);
    }
  } finally {
    if (!keepFixture) await removeScaleFixture();
  }
}
console.log('');
console.log(`Node.js alone (\`node -e 0\`, NODE_EXTRA_CA_CERTS unset): ${floor().toFixed(1)} ms median.`);
