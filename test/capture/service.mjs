#!/usr/bin/env node
// Captures what docker 28 prints for `service ls`, `service ps`, `service inspect` (JSON,
// templates, --pretty), `service logs` and `node ps`, together with the exact swarm state
// docker rendered, so the unit tests (test/unit/service-*.test.ts) need no lab.
//
// The state starts from real bodies of the lab: services created here (tsw-cap-r-*) in the
// states the issue lists — a rolling-update history, failing tasks with error text, a rejected
// image, pending tasks ("no suitable node"), max-per-node, a global service with host-mode
// ports, jobs, scale 0, a service using every --pretty section, a paused update and an
// automatic rollback, a TTY service. Variants derived from it reach what the shared lab must
// not be put through: node-3 drained (its tasks shut down, replaced elsewhere) and node-3
// killed (Down; its tasks still "running" but desired shut down, rescheduled), and an engine
// at API 1.40 (no ServiceStatus, so docker counts tasks itself). Log lines are canned (the
// lab's log details carry nothing beyond the swarm IDs): extra details, escapes, malformed
// contexts, daemon errors in the stream.
//
// Every time is stored relative to a fixed clock (`now`, saved with the state) and kept half
// a second away from every HumanDuration boundary. Cases that print relative times ("… ago")
// are served the state shifted to docker's own request moment; the others are served it as
// saved, so absolute times in JSON match the saved state.
//
// Run against the lab: source /tmp/tsw-lab.env && node --import tsx test/capture/service.mjs
// Writes test/golden/service/*.json. Everything it creates on the lab is named tsw-cap-r-*
// and removed again.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { readRoutes } from '../support/service-read-routes.ts';

const out = fileURLToPath(new URL('../golden/service/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (source /tmp/tsw-lab.env)');
const labSocket = host.slice('unix://'.length);
const registry = process.env.TSW_LAB_REGISTRY ?? '';
const P = 'tsw-cap-r-';
const IMAGE = `${registry}/busybox:latest`;

const env0 = { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC' };
function run(args, env = {}, input = '') {
  const r = spawnSync(docker, args, { encoding: 'utf8', input, env: { ...env0, DOCKER_HOST: host, ...env } });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}
function must(args, input = '') {
  const r = run(args, {}, input);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
/** docker against the fake daemon, without blocking the event loop (the daemon lives here). */
function runAsync(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(docker, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...env0, ...env } });
    const so = [];
    const se = [];
    child.stdout.on('data', (c) => so.push(c));
    child.stderr.on('data', (c) => se.push(c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout: Buffer.concat(so).toString('utf8'), stderr: Buffer.concat(se).toString('utf8'), code: code ?? -1 }));
  });
}
function labGet(path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: labSocket, path: `/v1.41${path}`, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end();
  });
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, cond, ms = 180_000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

const version = run(['version', '--format', '{{.Client.Version}}']).stdout.trim();
if (Number(/^(\d+)\./.exec(version)?.[1] ?? 0) < 28) throw new Error(`oracle is not docker >= 28: ${version}`);

// --- the lab state ---------------------------------------------------------------------------

const NAMES = ['web', 'fail', 'bad', 'pend', 'max', 'glob', 'job', 'gjob', 'zero', 'rich', 'paused', 'back', 'tty'].map((n) => P + n);
const FAILING = ['--restart-condition', 'on-failure', '--restart-max-attempts', '1', '--restart-delay', '1s'];

function cleanup() {
  const left = run(['service', 'ls', '-q', '--filter', `name=${P}`]).stdout.trim();
  if (left) run(['service', 'rm', ...left.split('\n')]);
  for (let i = 0; i < 20 && run(['network', 'rm', `${P}net`]).code !== 0; i++) spawnSync('sleep', ['1']);
  run(['config', 'rm', `${P}cfg`]);
  run(['secret', 'rm', `${P}sec`]);
}

async function labState() {
  cleanup();
  must(['network', 'create', '-d', 'overlay', `${P}net`]);
  must(['config', 'create', `${P}cfg`, '-'], 'config\n');
  must(['secret', 'create', `${P}sec`, '-'], 'secret\n');
  const create = (name, args, cmd = []) => must(['service', 'create', '-d', '-q', '--name', P + name, ...args, ...cmd]).trim();
  const ids = {};
  ids.web = create('web', ['--replicas', '3', '--update-parallelism', '3', '--update-delay', '0s', '--label', 'tier=front', '-p', '18500-18502:80-82', '-p', 'published=18510,target=53,protocol=udp', '-p', 'mode=host,published=18520,target=8080'], [IMAGE]);
  ids.fail = create('fail', ['--replicas', '1', ...FAILING], [IMAGE, 'sh', '-c', 'exit 3']);
  ids.bad = create('bad', ['--replicas', '1', '--no-resolve-image', ...FAILING], [`${registry}/busybox-nonexistent-for-tsw:1`]);
  ids.pend = create('pend', ['--replicas', '2', '--constraint', 'node.labels.nowhere==1'], [IMAGE]);
  ids.max = create('max', ['--replicas', '4', '--replicas-max-per-node', '1', '-p', '18530:80', '-p', '18531:80'], [IMAGE]);
  ids.glob = create('glob', ['--mode', 'global', '-p', 'mode=host,target=80,published=18540', '-p', 'mode=host,target=81,published=18541,protocol=udp'], [`${registry}/busybox:1`]);
  ids.job = create('job', ['--mode', 'replicated-job', '--replicas', '2'], [IMAGE, 'true']);
  ids.gjob = create('gjob', ['--mode', 'global-job', '--limit-pids', '7'], [IMAGE, 'true']);
  ids.zero = create('zero', ['--replicas', '0', '--endpoint-mode', 'dnsrr', '--log-driver', 'none'], [IMAGE]);
  ids.rich = create('rich', [
    '--replicas', '0', '--label', 'b=2', '--label', 'a', '--label', 'x<y>&z=1', '--env', 'A=1', '--env', 'B=x y', '--workdir', '/tmp', '--init',
    '--user', 'nobody', '--cap-add', 'CAP_NET_ADMIN', '--cap-drop', 'CAP_CHOWN', '--sysctl', 'net.core.somaxconn=1024',
    '--ulimit', 'nofile=100:200', '--mount', `type=volume,source=${P}vol,target=/data`, '--mount', 'type=bind,source=/tmp,target=/h,readonly',
    '--config', `source=${P}cfg,target=/c`, '--secret', `${P}sec`, '--log-driver', 'json-file', '--log-opt', 'max-size=10m', '--log-opt', 'max-file=3',
    '--reserve-cpu', '0.25', '--reserve-memory', '64m', '--limit-cpu', '1.5', '--limit-memory', '512m', '--limit-pids', '100',
    '--network', `${P}net`, '-p', '18550:80', '-p', 'mode=host,target=81,published=18551',
    '--health-cmd', 'true', '--health-interval', '5s', '--health-retries', '2', '--constraint', 'node.role==manager',
    '--placement-pref', 'spread=node.labels.zone', '--replicas-max-per-node', '2', '--update-delay', '10s', '--update-monitor', '1m30s',
    '--update-max-failure-ratio', '0.2', '--update-order', 'start-first', '--rollback-delay', '1s', '--rollback-parallelism', '3',
  ], [IMAGE, 'sh', '-c', 'sleep 1d']);
  ids.paused = create('paused', ['--replicas', '1', '--update-failure-action', 'pause', '--update-monitor', '2s'], [IMAGE]);
  ids.back = create('back', ['--replicas', '1', '--update-failure-action', 'rollback', '--update-monitor', '2s'], [IMAGE]);
  ids.tty = create('tty', ['--replicas', '1', '--tty'], [IMAGE, 'sh', '-c', 'echo tty; sleep 1d']);

  const tasksOf = async (id) => labGet(`/tasks?filters=${encodeURIComponent(JSON.stringify({ service: { [id]: true } }))}`);
  const running = async (k, n) => (await tasksOf(ids[k])).filter((t) => t.Status.State === 'running').length >= n;
  await until('services running', async () => (await running('web', 3)) && (await running('paused', 1)) && (await running('back', 1)));
  must(['service', 'update', '-d', '-q', '--image', `${registry}/busybox:1`, `${P}web`]);
  await until('first update', async () => (await tasksOf(ids.web)).length === 6 && (await running('web', 3)));
  must(['service', 'update', '-d', '-q', '--image', `${registry}/busybox:2`, `${P}web`]);
  must(['service', 'update', '-d', '-q', '--args', 'sh -c "exit 3"', `${P}paused`]);
  must(['service', 'update', '-d', '-q', '--args', 'sh -c "exit 3"', `${P}back`]);
  const updateState = async (k) => (await labGet(`/services/${ids[k]}`)).UpdateStatus?.State;
  await until('updates to finish', async () =>
    (await tasksOf(ids.web)).length === 9 && (await running('web', 3)) &&
    (await updateState('web')) === 'completed' && (await updateState('paused')) === 'paused' && (await updateState('back')) === 'rollback_completed' &&
    (await tasksOf(ids.fail)).filter((t) => t.Status.State === 'failed').length === 2 &&
    (await tasksOf(ids.bad)).filter((t) => t.Status.State === 'rejected').length === 2 &&
    (await tasksOf(ids.job)).filter((t) => t.Status.State === 'complete').length === 2 &&
    (await tasksOf(ids.pend)).every((t) => (t.Status.Err ?? '').startsWith('no suitable node')));
  await sleep(2000);

  const list = await labGet('/services?status=true');
  const services = [];
  for (const name of NAMES) {
    const id = list.find((s) => s.Spec.Name === name).ID;
    const body = await labGet(`/services/${id}?insertDefaults=true`);
    services.push({ ...body, ServiceStatus: list.find((s) => s.ID === id).ServiceStatus });
  }
  const tasks = await labGet(`/tasks?filters=${encodeURIComponent(JSON.stringify({ service: Object.fromEntries(Object.values(ids).map((i) => [i, true])) }))}`);
  const nodes = await labGet('/nodes');
  const net = await labGet(`/networks/${P}net?scope=swarm`);
  const selfID = JSON.parse(must(['info', '--format', '{{json .Swarm.NodeID}}']));
  return { capturedAt: Date.now(), selfID, nodes, services, tasks, networks: [net], ids };
}

// --- times -------------------------------------------------------------------------------------

const NOW = Date.parse('2026-01-02T03:04:05.000Z');
const NS = 1_000_000_000n;

/** Unix nanoseconds of an RFC 3339 text (nanosecond digits kept). */
function nanos(text) {
  const m = /^(.*T\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(text);
  const ms = Date.parse(`${m[1]}${m[3]}`);
  const frac = BigInt(((m[2] ?? '.').slice(1) + '000000000').slice(0, 9));
  return BigInt(ms) * 1_000_000n + frac;
}
/** Go's RFC3339Nano in UTC (trailing zeros of the fraction dropped). */
function rfc3339(ns) {
  const sec = ns / NS - (ns % NS < 0n ? 1n : 0n);
  const frac = ns - sec * NS;
  const base = new Date(Number(sec) * 1000).toISOString().slice(0, 19);
  const f = frac === 0n ? '' : `.${frac.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${base}${f}Z`;
}
/** Moves a time so its age at `to` is what it was at `from`, the age snapped to k + 0.5 s. */
function rebase(text, fromMs, toMs) {
  if (typeof text !== 'string' || text.startsWith('0001-')) return text;
  const age = BigInt(fromMs) * 1_000_000n - nanos(text);
  const snapped = (age / NS) * NS + NS / 2n;
  const sub = nanos(text) % 1_000_000n; // keep a few odd nanosecond digits
  return rfc3339(BigInt(toMs) * 1_000_000n - snapped + (age > 0n ? sub : 0n));
}
/** Applies fn to every time field of the state (tasks, services, nodes). */
function mapTimes(state, fn) {
  const t = structuredClone(state);
  for (const task of t.tasks) {
    task.CreatedAt = fn(task.CreatedAt);
    task.UpdatedAt = fn(task.UpdatedAt);
    if (task.Status) task.Status.Timestamp = fn(task.Status.Timestamp);
  }
  for (const s of t.services) {
    s.CreatedAt = fn(s.CreatedAt);
    s.UpdatedAt = fn(s.UpdatedAt);
    if (s.UpdateStatus?.StartedAt) s.UpdateStatus.StartedAt = fn(s.UpdateStatus.StartedAt);
    if (s.UpdateStatus?.CompletedAt) s.UpdateStatus.CompletedAt = fn(s.UpdateStatus.CompletedAt);
  }
  for (const n of t.nodes) {
    n.CreatedAt = fn(n.CreatedAt);
    n.UpdatedAt = fn(n.UpdatedAt);
  }
  return t;
}
/** The state at a clock reading: every time moved by (ms − NOW). */
function shifted(state, ms) {
  return mapTimes(state, (x) => (typeof x === 'string' && !x.startsWith('0001-') ? rfc3339(nanos(x) + BigInt(ms - NOW) * 1_000_000n) : x));
}

// --- variants ------------------------------------------------------------------------------------

let serial = 0;
const newID = (tag) => `${tag}${String(++serial).padStart(3, '0')}`.padEnd(25, 'x').slice(0, 25);
const ago = (seconds) => rfc3339(BigInt(NOW) * 1_000_000n - BigInt(Math.round(seconds * 1000)) * 1_000_000n);

/** node-3 drained: its live tasks shut down, the replicated ones replaced on another node. */
function drained(base, node3, other) {
  const s = structuredClone(base);
  const n = s.nodes.find((x) => x.ID === node3);
  n.Spec.Availability = 'drain';
  const added = [];
  for (const t of s.tasks) {
    if (t.NodeID !== node3 || t.DesiredState !== 'running') continue;
    t.DesiredState = 'shutdown';
    t.Status = { ...t.Status, State: 'shutdown', Message: 'shutdown', Timestamp: ago(30.5) };
    if (!t.Slot) continue;
    const r = structuredClone(t);
    r.ID = newID('drainrepl');
    r.NodeID = other;
    r.DesiredState = 'running';
    r.CreatedAt = ago(31.5);
    r.Status = { Timestamp: ago(25.5), State: 'running', Message: 'started', ContainerStatus: { ContainerID: 'c'.repeat(64), PID: 4242, ExitCode: 0 }, PortStatus: {} };
    added.push(r);
  }
  s.tasks.push(...added);
  return s;
}

/** node-3 killed: Down; its tasks still report running but are desired shut down, replaced elsewhere. */
function killed(base, node3, other) {
  const s = structuredClone(base);
  const n = s.nodes.find((x) => x.ID === node3);
  n.Status = { State: 'down', Message: 'heartbeat failure for node in "unknown" state', Addr: n.Status?.Addr ?? '' };
  const added = [];
  for (const t of s.tasks) {
    if (t.NodeID !== node3 || t.DesiredState !== 'running') continue;
    t.DesiredState = 'shutdown';
    if (!t.Slot) continue;
    const r = structuredClone(t);
    r.ID = newID('killrepl');
    r.NodeID = other;
    r.DesiredState = 'running';
    r.CreatedAt = ago(95.5);
    r.Status = { Timestamp: ago(62.5), State: 'running', Message: 'started', ContainerStatus: { ContainerID: 'd'.repeat(64), PID: 4343, ExitCode: 0 }, PortStatus: {} };
    added.push(r);
  }
  s.tasks.push(...added);
  // The daemon's own counts (API ≥ 1.41) leave out the tasks of the down node.
  for (const svc of s.services) {
    if (!svc.ServiceStatus) continue;
    const mine = s.tasks.filter((t) => t.ServiceID === svc.ID);
    svc.ServiceStatus.RunningTasks = mine.filter((t) => t.NodeID !== node3 && t.Status.State === 'running').length;
  }
  return s;
}

/** Log lines: canned text for the running tasks of some services (the daemon sends them muxed). */
function withLogs(state, ids) {
  const s = structuredClone(state);
  const live = (k) => s.tasks.filter((t) => t.ServiceID === ids[k] && t.DesiredState === 'running').sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || (a.NodeID < b.NodeID ? -1 : 1));
  const logs = [];
  let sec = 0;
  const line = (task, stream, text, extra) => logs.push({ task: task.ID, stream, time: `2026-01-02T03:0${Math.floor(sec / 60)}:${String(sec++ % 60).padStart(2, '0')}.${String(123456789 + sec).slice(0, 9)}Z`, text, ...(extra ? { extra } : {}) });
  for (const t of live('web')) {
    line(t, 1, `hello from slot ${t.Slot}\n`);
    line(t, 2, `warning from slot ${t.Slot}\n`);
  }
  const [w1] = live('web');
  line(w1, 1, 'with extra details\n', ['env%3Dprod=a%2Cb+c', 'zeta=1', 'alpha=%E2%9C%93']);
  line(w1, 1, '  spaces | bars ünïcödé ✓\n');
  line(w1, 1, '\n');
  line(w1, 1, 'no newline');
  for (const t of live('glob')) line(t, 1, `global on ${t.NodeID}\n`);
  for (const t of live('tty')) logs.push({ task: t.ID, stream: 1, time: '2026-01-02T03:05:00.5Z', text: 'tty\r\n' });

  // A service with ten replicas (padding), cloned from web: slots 1 and 10.
  const webSvc = s.services.find((x) => x.ID === ids.web);
  const wide = structuredClone(webSvc);
  wide.ID = 'widesvcid0000000000000000';
  wide.Spec.Name = `${P}wide`;
  wide.Spec.Mode = { Replicated: { Replicas: 10 } };
  s.services.push(wide);
  for (const slot of [1, 10]) {
    const t = structuredClone(w1);
    t.ID = newID(`wide${slot}`);
    t.ServiceID = wide.ID;
    t.Slot = slot;
    s.tasks.push(t);
    line(t, 1, `wide slot ${slot}\n`);
  }
  // Services whose log streams go wrong, one way each (cloned from web, one task).
  const broken = (name, lines) => {
    const svc = structuredClone(webSvc);
    svc.ID = `broken${name}`.padEnd(25, '0');
    svc.Spec.Name = `${P}broken-${name}`;
    s.services.push(svc);
    const t = structuredClone(w1);
    t.ID = newID(`brk${name}`);
    t.ServiceID = svc.ID;
    s.tasks.push(t);
    line(t, 1, 'fine\n');
    for (const l of lines) logs.push({ task: t.ID, time: '2026-01-02T03:06:00Z', ...l });
  };
  broken('details', [{ stream: 1, text: 'x\n', rawDetails: 'nonsense' }]);
  broken('escape', [{ stream: 1, text: 'x\n', extra: ['bad=%zz'] }]);
  broken('missing', [{ stream: 1, text: 'x\n', rawDetails: 'com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1' }]);
  broken('syserr', [{ stream: 3, text: 'something broke in the daemon' }]);
  broken('notask', [{ stream: 2, text: 'x\n', rawDetails: `com.docker.swarm.node.id=${w1.NodeID},com.docker.swarm.service.id=${ids.web},com.docker.swarm.task.id=notaskid0000000000000000x` }]);
  s.logs = logs;
  return s;
}

// --- cases ---------------------------------------------------------------------------------------

function cases(ids, state) {
  const webTask = state.tasks.find((t) => t.ServiceID === ids.web && t.DesiredState === 'running');
  const all = NAMES;
  const ls = [
    { args: ['service', 'ls'] },
    { args: ['service', 'ls', '-q'] },
    { args: ['service', 'ls', '--format', 'json'] },
    { args: ['service', 'ls', '--format', 'raw'] },
    { args: ['service', 'ls', '--format', 'raw', '-q'] },
    { args: ['service', 'ls', '--format', 'table {{.Name}}\t{{.Replicas}}\t{{.Ports}}'] },
    { args: ['service', 'ls', '--format', '{{.ID}}|{{.Mode}}|{{.Image}}'] },
    { args: ['service', 'ls', '--format', '{{.Nope}}'] },
    { args: ['service', 'ls'], config: { servicesFormat: 'table {{.Name}}\t{{.Mode}}' } },
    { args: ['service', 'ls', '-q'], config: { servicesFormat: 'table {{.Name}}\t{{.Mode}}' } },
  ];
  const inspect = [
    { args: ['service', 'inspect', ...all] },
    { args: ['service', 'inspect', '--format', 'json', `${P}rich`, `${P}web`] },
    { args: ['service', 'inspect', `${P}rich`, `${P}nosuch`, `${P}zero`] },
    { args: ['service', 'inspect', '--format', '{{.Spec.Name}} {{.Spec.UpdateConfig.Monitor}} {{.Spec.TaskTemplate.Resources.Limits.NanoCPUs}}', ...all] },
    { args: ['service', 'inspect', '--format', '{{json .Endpoint}}', ...all] },
    { args: ['service', 'inspect', '--format', '{{.UpdateStatus.StartedAt}}', `${P}web`] },
    { args: ['service', 'inspect', '--format', '{{.Nope}}', `${P}web`] },
    { args: ['service', 'inspect', `${P}web`], config: { serviceInspectFormat: '{{.Spec.Name}}' } },
  ];
  const pretty = [
    ...all.map((n) => ({ args: ['service', 'inspect', '--pretty', n], shift: true })),
    { args: ['service', 'inspect', '--pretty', ...all], shift: true },
    { args: ['service', 'inspect', '--pretty', `${P}web`, `${P}nosuch`], shift: true },
    { args: ['service', 'inspect', `${P}rich`], config: { serviceInspectFormat: 'pretty' }, shift: true },
  ];
  const ps = [
    { args: ['service', 'ps', ...all], shift: true },
    { args: ['service', 'ps', '--no-trunc', ...all], shift: true },
    { args: ['service', 'ps', '--no-resolve', ...all], shift: true },
    { args: ['service', 'ps', '-q', ...all] },
    { args: ['service', 'ps', '--format', 'json', `${P}web`, `${P}bad`], shift: true },
    { args: ['service', 'ps', '--format', 'raw', `${P}glob`], shift: true },
    { args: ['service', 'ps', '--format', 'table {{.Name}}\t{{.Node}}\t{{.Error}}\t{{.Ports}}', ...all] },
    { args: ['service', 'ps', '--format', '{{.Name}} {{.Image}}', '-f', 'desired-state=running', ...all] },
    { args: ['service', 'ps', '--format', '{{.Name}}', '-f', 'node=self', ...all] },
    { args: ['service', 'ps', `${P}web`, `${P}nosuch`], shift: true },
    { args: ['service', 'ps', `${P}nosuch`] },
    { args: ['service', 'ps', ids.web.slice(0, 6)], shift: true },
    { args: ['service', 'ps', `${P}web`], config: { tasksFormat: 'table {{.Name}}\t{{.CurrentState}}' }, shift: true },
  ];
  const logs = [
    ...[[], ['-t'], ['--details'], ['-t', '--details'], ['--no-task-ids'], ['--no-trunc'], ['--no-resolve'], ['--raw'], ['--raw', '--details'], ['--raw', '-t'], ['--tail', '2'], ['--since', 'xyz'], ['--since', '2000-13-01']]
      .map((f) => ({ args: ['service', 'logs', ...f, `${P}web`] })),
    { args: ['service', 'logs', `${P}glob`] },
    { args: ['service', 'logs', `${P}wide`] },
    { args: ['service', 'logs', webTask.ID] },
    { args: ['service', 'logs', '--since', 'xyz', webTask.ID] },
    { args: ['service', 'logs', `${P}tty`] },
    { args: ['service', 'logs', '--raw', `${P}tty`] },
    { args: ['service', 'logs', `${P}nosuch`] },
    ...['details', 'escape', 'missing', 'syserr', 'notask'].map((b) => ({ args: ['service', 'logs', `${P}broken-${b}`] })),
  ];
  return { ls, inspect, pretty, ps, logs };
}

async function main() {
  console.log(`oracle: docker ${version}`);
  let lab;
  try {
    lab = await labState();
  } finally {
    cleanup();
  }
  const { ids, capturedAt } = lab;
  // Saved at the fixed clock: ages kept (snapped to k + 0.5 s).
  const base = mapTimes({ selfID: lab.selfID, nodes: lab.nodes, services: lab.services, tasks: lab.tasks, networks: lab.networks }, (x) => rebase(x, capturedAt, NOW));
  const hosts = base.nodes.map((n) => [n.Description.Hostname, n.ID]);
  const node3 = hosts.find(([h]) => h === 'node-3')[1];
  const node1 = hosts.find(([h]) => h === 'node-1')[1];
  const states = {
    lab: withLogs(base, ids),
    drained: drained(base, node3, node1),
    killed: killed(base, node3, node1),
  };
  states.api140 = { ...states.killed, apiVersion: '1.40' };

  const routes = readRoutes(states.lab);
  const daemon = await startFakeDaemon(routes);
  const cfgDir = mkdtempSync(join(tmpdir(), 'tsw-cap-cfg-'));
  try {
    const capture = async (state, c) => {
      routes.setState(c.shift ? shifted(state, Date.now()) : state);
      const env = { DOCKER_HOST: daemon.host };
      if (c.config) {
        writeFileSync(join(cfgDir, 'config.json'), JSON.stringify(c.config));
        env.DOCKER_CONFIG = cfgDir;
      }
      return { ...c, ...(await runAsync(c.args, env)) };
    };
    const save = (name, state, list) => {
      writeFileSync(`${out}${name}.json`, `${JSON.stringify({ client: version, now: new Date(NOW).toISOString(), state, cases: list }, null, 2)}\n`);
      console.log(`  ${name}.json (${list.length} cases)`);
    };
    const all = async (state, list) => {
      const done = [];
      for (const c of list) done.push(await capture(state, c));
      return done;
    };
    const c = cases(ids, states.lab);
    save('ls', states.lab, await all(states.lab, c.ls));
    save('inspect', states.lab, await all(states.lab, c.inspect));
    save('pretty', states.lab, await all(states.lab, c.pretty));
    save('ps', states.lab, await all(states.lab, c.ps));
    save('logs', states.lab, await all(states.lab, c.logs));
    const nodeStates = [
      { args: ['service', 'ls'] },
      { args: ['service', 'ps', ...NAMES], shift: true },
      { args: ['service', 'ps', '--format', 'table {{.Name}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}', `${P}web`, `${P}max`, `${P}glob`], shift: true },
      { args: ['node', 'ps', 'node-3'], shift: true },
      { args: ['node', 'ps', '--format', '{{.Name}} {{.DesiredState}}', 'node-1', 'node-3'] },
    ];
    save('drained', states.drained, await all(states.drained, nodeStates));
    save('killed', states.killed, await all(states.killed, nodeStates));
    save('api140', states.api140, await all(states.api140, [{ args: ['service', 'ls'] }, { args: ['service', 'ls', '--format', '{{.Name}} {{.Replicas}}'] }]));
  } finally {
    rmSync(cfgDir, { recursive: true, force: true });
    await daemon.close();
  }
}

await main();
