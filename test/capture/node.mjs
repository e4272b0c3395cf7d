#!/usr/bin/env node
// Captures what docker 28 prints for `node inspect` (JSON, --format json, templates, --pretty)
// and `node ps` (every flag, history rows, name resolution, tasksFormat), together with the
// exact fixture objects docker rendered, so unit tests of src/render/{inspect,node-inspect,
// tasks}.ts need no engine. Also `config inspect` for the raw-body path of the inspect machinery.
//
// The fixtures start from real bodies of the lab (a manager and a worker node, the tasks of a
// service created here), plus variants that reach the branches the lab never shows (names,
// labels, messages, errors, ports, global tasks, odd images). They are served to docker by a
// fake Engine API on a unix socket, with task timestamps set relative to the capture's clock;
// the clock reading (`now`) is saved with them. Offsets keep half a second (or more) away from
// every HumanDuration boundary, so docker's own few milliseconds later do not change a word.
//
// Run against the lab: source /tmp/tsw-lab.env && node test/capture/node.mjs
// Writes test/golden/node/*.json. The lab service it creates is named tsw-cap-* and removed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/node/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (source /tmp/tsw-lab.env)');
const labSocket = host.slice('unix://'.length);
const registry = process.env.TSW_LAB_REGISTRY ?? '';
const tag = `tsw-cap-${process.pid}`;

const version = run(['version', '--format', '{{.Client.Version}}'], { DOCKER_HOST: host }).stdout.trim();
if (Number(/^(\d+)\./.exec(version)?.[1] ?? 0) < 28) throw new Error(`oracle is not docker >= 28: ${version}`);

function run(args, env = {}) {
  const r = spawnSync(docker, args, {
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC', ...env },
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

/** Like run, but without blocking the event loop (the fake daemon lives in this process). */
function runAsync(args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(docker, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC', ...env },
    });
    const so = [];
    const se = [];
    child.stdout.on('data', (c) => so.push(c));
    child.stderr.on('data', (c) => se.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ stdout: Buffer.concat(so).toString('utf8'), stderr: Buffer.concat(se).toString('utf8'), code: code ?? -1 }),
    );
  });
}

function must(args) {
  const r = run(args, { DOCKER_HOST: host });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function labGet(path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: labSocket, path: `/v1.41${path}`, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function save(name, data) {
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ client: version, ...data }, null, 2)}\n`);
  console.log(`  ${name}.json`);
}

// --- the fake Engine API -----------------------------------------------------------------

/**
 * Serves fixed objects: nodes (raw body text by ID, also found by hostname), services,
 * configs, tasks (filtered by the `node` filter, as the daemon does), /info for `self`.
 */
async function fakeDaemon(state) {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-fake-'));
  const socket = join(dir, 'docker.sock');
  const notFound = (res, what) => {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(`${JSON.stringify({ message: what })}\n`);
  };
  const json = (res, text) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
    res.end(text);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v1\.\d+/, '');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    if (path !== '/_ping') state.requests?.push({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') });
    if (path === '/_ping') {
      res.writeHead(200, { 'Api-Version': '1.41', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
      return;
    }
    if (path === '/info') return json(res, `${JSON.stringify({ Swarm: { NodeID: state.selfID, LocalNodeState: 'active', ControlAvailable: true } })}\n`);
    let m = /^\/nodes\/([^/]+)(\/update)?$/.exec(path);
    if (m && (req.method === 'POST' || req.method === 'DELETE')) {
      const ref = decodeURIComponent(m[1]);
      const found = state.nodes.some((n) => n.id === ref || n.hostname === ref);
      if (!found) return notFound(res, `node ${ref} not found`);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
      res.end(req.method === 'POST' ? '{}\n' : '');
      return;
    }
    m = /^\/nodes\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1]);
      const body = state.nodes.find((n) => n.id === ref || n.hostname === ref);
      return body ? json(res, body.raw) : notFound(res, `node ${ref} not found`);
    }
    m = /^\/services\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1]);
      const svc = state.services[ref];
      return svc ? json(res, `${JSON.stringify(svc)}\n`) : notFound(res, `service ${ref} not found`);
    }
    m = /^\/configs\/(.+)$/.exec(path);
    if (m) {
      const ref = decodeURIComponent(m[1]);
      const c = state.configs.find((x) => x.id === ref);
      return c ? json(res, c.raw) : notFound(res, `config ${ref} not found`);
    }
    if (path === '/tasks') {
      const filters = JSON.parse(url.searchParams.get('filters') ?? '{}');
      const nodes = Object.keys(filters.node ?? {});
      // Timestamps relative to this case's first /tasks request (see state.tasksAt).
      state.caseTasks ??= state.tasksAt(Date.now());
      const tasks = state.caseTasks.filter((t) => nodes.length === 0 || nodes.includes(t.NodeID ?? ''));
      return json(res, `${JSON.stringify(tasks)}\n`);
    }
    notFound(res, `page not found: ${path}`);
  });
  await new Promise((resolve) => server.listen(socket, resolve));
  return {
    host: `unix://${socket}`,
    close: () => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// --- node fixtures ---------------------------------------------------------------------

/** Re-serialises a decoded body with a few changes (key order of the original kept). */
function variant(raw, edit) {
  const o = JSON.parse(raw);
  edit(o);
  return `${JSON.stringify(o)}\n`;
}

async function nodeFixtures() {
  const selfID = must(['info', '--format', '{{.Swarm.NodeID}}']).trim();
  const ids = must(['node', 'ls', '-q']).trim().split('\n');
  const workerID = ids.find((id) => id !== selfID);
  const manager = await labGet(`/nodes/${selfID}`);
  const worker = await labGet(`/nodes/${workerID}`);
  const named = variant(worker, (o) => {
    o.ID = 'namednodeid0000000000000a';
    o.CreatedAt = '2024-03-01T10:11:12.3456Z';
    o.Spec.Name = 'Named-Node';
    o.Spec.Labels = { zone: 'a', ssd: '', 'weird<&>': 'x"y é' };
    o.Spec.Availability = 'drain';
    o.Spec.Extra = 'dropped by the typed value';
    o.Description.Hostname = 'host-named';
    o.Description.Resources = { NanoCPUs: 1500000000, MemoryBytes: 1536 };
    o.Description.Engine.Labels = { b: '2', a: '' };
    o.Description.Engine.Plugins = [
      { Type: 'Volume', Name: 'local' },
      { Type: 'Log', Name: 'json-file' },
      { Type: 'Volume', Name: 'nfs' },
      { Type: 'Authorization', Name: 'authz' },
    ];
    delete o.Description.TLSInfo;
    o.Status = { State: 'down', Message: 'heartbeat failure for node in "unknown" state' };
    o.ManagerStatus = { Leader: false, Reachability: 'unreachable', Addr: '192.168.250.99:2377' };
    o.Unknown = { nested: [1, 2.50, '<tag>'] };
  });
  const minimal = '{"ID":"minimalnodeid000000000000"}\n';
  const emptyTLS = variant(worker, (o) => {
    o.ID = 'emptytlsnodeid00000000000';
    o.Description.Hostname = 'host-emptytls';
    o.Description.TLSInfo = { CertIssuerSubject: '' };
    o.Description.Engine.Plugins = null;
    o.Description.Resources = { NanoCPUs: 999999999, MemoryBytes: 17179869184 };
  });
  const host = (raw) => JSON.parse(raw).Description?.Hostname ?? '';
  const nodes = [manager, worker, named, minimal, emptyTLS].map((raw) => ({ id: JSON.parse(raw).ID, hostname: host(raw), raw }));
  return { selfID, nodes };
}

const NODE_TEMPLATES = [
  '{{.ID}} {{.Description.Hostname}} {{.Spec.Role}}',
  '{{.Spec.Labels}}',
  '{{json .Spec}}',
  '{{.Status}}',
  '{{.ManagerStatus}}',
  '{{.CreatedAt}}',
  '{{.Unknown}}',
  '{{.Spec.Extra}}',
  '{{.Description.Resources.NanoCPUs}} {{.Description.Resources.MemoryBytes}}',
  '{{if .ManagerStatus}}manager{{else}}worker{{end}}',
  '{{range $k, $v := .Spec.Labels}}{{$k}}={{$v}};{{end}}',
];

// --- task fixtures ---------------------------------------------------------------------

/** Real task bodies of a lab service with two replicas. */
async function realTasks() {
  const svc = `${tag}-svc`;
  must(['service', 'create', '--detach', '--quiet', '--name', svc, '--replicas', '2', `${registry}/busybox:latest`]);
  try {
    for (let i = 0; i < 120; i++) {
      const s = must(['service', 'ps', '--format', '{{.CurrentState}}', svc]);
      if (s.trim().split('\n').every((l) => l.startsWith('Running'))) break;
      await sleep(500);
    }
    const id = must(['service', 'inspect', '--format', '{{.ID}}', svc]).trim();
    const filters = encodeURIComponent(JSON.stringify({ service: { [id]: true } }));
    return { tasks: JSON.parse(await labGet(`/tasks?filters=${filters}`)), serviceID: id };
  } finally {
    run(['service', 'rm', svc], { DOCKER_HOST: host });
  }
}

/** RFC 3339 with nanoseconds for a ms clock minus an offset in (fractional) seconds. */
function stamp(nowMs, offsetSeconds, extraNanos = 0) {
  const ms = nowMs - Math.round(offsetSeconds * 1000);
  const iso = new Date(ms).toISOString(); // …:SS.mmmZ
  const nanos = String((ms % 1000 + 1000) % 1000 * 1e6 + extraNanos).padStart(9, '0');
  return `${iso.slice(0, 19)}.${nanos}Z`;
}

function taskFixtures(real, nowMs, nodeIDs) {
  const base = real.tasks[0];
  const [n1, n2, n3] = nodeIDs;
  const digest = 'sha256:c2287010aff620afb809db511bd97884dab5d43cf7340cca7bc4c67b927f554b';
  const svcA = real.serviceID;
  const svcB = 'globalsvcid00000000000000';
  const svcGone = 'gonesvcid0000000000000000';
  let n = 0;
  const mk = (o) => {
    const t = structuredClone(base);
    delete t.NetworksAttachments;
    n++;
    t.ID = `task${String(n).padStart(2, '0')}${'x'.repeat(21)}`;
    t.ServiceID = o.service ?? svcA;
    if (o.slot === undefined) delete t.Slot;
    else t.Slot = o.slot;
    if (o.node === undefined) delete t.NodeID;
    else t.NodeID = o.node;
    t.CreatedAt = stamp(nowMs, o.created, o.createdNanos ?? 0);
    t.Spec.ContainerSpec.Image = o.image ?? `${registry}/busybox:latest@${digest}`;
    t.DesiredState = o.desired ?? 'running';
    t.Status = { Timestamp: stamp(nowMs, o.age), State: o.state ?? 'running', Message: o.state ?? 'started' };
    if (o.err) t.Status.Err = o.err;
    if (o.ports) t.Status.PortStatus = { Ports: o.ports };
    return t;
  };
  const tasks = [
    mk({ slot: 1, node: n1, created: 100.5, age: 5.5 }),
    mk({ slot: 1, node: n2, created: 200.5, age: 95.5, desired: 'shutdown', state: 'shutdown' }),
    mk({ slot: 1, node: n1, created: 300.5, age: 3 * 3600 + 0.5, desired: 'shutdown', state: 'failed', err: 'task: non-zero exit (137): killed by the kernel because it ran out of memory' }),
    mk({ slot: 10, node: n1, created: 50.5, age: 50 * 3600 + 0.5, ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'host' }, { Protocol: 'udp', TargetPort: 53, PublishedPort: 30053, PublishMode: 'host' }] }),
    mk({ slot: 2, node: n2, created: 40.5, age: 20 * 86400 + 0.5, state: 'rejected', desired: 'shutdown', err: 'No such image: 192.168.250.1:5000/busybox@sha256:0000 — 非常に長いエラー' }),
    mk({ slot: 2, node: n2, created: 40.5, createdNanos: 1, age: 3 * 365 * 86400 + 0.5, state: 'complete', desired: 'shutdown', image: 'docker.io/library/redis:7.4@' + digest }),
    mk({ slot: 3, node: undefined, created: 30.5, age: -5, state: 'pending', desired: 'running', image: 'busybox' }),
    mk({ slot: 4, node: n3, created: 20.5, age: 60.5, state: 'starting', image: 'index.docker.io/user/app:v1', err: 'short' }),
    mk({ service: svcB, slot: undefined, node: n1, created: 10.5, age: 7200.5, image: 'Upper/Case:tag' }),
    mk({ service: svcB, slot: undefined, node: n2, created: 10.5, age: 45.5, image: 'a'.repeat(64) }),
    mk({ service: svcB, slot: undefined, node: 'unknownnodeid000000000000', created: 10.5, age: 1.5, image: `${registry}/busybox@${digest}` }),
    mk({ service: svcGone, slot: 1, node: n3, created: 5.5, age: 119.5, image: 'localhost/x:1' }),
    mk({ service: svcA, slot: 11, node: n3, created: 5.5, age: 3600.5, state: 'orphaned', desired: 'remove', image: 'example.com:5000/team/app:1.0@sha256:abc' }),
  ];
  const services = {
    [svcA]: { ID: svcA, Spec: { Name: 'web' } },
    [svcB]: { ID: svcB, Spec: { Name: 'mon' } },
  };
  return { tasks, services };
}

// --- config fixtures (raw-body inspect path) ----------------------------------------------

const CONFIGS = [
  {
    id: 'cfgaaaaaaaaaaaaaaaaaaaaaa',
    raw: '{"ID":"cfgaaaaaaaaaaaaaaaaaaaaaa","Version":{"Index":11},"CreatedAt":"2024-03-01T10:11:12.5Z","UpdatedAt":"2024-03-01T10:11:12.5Z","Spec":{"Name":"app-config","Labels":{"a\\u003cb":"\\u0026"},"Data":"aGkK"},"Extra":{"Num":1.50,"List":[1e3,"x"]}}\n',
  },
  {
    id: 'cfgbbbbbbbbbbbbbbbbbbbbbb',
    raw: '{"ID":"cfgbbbbbbbbbbbbbbbbbbbbbb","Version":{"Index":12},"CreatedAt":"2024-03-02T00:00:00Z","UpdatedAt":"2024-03-02T00:00:00Z","Spec":{"Name":"other","Labels":null,"Data":""}}\n',
  },
];

const CONFIG_CASES = [
  [],
  ['--format', 'json'],
  ['--format', '{{.Spec.Name}} {{.Version}} {{.CreatedAt}}'],
  ['--format', '{{.Extra.Num}} {{.Extra.List}}'],
  ['--format', '{{.Nope}}'],
  ['--format', '{{.Spec.Nope}}'],
];

async function main() {
  console.log(`oracle: docker ${version}`);
  const { selfID, nodes } = await nodeFixtures();
  const real = await realTasks();
  const ids = nodes.map((x) => x.id);
  // The fixture as saved, at a fixed clock; docker is served the same tasks with every time
  // shifted to its own request moment, so rendering them at `nowMs` gives docker's words.
  const nowMs = Date.parse('2026-01-02T03:04:05.000Z');
  const tasksAt = (ms) => taskFixtures(real, ms, [ids[0], ids[1], ids[2]]);
  const fx = tasksAt(nowMs);
  const state = { selfID, nodes, services: fx.services, tasksAt: (ms) => tasksAt(ms).tasks, caseTasks: null, configs: CONFIGS };
  const fake = await fakeDaemon(state);
  try {
    const env = { DOCKER_HOST: fake.host };
    /** config.json for the tasksFormat cases (saved with each case that used it). */
    const configJSON = { tasksFormat: 'table {{.Name}}\t{{.Node}}\t{{.CurrentState}}' };
    const capture = async (args, extraEnv = {}) => {
      state.caseTasks = null;
      const config = extraEnv.DOCKER_CONFIG ? { config: configJSON } : {};
      return { args, ...config, ...(await runAsync(args, { ...env, ...extraEnv })) };
    };
    const captureAll = async (list) => {
      const done = [];
      for (const [args, extraEnv] of list) done.push(await capture(args, extraEnv));
      return done;
    };

    // node inspect: JSON (typed value marshalled again), json, templates, pretty, missing.
    const inspect = await captureAll([
      [['node', 'inspect', ...ids]],
      [['node', 'inspect', '--format', 'json', ...ids]],
      [['node', 'inspect', 'self']],
      [['node', 'inspect', ids[0], 'nosuch', ids[2], 'nosuch2']],
      [['node', 'inspect', '--format', 'json', 'nosuch']],
      [['node', 'inspect', 'nosuch']],
      [['node', 'inspect', '--format', '{{.ID}}', 'nosuch']],
      ...NODE_TEMPLATES.map((t) => [['node', 'inspect', '--format', t, ...ids]]),
    ]);
    const pretty = await captureAll([
      ...ids.map((id) => [['node', 'inspect', '--pretty', id]]),
      [['node', 'inspect', '--pretty', ...ids]],
      [['node', 'inspect', '--pretty', 'self']],
      [['node', 'inspect', '--pretty', ids[0], 'nosuch']],
    ]);
    save('inspect', { nodes, selfID, cases: inspect });
    save('pretty', { nodes, selfID, cases: pretty });

    // node ps: the task table.
    const cfgDir = mkdtempSync(join(tmpdir(), 'tsw-cap-cfg-'));
    writeFileSync(join(cfgDir, 'config.json'), JSON.stringify(configJSON));
    const all = [ids[0], ids[1], ids[2], 'unknownnodeid000000000000'];
    const ps = await captureAll([
      [['node', 'ps']],
      [['node', 'ps', ...all]],
      [['node', 'ps', ids[1], ids[0]]],
      [['node', 'ps', '-q', ...all]],
      [['node', 'ps', '-q', '--no-trunc', ...all]],
      [['node', 'ps', '--no-trunc', ...all]],
      [['node', 'ps', '--no-resolve', ...all]],
      [['node', 'ps', '--format', 'json', ...all]],
      [['node', 'ps', '--format', 'raw', ...all]],
      [['node', 'ps', '--format', 'raw', '-q', ...all]],
      [['node', 'ps', '--format', '{{.Name}}|{{.Image}}|{{.Error}}|{{.Ports}}', ...all]],
      [['node', 'ps', '--format', '{{.ID}}|{{.Image}}', ...all]],
      [['node', 'ps', '--format', 'table {{.Name}}\t{{.Error}}\t{{.Ports}}', '--no-trunc', ...all]],
      [['node', 'ps', '--format', 'table', '-q', ...all]],
      [['node', 'ps', ...all], { DOCKER_CONFIG: cfgDir }],
      [['node', 'ps', '-q', ...all], { DOCKER_CONFIG: cfgDir }],
      [['node', 'ps', ids[0], 'nosuch']],
      [['node', 'ps', 'nosuch']],
      [['node', 'ps', '--format', '{{.Nope}}', ids[0]]],
    ]);
    rmSync(cfgDir, { recursive: true, force: true });
    save('ps', { now: new Date(nowMs).toISOString(), selfID, nodes, services: fx.services, tasks: fx.tasks, cases: ps });

    // config inspect: raw bodies re-indented, raw-JSON template fallback.
    const cfgIDs = CONFIGS.map((c) => c.id);
    const configs = await captureAll([
      ...CONFIG_CASES.map((f) => [['config', 'inspect', ...f, ...cfgIDs]]),
      [['config', 'inspect', cfgIDs[0], 'nosuch']],
    ]);
    save('config-inspect', { configs: CONFIGS, cases: configs });

    // Writes: the requests docker sends (method, URL with query, body), against the fixture.
    const recorded = async (args) => {
      state.requests = [];
      const r = await capture(args);
      const requests = state.requests;
      state.requests = undefined;
      return { ...r, requests };
    };
    const writes = [];
    for (const args of [
      ['node', 'update', '--label-add', 'b=2', '--label-add', 'a<&>=x"y', '--label-add', 'solo', '--availability', 'pause', ids[2]],
      ['node', 'update', '--label-rm', 'zone', '--role', 'manager', ids[2]],
      ['node', 'update', '--label-rm', 'nope', ids[2]],
      ['node', 'update', ids[3]],
      ['node', 'update', ids[1]],
      ['node', 'promote', ids[1], ids[0], 'nosuch', ids[2]],
      ['node', 'demote', ids[0], ids[1]],
      ['node', 'rm', ids[1], 'nosuch', ids[2]],
      ['node', 'rm', '--force', ids[1]],
      ['node', 'remove', '-f', ' ', ids[0]],
    ]) {
      writes.push(await recorded(args));
    }
    save('writes', { nodes, cases: writes });
  } finally {
    fake.close();
  }
}

await main();
