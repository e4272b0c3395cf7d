#!/usr/bin/env node
// Captures what docker 28 does for `network create/ls/inspect/rm` on the lab: its stdout,
// stderr and exit code, and every Engine API exchange (method, URL, request body and the
// lab's answer), recorded by a proxy between docker and the lab manager. test/unit/
// network-golden.test.ts replays the answers to tsw (test/support/replay-routes.ts) and
// compares what tsw prints and sends.
//
// Run against the lab: eval "$(./bin/tsw lab env)" && node test/capture/network.mjs
// Writes test/golden/network/cases.json. The networks it creates are named tsw-nw-cap-* and
// removed at the end. `node test/capture/network.mjs connect` captures only the
// `network connect/disconnect/prune` cases (containers and networks tswnc-cap-*, prune only
// ever with a label filter) into test/golden/network/connect-cases.json; with no argument
// both sections run. Cases with several subnets are left out: docker sends those in Go map
// order, which changes from run to run.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/network/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (eval "$(./bin/tsw lab env)")');
const labSocket = host.slice('unix://'.length);
const P = 'tsw-nw-cap-';

const work = '/tmp/tsw-nw-capture';
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const proxySocket = join(work, 'proxy.sock');
const ENV = { PATH: process.env.PATH, HOME: '/nonexistent-home', TZ: 'UTC' };

let log = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const fwd = request({ socketPath: labSocket, method: req.method, path: req.url, headers: req.headers }, (r) => {
      const rc = [];
      r.on('data', (c) => rc.push(c));
      r.on('end', () => {
        const rbody = Buffer.concat(rc);
        if (!/\/_ping$/.test(req.url)) {
          const entry = { method: req.method, url: req.url, status: r.statusCode, response: rbody.toString('utf8') };
          if (body.length > 0) entry.body = body.toString('utf8');
          log.push(entry);
        }
        res.writeHead(r.statusCode ?? 500, r.headers);
        res.end(rbody);
      });
    });
    fwd.on('error', (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    fwd.end(body);
  });
});
await new Promise((resolve) => server.listen(proxySocket, resolve));

function run(args, input, viaProxy = true, env = {}) {
  return new Promise((resolve) => {
    const p = spawn(docker, args, { env: { ...ENV, DOCKER_HOST: viaProxy ? `unix://${proxySocket}` : host, ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c) => (stdout += c));
    p.stderr.on('data', (c) => (stderr += c));
    p.stdin.end(input ?? '');
    p.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

const cases = [];
async function capture(name, args, input, env) {
  log = [];
  const r = await run(args, input, true, env);
  cases.push({ name, args, ...(input !== undefined ? { input } : {}), ...(env ? { env } : {}), ...r, recorded: log });
  return r;
}

async function cleanup() {
  const ls = await run(['network', 'ls', '--format', '{{.Name}}'], undefined, false);
  const mine = ls.stdout.split('\n').filter((n) => n.startsWith(P));
  if (mine.length > 0) await run(['network', 'rm', ...mine], undefined, false);
  const again = await run(['network', 'ls', '--format', '{{.Name}}'], undefined, false);
  const left = again.stdout.split('\n').filter((n) => n.startsWith(P));
  if (left.length > 0) await run(['network', 'rm', ...left], undefined, false);
}

const only = process.argv[2];
if (only !== undefined && only !== 'connect') throw new Error(`unknown section ${only} (expected: connect)`);

if (only === undefined) {
await cleanup();
try {
  // create: every flag, each network removed right after so local subnets never clash.
  const creates = [
    ['full', ['-d', 'overlay', '--attachable', '--internal', '--scope', 'swarm', '--subnet', '10.241.0.0/16', '--gateway', '10.241.0.254',
      '--ip-range', '10.241.1.0/24', '--aux-address', 'a=10.241.2.1', '--aux-address', 'b=10.241.2.2', '-o', 'encrypted',
      '--opt', 'com.docker.network.driver.mtu=1400', '--label', 'tier=front', '--label', 'solo', '--label', 'x=<&>',
      '--ipam-driver', 'default', '--ipam-opt', 'foo=bar', '--ipam-opt', 'x']],
    ['ipv-flags', ['-d', 'overlay', '--ipv4=true', '--ipv6', '--subnet', 'fd00:241::/64']],
    ['ipv-false', ['-d', 'overlay', '--ipv6=false', '--ipv4=false']],
    ['bridge', ['--internal', '--subnet', '10.242.0.0/24', '--gateway', '10.242.0.1', '-o', 'com.docker.network.bridge.enable_icc=false']],
    ['defaults', []],
    ['config-only', ['--config-only', '--subnet', '10.243.0.0/24']],
  ];
  for (const [name, flags] of creates) {
    const r = await capture(`create ${name}`, ['network', 'create', ...flags, `${P}${name}`]);
    if (r.code !== 0) throw new Error(`create ${name}: ${r.stderr}`);
    if (name !== 'config-only') await run(['network', 'rm', `${P}${name}`], undefined, false);
  }
  await capture('create config-from', ['network', 'create', '-d', 'overlay', '--scope', 'swarm', '--config-from', `${P}config-only`, `${P}from`]);
  await run(['network', 'rm', `${P}from`, `${P}config-only`], undefined, false);

  // create errors: IPAM (no request), flags, arguments, the daemon's.
  const bad = `${P}bad`;
  for (const flags of [
    ['--gateway', '10.1.0.1'],
    ['--subnet', '10.1.0.0/16,10.1.2.0/24'],
    ['--subnet', '10.1.0.0/16', '--ip-range', 'bad'],
    ['--subnet', '10.1.0.0/16', '--gateway', '10.2.0.1'],
    ['--subnet', '10.1.0.0/16', '--aux-address', 'a=10.9.0.1'],
    ['--subnet', '10.1.0.0/16', '--subnet', 'foo'],
    ['--subnet', 'a"b'],
    ['--label', '=x'],
    ['--ipv6=maybe'],
    ['--ingress', '-d', 'overlay'],
    ['--subnet', '172.17.5.0/24'],
    ['-d', 'nosuchdriver'],
  ]) {
    await capture(`create error ${flags.join(' ')}`, ['network', 'create', ...flags, bad]);
  }
  await capture('create no args', ['network', 'create']);
  // Flags newer than the API version: checked before the arguments, hidden from --help.
  const old = { DOCKER_API_VERSION: '1.24' };
  await capture('create api 1.24 flags', ['network', 'create', '--attachable', '--scope', 'swarm', '--ingress', '--config-only', '--config-from', 'x', bad], undefined, old);
  await capture('create api 1.24 flags, no args', ['network', 'create', '--attachable'], undefined, old);
  await capture('create api 1.24 help', ['network', 'create', '--help'], undefined, old);
  await capture('create api 1.29 flags', ['network', 'create', '--attachable', '--ingress', '--scope', 'swarm', bad], undefined, { DOCKER_API_VERSION: '1.29' });
  await capture('create help', ['network', 'create', '--help']);

  // fixtures for the reads
  await run(['network', 'create', '-d', 'overlay', '--label', 'tier=front', '--internal', `${P}a`], undefined, false);
  await run(['network', 'create', '-d', 'overlay', '--attachable', '--label', 'tier=back', `${P}10`], undefined, false);
  await run(['network', 'create', '--label', 'tier=front', `${P}2`], undefined, false);

  for (const args of [
    [], ['-q'], ['--no-trunc'], ['--format', 'json'], ['--format', 'raw'], ['-q', '--format', 'raw'],
    ['--format', 'table {{.ID}}\t{{.Name}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Internal}}\t{{.Label "tier"}}\t{{.Labels}}\t{{.CreatedAt}}'],
    ['-f', 'label=tier'], ['-f', 'driver=overlay', '-f', 'label=tier=front'], ['-f', 'type=custom', '-f', 'scope=local'],
    ['-f', 'nokey=1'], ['-f', 'noequals'], ['--format', '{{.Nope}}'], ['x'],
  ]) {
    await capture(`ls ${args.join(' ')}`, ['network', 'ls', ...args]);
  }

  for (const args of [
    [`${P}a`], [`${P}2`, `${P}10`], [`${P}missing`, `${P}a`], ['--format', 'json', `${P}a`],
    ['-f', '{{.Name}} {{.Created}} {{.IPAM}} {{json .Labels}} {{.EnableIPv4}}', `${P}a`, `${P}2`], ['-f', '{{.Nope}}', `${P}a`],
    ['-f', '{{.Name', `${P}a`], ['-v', 'ingress'], ['-v', '-f', '{{len .Peers}} {{range $k, $v := .Services}}{{$k}};{{end}}', 'ingress'],
  ]) {
    await capture(`inspect ${args.join(' ')}`, ['network', 'inspect', ...args]);
  }

  await capture('rm missing', ['network', 'rm', `${P}missing`]);
  await capture('rm -f missing', ['network', 'rm', '-f', `${P}missing`, `${P}missing2`]);
  await capture('rm several', ['network', 'rm', `${P}a`, `${P}missing`, `${P}2`]);
  await capture('rm ingress n', ['network', 'rm', 'ingress'], 'n\n');
  await capture('rm ingress closed stdin', ['network', 'rm', 'ingress'], '');
  await capture('rm help', ['network', 'rm', '--help']);
} finally {
  await cleanup();
}
writeFileSync(join(out, 'cases.json'), `${JSON.stringify(cases, null, 1)}\n`);
console.log(`${cases.length} cases written to ${join(out, 'cases.json')}`);
cases.length = 0;
}

// ---- network connect / disconnect / prune ----
const C = 'tswnc-cap-';
const image = `${process.env.TSW_LAB_REGISTRY ?? '192.168.250.1:5000'}/busybox:latest`;
const pruneLabel = `tswnc-prune=cap-${process.pid}`;

async function cleanupConnect() {
  const ps = await run(['ps', '-aq', '--filter', `name=^${C}`], undefined, false);
  const ids = ps.stdout.split('\n').filter((x) => x !== '');
  if (ids.length > 0) await run(['rm', '-f', ...ids], undefined, false);
  const ls = await run(['network', 'ls', '--format', '{{.Name}}'], undefined, false);
  const mine = ls.stdout.split('\n').filter((n) => n.startsWith(C));
  if (mine.length > 0) await run(['network', 'rm', ...mine], undefined, false);
}

async function direct(args) {
  const r = await run(args, undefined, false);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr}`);
  return r;
}

await cleanupConnect();
try {
  const br = `${C}br`;
  const ov = `${C}ov`;
  const c1 = `${C}c1`;
  await direct(['network', 'create', '--subnet', '10.213.57.0/24', br]);
  await direct(['network', 'create', '-d', 'overlay', '--attachable', '--subnet', '10.213.58.0/24', ov]);
  await direct(['run', '-d', '--name', c1, image, 'sleep', '3600']);
  await direct(['run', '-d', '--name', `${C}c2`, image, 'sleep', '3600']);

  await capture('connect every flag', ['network', 'connect', '--alias', 'a1', '--alias', 'a2,a3', '--driver-opt', 'k=v', '--driver-opt', ' x = y ',
    '--gw-priority', '5', '--ip', '10.213.57.10', '--link', `${C}c2:l2`, '--link', `${C}c2`, '--link-local-ip', '169.254.7.1', br, c1]);
  await capture('connect again', ['network', 'connect', br, c1]);
  await capture('disconnect', ['network', 'disconnect', br, c1]);
  await capture('disconnect not connected', ['network', 'disconnect', br, c1]);
  await capture('disconnect -f not connected', ['network', 'disconnect', '-f', br, c1]);
  await capture('connect defaults overlay', ['network', 'connect', ov, c1]);
  await capture('disconnect -f', ['network', 'disconnect', '--force', ov, c1]);
  // --gw-priority is a Go int: sent exactly, whatever its size or base (API 1.41 ignores it).
  await capture('connect gw-priority max int64', ['network', 'connect', '--gw-priority', '9223372036854775807', ov, c1]);
  await capture('disconnect after gw-priority', ['network', 'disconnect', ov, c1]);
  await capture('connect gw-priority -0x10, empty alias and driver-opt value', ['network', 'connect', '--gw-priority=-0x10', '--alias', '', '--driver-opt', 'k=', ov, c1]);
  await capture('disconnect after gw-priority -0x10', ['network', 'disconnect', ov, c1]);
  await capture('connect ip out of subnet', ['network', 'connect', '--ip', '10.99.0.5', br, c1]);
  await capture('connect bad ip', ['network', 'connect', '--ip', '999.1.1.1', br, c1]);
  await capture('connect ip6 without ipv6', ['network', 'connect', '--ip6', '2001:db8::33', br, c1]);
  await capture('connect driver-opt without =', ['network', 'connect', '--driver-opt', 'k', br, c1]);
  await capture('connect bad link', ['network', 'connect', '--link', 'a:b:c', br, c1]);
  await capture('connect bad gw-priority', ['network', 'connect', '--gw-priority', '1.5', br, c1]);
  await capture('connect no such network', ['network', 'connect', `${C}missing`, c1]);
  await capture('connect no such container', ['network', 'connect', br, `${C}missing`]);
  await capture('disconnect no such network', ['network', 'disconnect', `${C}missing`, c1]);
  await capture('connect one arg', ['network', 'connect', br]);
  await capture('disconnect no args', ['network', 'disconnect']);
  await capture('connect help', ['network', 'connect', '--help']);
  await capture('disconnect help', ['network', 'disconnect', '--help']);
  await capture('network help', ['network', '--help']);

  // prune: networks labelled for this run only (used and unused, local and overlay).
  for (const [name, flags] of [['p-local', []], ['p-ov', ['-d', 'overlay']], ['p-used', []], ['p-keep', ['--label', 'keep=1']]]) {
    await direct(['network', 'create', '--label', pruneLabel, ...flags, `${C}${name}`]);
  }
  await direct(['network', 'connect', `${C}p-used`, c1]);
  const f = ['--filter', `label=${pruneLabel}`];
  await capture('prune answered n', ['network', 'prune', ...f], 'n\n');
  await capture('prune closed stdin', ['network', 'prune', ...f], '');
  await capture('prune until 1h (nothing old enough)', ['network', 'prune', '-f', ...f, '--filter', 'until=1h']);
  await capture('prune answered y, label!', ['network', 'prune', ...f, '--filter', 'label!=keep=1'], ' Y \n');
  await capture('prune -f', ['network', 'prune', '--force', ...f]);
  await capture('prune -f nothing left', ['network', 'prune', '-f', ...f]);
  await capture('prune bad filter', ['network', 'prune', '-f', '--filter', 'bogus=1']);
  await capture('prune bad until', ['network', 'prune', '-f', '--filter', 'until=xyz', ...f]);
  await capture('prune args', ['network', 'prune', 'x']);
  // The command's version annotation (1.25) is checked before the arguments and the prompt.
  await capture('prune api 1.24', ['network', 'prune', '-f', ...f], undefined, { DOCKER_API_VERSION: '1.24' });
  await capture('prune api 1.24 args', ['network', 'prune', 'x'], undefined, { DOCKER_API_VERSION: '1.24' });
  await capture('prune api 1.24 prompt', ['network', 'prune', ...f], 'y\n', { DOCKER_API_VERSION: '1.24' });
  await capture('prune api 1.25', ['network', 'prune', '-f', ...f], undefined, { DOCKER_API_VERSION: '1.25' });
  await capture('prune help', ['network', 'prune', '--help']);
} finally {
  await cleanupConnect();
  server.close();
}
writeFileSync(join(out, 'connect-cases.json'), `${JSON.stringify(cases, null, 1)}\n`);
console.log(`${cases.length} cases written to ${join(out, 'connect-cases.json')}`);
