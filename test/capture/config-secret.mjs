#!/usr/bin/env node
// Captures what docker 28 does for `config`/`secret`, for the unit tests of
// src/render/config-secret.ts and src/engine/secrets.ts (test/unit/config-secret.test.ts):
//
//  - requests.json: the exact requests (method, URL, body) docker sends for `create` (file,
//    stdin, labels, --template-driver, secret --driver) and `rm`, recorded by a fake Engine API
//    on a unix socket. Secret data must appear in bodies only.
//  - render.json: `ls` in every format and `inspect --pretty` for fixture objects served by the
//    fake API. The fixtures start from real bodies of the lab (objects created here, named
//    tsw-cs-cap-*, removed at the end) plus variants (no labels, a nil Labels, many labels,
//    unicode, binary data, a driver, odd times). CreatedAt/UpdatedAt are set relative to the
//    capture's clock (`now`, saved; each case also saves the clock reading just before docker
//    started), half a second or more away from every HumanDuration
//    boundary so docker's own milliseconds do not change a word. Every fixture has at most one
//    label where docker prints the LABELS column (its order follows Go map iteration).
//
// Run against the lab: eval "$(./bin/tsw lab env)" && node test/capture/config-secret.mjs
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/config-secret/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (eval "$(./bin/tsw lab env)")');
const labSocket = host.slice('unix://'.length);
const P = 'tsw-cs-cap-';

function run(args, env = {}, input = '') {
  return new Promise((resolve, reject) => {
    const child = spawn(docker, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC', ...env },
    });
    const so = [];
    const se = [];
    child.stdout.on('data', (c) => so.push(c));
    child.stderr.on('data', (c) => se.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ stdout: Buffer.concat(so).toString('latin1'), stderr: Buffer.concat(se).toString('utf8'), code: code ?? -1 }),
    );
    child.stdin.end(input);
  });
}

async function must(args, input = '') {
  const r = await run(args, { DOCKER_HOST: host }, input);
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

const version = (await must(['version', '--format', '{{.Client.Version}}'])).trim();
if (Number(/^(\d+)\./.exec(version)?.[1] ?? 0) < 28) throw new Error(`oracle is not docker >= 28: ${version}`);

function save(name, data) {
  writeFileSync(`${out}${name}.json`, `${JSON.stringify({ client: version, ...data }, null, 2)}\n`);
  console.log(`  ${name}.json`);
}

// --- the fake Engine API -----------------------------------------------------------------

/** Records every request but pings; serves state.configs / state.secrets (lists and by ID). */
async function fakeDaemon(state) {
  const dir = mkdtempSync(join(tmpdir(), 'tsw-fake-'));
  const socket = join(dir, 'docker.sock');
  const send = (res, code, text) => {
    res.writeHead(code, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
    res.end(text);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = url.pathname.replace(/^\/v1\.\d+/, '');
    const chunks = [];
    for await (const c of req) chunks.push(c);
    if (path === '/_ping') {
      res.writeHead(200, { 'Api-Version': '1.41', Ostype: 'linux', 'Docker-Experimental': 'false', Swarm: 'active/manager' });
      res.end(req.method === 'HEAD' ? undefined : 'OK');
      return;
    }
    state.requests.push({ method: req.method, url: req.url, body: Buffer.concat(chunks).toString('utf8') });
    const m = /^\/(configs|secrets)(?:\/(.+))?$/.exec(path);
    if (!m) return send(res, 404, '{"message":"page not found"}\n');
    const list = state[m[1]] ?? [];
    const ref = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
    if (ref === undefined) return send(res, 200, `[${list.map((o) => o.raw.trim()).join(',')}]\n`);
    if (ref === 'create' && req.method === 'POST') return send(res, 201, '{"ID":"fakeid0000000000000000001"}\n');
    const found = list.find((o) => o.id === ref);
    if (req.method === 'DELETE') return found ? send(res, 204, '') : send(res, 404, `{"message":"${m[1].slice(0, -1)} ${ref} not found"}\n`);
    return found ? send(res, 200, found.raw) : send(res, 404, `{"message":"${m[1].slice(0, -1)} ${ref} not found"}\n`);
  });
  await new Promise((r) => server.listen(socket, r));
  return {
    host: `unix://${socket}`,
    close: () =>
      new Promise((r) => {
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          r();
        });
        server.closeAllConnections();
      }),
  };
}

// --- requests ------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'tsw-cs-cap-'));
writeFileSync(join(work, 'data'), 'top secret\n');
writeFileSync(join(work, 'bin'), Buffer.from([0xff, 0x00, 0xfe, 0x3c, 0x26, 0x3e]));

const createCases = [
  { args: ['config', 'create', 'c1', 'FILE:data'] },
  { args: ['config', 'create', 'c2', '-'], stdin: 'from stdin <&>\n' },
  { args: ['config', 'create', '-l', 'b=2', '-l', 'a=1', '-l', 'solo', '-l', 'a=3', '-l', 'x=<y>', 'c3', 'FILE:bin'] },
  { args: ['config', 'create', '--template-driver', 'golang', 'c4', '-'], stdin: '{{ env "HOME" }}' },
  { args: ['config', 'create', '', '-'], stdin: 'no name' },
  { args: ['secret', 'create', 's1', 'FILE:data'] },
  { args: ['secret', 'create', 's2', '-'], stdin: 'p4ssw0rd' },
  { args: ['secret', 'create', '-l', 'k=v', '--template-driver', 'golang', 's3', 'FILE:bin'] },
  { args: ['secret', 'create', '-d', 'vault', '-l', 'k=v', 's4'] },
  { args: ['secret', 'create', '--driver', 'vault', '--template-driver', 'golang', 's5'] },
  { args: ['config', 'rm', 'a', 'b'] },
  { args: ['secret', 'rm', 'a', 'b'] },
];

const reqState = { requests: [] };
const reqFake = await fakeDaemon(reqState);
const requests = [];
for (const c of createCases) {
  reqState.requests.length = 0;
  const args = c.args.map((a) => (a.startsWith('FILE:') ? join(work, a.slice(5)) : a));
  const r = await run(args, { DOCKER_HOST: reqFake.host }, c.stdin ?? '');
  requests.push({
    args: c.args,
    ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
    code: r.code,
    stderr: r.stderr,
    requests: reqState.requests.map((q) => ({ ...q })),
  });
}
await reqFake.close();
save('requests', { files: { data: 'top secret\n', bin: [0xff, 0x00, 0xfe, 0x3c, 0x26, 0x3e] }, cases: requests });

// --- fixtures from the lab ---------------------------------------------------------------------

async function cleanup() {
  for (const kind of ['config', 'secret']) {
    const ids = (await run([kind, 'ls', '-q', '-f', `name=${P}`], { DOCKER_HOST: host })).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) await run([kind, 'rm', ...ids], { DOCKER_HOST: host });
  }
}
await cleanup();
const labConfig = (await must(['config', 'create', '-l', 'app=web', '--template-driver', 'golang', `${P}c`, '-'], 'listen 80\n')).trim();
const labSecret = (await must(['secret', 'create', '-l', 'app=web', `${P}s`, '-'], 'hunter2')).trim();
const configRaw = await labGet(`/configs/${labConfig}`);
const secretRaw = await labGet(`/secrets/${labSecret}`);
await cleanup();
rmSync(work, { recursive: true, force: true });

const now = Date.now();
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** RFC 3339 with nanoseconds, `ms` before now. */
function ago(ms, nanos = '123456789') {
  return new Date(now - ms).toISOString().replace(/\.\d+Z$/, `.${nanos}Z`);
}

let n = 0;
/** A variant of a lab body: spec fields replaced, times set, a fresh ID. */
function variant(raw, spec, created, updated, extra = {}) {
  const o = JSON.parse(raw);
  n++;
  o.ID = `${String(n).padStart(2, '0')}${o.ID.slice(2)}`;
  o.CreatedAt = created;
  o.UpdatedAt = updated;
  o.Spec = { ...o.Spec, ...spec };
  for (const [k, v] of Object.entries(extra)) o[k] = v;
  for (const k of Object.keys(o.Spec)) if (o.Spec[k] === undefined) delete o.Spec[k];
  return { id: o.ID, raw: `${JSON.stringify(o)}\n` };
}

const b64 = (s) => Buffer.from(s, 'latin1').toString('base64');
const configs = [
  { id: labConfig, raw: configRaw.replace(/"CreatedAt":"[^"]*"/, `"CreatedAt":"${ago(1500)}"`).replace(/"UpdatedAt":"[^"]*"/, `"UpdatedAt":"${ago(500)}"`) },
  variant(configRaw, { Name: 'app10', Labels: {}, Templating: undefined, Data: b64('x') }, ago(90 * S + 500), ago(45 * M + 500)),
  variant(configRaw, { Name: 'app2', Labels: null, Templating: undefined, Data: b64('line1\nline2') }, ago(3 * D + 30 * M), ago(2 * H + 10 * M)),
  variant(configRaw, { Name: 'app1', Labels: { 'com.example.tier': 'front' }, Data: b64('\xff\xfe\x00bin\n') }, ago(400 * D), ago(40 * D), {
    CreatedAt: '2024-03-01T10:11:12Z',
  }),
  variant(configRaw, { Name: 'ünïcode-名前', Labels: { 'ключ': 'значение' }, Data: b64('') }, ago(10 * D + 3 * H), ago(59 * M + 30 * S)),
  variant(configRaw, { Name: 'app1a', Labels: { a: '1', b: '', c: '<&>' }, Data: b64('many') }, ago(5 * S + 500), ago(5 * S + 500), { inListOnlyUnlabelled: true }),
];
const secrets = [
  { id: labSecret, raw: secretRaw.replace(/"CreatedAt":"[^"]*"/, `"CreatedAt":"${ago(1500)}"`).replace(/"UpdatedAt":"[^"]*"/, `"UpdatedAt":"${ago(500)}"`) },
  variant(secretRaw, { Name: 'db10', Labels: {}, Driver: { Name: 'vault', Options: { a: 'b' } } }, ago(70 * M), ago(100 * M)),
  variant(secretRaw, { Name: 'db2', Labels: null, Templating: { Name: 'golang' } }, ago(20 * D), ago(36 * H)),
  variant(secretRaw, { Name: 'db1', Labels: { solo: '' } }, ago(3 * 365 * D), ago(100 * D), { UpdatedAt: '0001-01-01T00:00:00Z' }),
  variant(secretRaw, { Name: 'db1a', Labels: { z: '1', a: '2', m: '' }, Driver: { Name: 'x' } }, ago(61 * S), ago(119 * S + 500), { inListOnlyUnlabelled: true }),
];
for (const list of [configs, secrets]) {
  for (const o of list) {
    const j = JSON.parse(o.raw);
    if (j.inListOnlyUnlabelled) {
      delete j.inListOnlyUnlabelled;
      o.raw = `${JSON.stringify(j)}\n`;
      o.multiLabel = true;
    }
  }
}

// --- docker's output for the fixtures ------------------------------------------------------------

const state = { requests: [], configs, secrets };
const fake = await fakeDaemon(state);
const cfgDir = mkdtempSync(join(tmpdir(), 'tsw-cs-cap-cfg-'));
const configJson = { configFormat: 'table {{.Name}}\t{{.CreatedAt}}', secretFormat: '{{.Name}}:{{.Driver}}' };
writeFileSync(join(cfgDir, 'config.json'), JSON.stringify(configJson));

const lsFormats = [
  [],
  ['-q'],
  ['--format', 'table'],
  ['--format', 'table', '-q'],
  ['--format', '{{.ID}}', '-q'],
  ['--format', 'table {{.Name}}\t{{.Label "com.example.tier"}}\t{{.UpdatedAt}}'],
  ['--format', '{{.Name}}|{{.CreatedAt}}|{{.UpdatedAt}}|{{.Label "solo"}}'],
  ['--format', 'table {{.ID}}\\t{{.Name}}'],
  ['--format', '{{.Nope}}'],
  ['--format', '{{'],
];
const singleLabelFormats = [['--format', 'json'], ['--format', '{{json .}}'], ['--format', 'table {{.Name}}\t{{.Labels}}']];

const cases = [];
async function capture(args, env = {}, served = {}) {
  state.configs = served.configs ?? configs;
  state.secrets = served.secrets ?? secrets;
  const at = Date.now();
  const r = await run(args, { DOCKER_HOST: fake.host, ...env });
  cases.push({ args, now: at, tookMs: Date.now() - at, ...(env.DOCKER_CONFIG ? { configFile: true } : {}), ...(served.configs ? { singleLabel: true } : {}), ...r });
}
for (const kind of ['config', 'secret']) {
  const list = kind === 'config' ? configs : secrets;
  for (const f of lsFormats) await capture([kind, 'ls', ...f]);
  const single = { configs: configs.filter((o) => !o.multiLabel), secrets: secrets.filter((o) => !o.multiLabel) };
  for (const f of singleLabelFormats) await capture([kind, 'ls', ...f], {}, single);
  await capture([kind, 'ls'], { DOCKER_CONFIG: cfgDir });
  await capture([kind, 'ls', '-q'], { DOCKER_CONFIG: cfgDir });
  await capture([kind, 'inspect', '--pretty', ...list.map((o) => o.id)]);
  for (const o of list) await capture([kind, 'inspect', '--pretty', o.id]);
  await capture([kind, 'inspect', ...list.map((o) => o.id)]);
  await capture([kind, 'inspect', '--format', 'json', list[0].id, 'missing']);
}
await fake.close();
rmSync(cfgDir, { recursive: true, force: true });
save('render', { now, configJson, configs, secrets, cases });
