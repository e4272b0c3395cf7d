#!/usr/bin/env node
// Captures what docker 28 sends and answers for `service create` / `service update`, for the
// pure spec layer (src/spec/). docker runs against a recording proxy (a node:http server on a
// temporary unix socket that logs every request and forwards it to the lab manager), so each
// golden holds the exact request body docker sent, the spec read back from the daemon, and
// docker's stdout/stderr/exit code. Malformed values record docker's message and exit code, and
// that nothing was created or updated.
//
// Run against the lab: source /tmp/tsw-lab.env && node test/capture/spec.mjs
// Writes test/golden/spec/{create,update,errors}.json. Everything it creates is named
// tsw-spec-* (services, networks, secrets, configs) and removed, also on failure.
//
// The lab engine speaks API 1.41. A case marked `spoof` needs a flag annotated with a newer API
// version (--oom-score-adj 1.46, --health-start-interval 1.44): for it the proxy answers /_ping
// with API-Version 1.50 and rewrites /v1.50/ paths to /v1.41/, so docker builds its request as
// it would for a current engine; the engine then ignores fields it does not know.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../golden/spec/', import.meta.url));
mkdirSync(out, { recursive: true });

const docker = process.env.TSW_ORACLE ?? 'docker';
const host = process.env.DOCKER_HOST;
if (!host?.startsWith('unix://')) throw new Error('set DOCKER_HOST to the lab manager (source /tmp/tsw-lab.env)');
const labSocket = host.slice('unix://'.length);
const REG = process.env.TSW_LAB_REGISTRY;
if (!REG) throw new Error('TSW_LAB_REGISTRY is not set (source /tmp/tsw-lab.env)');
const IMAGE = `${REG}/busybox:latest`;

// A fixed work directory: its path appears in the goldens (env-file paths, relative mount
// sources resolved against the working directory docker runs in).
const work = '/tmp/tsw-spec-capture';
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const proxySocket = join(work, 'proxy.sock');
const cwd = join(work, 'cwd');
mkdirSync(cwd);
// The environment docker runs with: TSW_SPEC_VAR is set (for `-e KEY` and env-file lookups).
const ENV = { PATH: process.env.PATH, HOME: '/nonexistent-home', TSW_SPEC_VAR: 'from-env', TSW_SPEC_EMPTY: '' };

// ---- the recording proxy ----
let log = [];
let spoof = false;
const RECORD_RESPONSE = /^\/v[\d.]+\/(services|distribution|networks|secrets|configs)\b/;
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const path = spoof ? req.url.replace(/^\/v1\.50\//, '/v1.41/') : req.url;
    const fwd = request({ socketPath: labSocket, method: req.method, path, headers: req.headers }, (r) => {
      const rc = [];
      r.on('data', (c) => rc.push(c));
      r.on('end', () => {
        const rbody = Buffer.concat(rc);
        const headers = { ...r.headers };
        if (spoof && /\/_ping$/.test(req.url)) headers['api-version'] = '1.50';
        if (!/\/_ping$/.test(req.url)) {
          const entry = { method: req.method, url: req.url, status: r.statusCode };
          if (req.headers['x-registry-auth'] !== undefined) entry.registryAuth = req.headers['x-registry-auth'];
          if (body.length > 0) entry.body = body.toString('utf8');
          if (RECORD_RESPONSE.test(req.url)) entry.response = rbody.toString('utf8');
          log.push(entry);
        }
        res.writeHead(r.statusCode ?? 500, headers);
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

function run(args, { viaProxy = true, input, dir = cwd } = {}) {
  return new Promise((resolve) => {
    const env = { ...ENV, DOCKER_HOST: viaProxy ? `unix://${proxySocket}` : host };
    const p = spawn(docker, args, { env, cwd: dir });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (c) => (stdout += c));
    p.stderr.on('data', (c) => (stderr += c));
    if (input !== undefined) p.stdin.end(input);
    else p.stdin.end();
    p.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

function apiGet(path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: labSocket, path, method: 'GET' }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end();
  });
}

async function must(args, opts) {
  const r = await run(args, { viaProxy: false, ...opts });
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout;
}

const version = (await must(['version', '--format', '{{.Client.Version}} api={{.Client.APIVersion}} server={{.Server.Version}}'])).trim();
if (Number(/^(\d+)\./.exec(version)?.[1] ?? 0) < 28) throw new Error(`oracle is not docker >= 28: ${version}`);

// ---- lab objects, all tsw-spec-* ----
const created = { services: new Set(), networks: [], secrets: [], configs: [] };

async function cleanup() {
  const ls = await run(['service', 'ls', '-q', '--filter', 'name=tsw-spec-'], { viaProxy: false });
  const ids = ls.stdout.split('\n').filter(Boolean);
  const names = (await run(['service', 'ls', '--format', '{{.ID}} {{.Name}}', '--filter', 'name=tsw-spec-'], { viaProxy: false })).stdout
    .split('\n')
    .filter((l) => / tsw-spec-/.test(l))
    .map((l) => l.split(' ')[0]);
  const mine = ids.filter((id) => names.includes(id));
  if (mine.length > 0) await run(['service', 'rm', ...mine], { viaProxy: false });
  for (const s of created.secrets) await run(['secret', 'rm', s], { viaProxy: false });
  for (const c of created.configs) await run(['config', 'rm', c], { viaProxy: false });
  // Networks can only go once their tasks are gone.
  for (let i = 0; i < 20 && created.networks.length > 0; i++) {
    const left = [];
    for (const n of created.networks) if ((await run(['network', 'rm', n], { viaProxy: false })).code !== 0) left.push(n);
    created.networks = left;
    if (left.length > 0) await new Promise((r) => setTimeout(r, 500));
  }
}

const SUFFIX = `${process.pid}`;
const NET_A = `tsw-spec-net-a-${SUFFIX}`;
const NET_B = `tsw-spec-net-b-${SUFFIX}`;
const SEC_A = `tsw-spec-secret-a-${SUFFIX}`;
const SEC_B = `tsw-spec-secret-b-${SUFFIX}`;
const CFG_A = `tsw-spec-config-a-${SUFFIX}`;
const CFG_B = `tsw-spec-config-b-${SUFFIX}`;

async function inspectSpec(name) {
  const r = await run(['service', 'inspect', '--format', '{{json .Spec}}', name], { viaProxy: false });
  return r.code === 0 ? r.stdout.trim() : null;
}

async function removeService(name) {
  await run(['service', 'rm', name], { viaProxy: false });
  created.services.delete(name);
}

// ---- the cases ----
// args: flags (before the image); cmd: COMMAND/ARGs after it; envFiles: name → content (written
// to the work dir and passed as --env-file <path>, referenced as @name in args).
function createCases() {
  return [
    { id: 'plain', args: [] },
    { id: 'labels', args: ['-l', 'a=1', '-l', 'b', '--label', 'c=x=y', '-l', ' lead=1'] },
    { id: 'labels-escaping', args: ['-l', 'html=<a&b>', '-l', 'uni=é\u2028x', '-l', 'quote="q"\\'] },
    { id: 'container-labels', args: ['--container-label', 'z=1', '--container-label', 'a=2', '--container-label', 'a=3'] },
    { id: 'env', args: ['-e', 'A=1', '-e', 'B', '-e', 'TSW_SPEC_VAR', '-e', 'TSW_SPEC_EMPTY', '-e', 'C=3', '-e', 'A=2'] },
    { id: 'env-identical', args: ['-e', 'A=1', '-e', 'A=1', '-e', 'B=1'] },
    {
      id: 'env-file',
      envFiles: { 'e1.env': '# comment\n\nX=1\n  Y=2\nTSW_SPEC_VAR\nUNSET_VAR\nZ= spaced \r\nW=a=b\n' },
      args: ['--env-file', '@e1.env', '-e', 'X=override'],
    },
    { id: 'env-file-bom', envFiles: { 'bom.env': '\ufeffA=1\nB=2' }, args: ['--env-file', '@bom.env'] },
    { id: 'user-workdir-hostname', args: ['-w', '/srv', '-u', 'nobody:nogroup', '--hostname', 'h1'] },
    { id: 'groups', args: ['--group', 'wheel', '--group', 'audio'] },
    { id: 'entrypoint-args', args: ['--entrypoint', 'sh -c "echo hi" # comment'], cmd: ['arg1', 'arg two'] },
    { id: 'positional-args', args: [], cmd: ['sleep', '100', '--not-a-flag'] },
    { id: 'entrypoint-empty', args: ['--entrypoint', ''] },
    { id: 'entrypoint-quotes', args: ['--entrypoint', `a\\ b 'c d' "e\\"f" ""`] },
    { id: 'init-tty-readonly', args: ['--init', '-t', '--read-only'] },
    { id: 'init-false', args: ['--init=false', '--tty=false'] },
    { id: 'stop', args: ['--stop-signal', 'SIGINT', '--stop-grace-period', '1m30s'] },
    { id: 'stop-grace-zero', args: ['--stop-grace-period', '0'] },
    { id: 'mount-bind', args: ['--mount', 'type=bind,source=/tmp,target=/mnt/tmp,readonly,bind-propagation=RSlave'] },
    {
      id: 'mount-volume',
      args: ['--mount', 'type=volume,src=tsw-spec-vol,dst=/data,volume-nocopy,volume-label=a=b,volume-label=c,volume-driver=local,volume-opt=type=tmpfs,volume-opt=device=tmpfs'],
    },
    { id: 'mount-volume-subpath', args: ['--mount', 'Type=Volume,Source=tsw-spec-vol2,Destination=/d,volume-subpath=sub,volume-nocopy=false'] },
    { id: 'mount-tmpfs', args: ['--mount', 'type=tmpfs,target=/run/x,tmpfs-size=64m,tmpfs-mode=1770'] },
    { id: 'mount-tmpfs-float', args: ['--mount', 'type=tmpfs,dst=/t,tmpfs-size=1.5g'] },
    { id: 'mount-default-type', args: ['--mount', 'target=/v,ro=true,consistency=Cached'] },
    { id: 'mount-relative-source', args: ['--mount', 'type=bind,src=./sub/../dir,target=/x', '--mount', 'type=bind,src=.,target=/y'] },
    { id: 'mount-npipe', args: ['--mount', 'type=npipe,source=\\\\.\\pipe\\a,target=\\\\.\\pipe\\b'] },
    { id: 'mount-cluster', args: ['--mount', 'type=cluster,source=csi-vol,target=/c'] },
    { id: 'mount-image', args: ['--mount', 'type=image,source=busybox,target=/img,image-subpath=bin'] },
    { id: 'mount-bind-recursive-readonly', args: ['--mount', 'type=bind,src=/tmp,dst=/r,readonly,bind-recursive=readonly,bind-propagation=rprivate'] },
    {
      id: 'mount-bind-recursive',
      args: ['--mount', 'type=bind,src=/tmp,dst=/a,bind-recursive=disabled', '--mount', 'type=bind,src=/tmp,dst=/b,ro,bind-recursive=writable', '--mount', 'type=bind,src=/tmp,dst=/c,bind-recursive=enabled'],
    },
    { id: 'mount-bind-nonrecursive', args: ['--mount', 'type=bind,src=/tmp,dst=/n,bind-nonrecursive=true'] },
    { id: 'mount-bind-nonrecursive-bare', args: ['--mount', 'type=bind,src=/tmp,dst=/n,bind-nonrecursive'] },
    { id: 'mount-csv-quotes', args: ['--mount', 'type=volume,"target=/with,comma","volume-label=q=""x"""'] },
    { id: 'publish-short', args: ['-p', '28080:80', '-p', '28090:90/udp', '-p', '100', '-p', '28091:91/SCTP'] },
    { id: 'publish-range', args: ['-p', '28000-28001:80-81'], unordered: ['EndpointSpec.Ports'] },
    { id: 'publish-host-range', args: ['-p', '28010-28012:80'] },
    { id: 'publish-long', args: ['-p', 'published=28020,target=80,protocol=udp,mode=host', '-p', 'target=443'] },
    { id: 'publish-long-case', args: ['--publish', 'Target=80,Published=28030,Mode=INGRESS,Protocol=SCTP'] },
    { id: 'dns', args: ['--dns', '8.8.8.8', '--dns', ' 2001:DB8:0:0:0::1 ', '--dns', '::ffff:1.2.3.4', '--dns-search', 'Example.com.', '--dns-option', 'ndots:2', '--dns-search', '.'] },
    { id: 'hosts', args: ['--host', 'h1:10.0.0.1', '--host', 'h2=10.0.0.2', '--host', 'h6:[::1]', '--host', 'h7=::2', '--host', 'gw:host-gateway'] },
    { id: 'sysctl', args: ['--sysctl', 'net.core.somaxconn=1024', '--sysctl', 'kernel.shmmax=1', '--sysctl', 'flag'] },
    { id: 'caps', args: ['--cap-add', 'net_admin', '--cap-add', 'CAP_SYS_TIME', '--cap-drop', 'mknod', '--cap-drop', 'net_admin', '--cap-add', ' chown '] },
    { id: 'caps-all', args: ['--cap-add', 'ALL', '--cap-add', 'foo', '--cap-drop', 'RESET', '--cap-drop', 'all'] },
    { id: 'ulimits', args: ['--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=512', '--ulimit', 'core=-1', '--ulimit', 'nofile=100'] },
    { id: 'resources', args: ['--limit-cpu', '0.5', '--limit-memory', '64M', '--reserve-cpu', '1/4', '--reserve-memory', '1g', '--limit-pids', '100'] },
    { id: 'resources-syntax', args: ['--limit-cpu', '1.5e-3', '--limit-memory', '1.5KiB', '--reserve-memory', '512 b', '--reserve-cpu', '0x1p-2'] },
    { id: 'resources-more', args: ['--limit-cpu', '1_000', '--limit-memory', '2tb', '--reserve-memory', '10', '--limit-pids', '0x10'] },
    { id: 'generic-resource', args: ['--generic-resource', 'gpu=2'] },
    { id: 'generic-resources', args: ['--generic-resource', 'gpu=2', '--generic-resource', ' fpga = 1 '], unordered: ['TaskTemplate.Resources.Reservations.GenericResources'] },
    { id: 'restart', args: ['--restart-condition', 'on-failure', '--restart-max-attempts', '3'] },
    { id: 'restart-all', args: ['--restart-condition', 'none', '--restart-delay', '2s', '--restart-max-attempts', '0x10', '--restart-window', '1m'] },
    // Values docker leaves to the daemon to validate (the body is sent; the daemon answers).
    { id: 'restart-condition-free', args: ['--restart-condition', 'sometimes'] },
    { id: 'update-failure-action-free', args: ['--update-failure-action', 'explode'] },
    { id: 'rollback-failure-action-free', args: ['--rollback-failure-action', 'rollback'] },
    { id: 'update-order-free', args: ['--update-order', 'sideways'] },
    { id: 'endpoint-mode-free', args: ['--endpoint-mode', 'magic'] },
    { id: 'isolation-free', args: ['--isolation', 'bogus'] },
    { id: 'stop-signal-free', args: ['--stop-signal', 'NOTASIGNAL'] },
    { id: 'mount-type-free', args: ['--mount', 'type=weird,target=/w'] },
    { id: 'consistency-free', args: ['--mount', 'target=/c,consistency=whatever'] },
    { id: 'update-config', args: ['--update-parallelism', '2', '--update-delay', '10s'] },
    { id: 'update-config-all', args: ['--update-monitor', '1m', '--update-failure-action', 'rollback', '--update-max-failure-ratio', '0.25', '--update-order', 'start-first'] },
    { id: 'update-ratio-float', args: ['--update-max-failure-ratio', '0.1'] },
    { id: 'update-ratio-tiny', args: ['--update-max-failure-ratio', '1e-7'] },
    {
      id: 'rollback-config',
      args: ['--rollback-parallelism', '0', '--rollback-delay', '3s', '--rollback-monitor', '7s', '--rollback-failure-action', 'continue', '--rollback-max-failure-ratio', '0.3', '--rollback-order', 'start-first'],
    },
    { id: 'mode-global', args: ['--mode', 'global'] },
    { id: 'mode-replicated-job', args: ['--mode', 'replicated-job', '--replicas', '2', '--max-concurrent', '1'] },
    { id: 'mode-replicated-job-default', args: ['--mode', 'replicated-job', '--replicas', '3'] },
    { id: 'mode-replicated-job-bare', args: ['--mode', 'replicated-job'] },
    { id: 'mode-global-job', args: ['--mode', 'global-job'] },
    { id: 'replicas-max-per-node', args: ['--replicas', '2', '--replicas-max-per-node', '1'] },
    { id: 'replicas-octal', args: ['--replicas', '010'] },
    { id: 'replicas-zero', args: ['--replicas', '0'] },
    { id: 'placement', args: ['--constraint', 'node.role==manager', '--constraint', 'node.labels.x!=y', '--placement-pref', 'spread=node.labels.zone', '--placement-pref', 'spread='] },
    { id: 'network-plain', args: ['--network', NET_B, '--network', NET_A] },
    { id: 'network-long', args: ['--network', `name=${NET_A},alias=web,alias=API,driver-opt=com.docker.X=1`] },
    { id: 'secret-simple', args: ['--secret', SEC_A] },
    { id: 'secret-long', args: ['--secret', `source=${SEC_B},target=/etc/b,uid=100,gid=101,mode=0400`] },
    { id: 'secret-mode-decimal', args: ['--secret', `src=${SEC_A},target=a2,mode=400`] },
    { id: 'secrets-two', args: ['--secret', SEC_A, '--secret', `src=${SEC_B},target=bb`], unordered: ['TaskTemplate.ContainerSpec.Secrets'] },
    { id: 'config', args: ['--config', `source=${CFG_A},target=/cfg,mode=0x1ff`] },
    { id: 'config-simple', args: ['--config', CFG_B] },
    { id: 'credential-spec-config', args: ['--credential-spec', `config://${CFG_A}`] },
    { id: 'credential-spec-config-and-config', args: ['--config', CFG_B, '--credential-spec', `config://${CFG_A}`] },
    { id: 'credential-spec-file', args: ['--credential-spec', 'file://spec.json'] },
    { id: 'credential-spec-registry', args: ['--credential-spec', 'registry://HKLM\\spec'] },
    { id: 'credential-spec-empty', args: ['--credential-spec', ''] },
    { id: 'healthcheck', args: ['--health-cmd', 'true', '--health-interval', '5s', '--health-timeout', '2s', '--health-retries', '3', '--health-start-period', '10s'] },
    { id: 'health-interval-zero', args: ['--health-interval', '0s'] },
    { id: 'health-cmd-empty', args: ['--health-cmd', '', '--health-retries', '0'] },
    { id: 'no-healthcheck', args: ['--no-healthcheck'] },
    { id: 'health-start-interval', spoof: true, args: ['--health-cmd', 'x', '--health-start-interval', '1s'] },
    { id: 'oom-score-adj', spoof: true, args: ['--oom-score-adj', '-500'] },
    { id: 'log-driver', args: ['--log-driver', 'json-file', '--log-opt', 'max-size=10m', '--log-opt', 'max-file=3'] },
    { id: 'log-opt-alone', args: ['--log-opt', 'a=b'] },
    { id: 'log-opt-from-env', args: ['--log-driver', 'json-file', '--log-opt', 'TSW_SPEC_VAR', '--log-opt', 'UNSET_VAR'] },
    { id: 'env-files-two', envFiles: { 'f1.env': 'A=1\nB=1\n', 'f2.env': 'B=2\nC=2\n' }, args: ['--env-file', '@f1.env', '--env-file', '@f2.env', '-e', 'A=3'] },
    { id: 'mount-type-upper', args: ['--mount', 'TYPE=BIND,SRC=/tmp,DST=/u,RO=1,Bind-Propagation=SHARED'] },
    { id: 'publish-duplicate', args: ['-p', '28050:80', '-p', '28050:80'] },
    { id: 'dns-duplicate', args: ['--dns', '1.1.1.1', '--dns', '1.1.1.1', '--dns-option', 'a', '--dns-option', 'a'] },
    { id: 'mode-replicated-job-concurrent', args: ['--mode', 'replicated-job', '--max-concurrent', '2'] },
    { id: 'endpoint-mode', args: ['--endpoint-mode', 'DNSRR'] },
    { id: 'isolation', args: ['--isolation', 'default'] },
    { id: 'with-registry-auth', args: ['--with-registry-auth'] },
    { id: 'no-resolve-image', args: ['--no-resolve-image'] },
    { id: 'name-absent', args: [], noName: true },
    // Go library corners (strconv, math/big, encoding/csv, shlex, net) reached through flags.
    { id: 'numbers-base-prefixes', args: ['--replicas', '0b11', '--restart-max-attempts', '1_0', '--update-parallelism', '0o7', '--health-retries', '-0x2', '--limit-pids', '+5'] },
    { id: 'numbers-floats', args: ['--update-max-failure-ratio', '0x1p-2', '--rollback-max-failure-ratio', '.5e-1', '--reserve-memory', '0x1p22', '--limit-memory', '4.5MiB'] },
    { id: 'numbers-rationals', args: ['--limit-cpu', '010/2', '--reserve-cpu', '1e-2'] },
    { id: 'numbers-rational-hex', args: ['--limit-cpu', '0x10', '--reserve-cpu', '0x.8p1'] },
    { id: 'numbers-negative-cpu', args: ['--limit-cpu', '-1'] },
    { id: 'secret-mode-prefixes', args: ['--secret', `src=${SEC_A},target=o,mode=0o400`, '--secret', `src=${SEC_B},target=b,mode=0b111`], unordered: ['TaskTemplate.ContainerSpec.Secrets'] },
    { id: 'tmpfs-mode-leading-zero', args: ['--mount', 'type=tmpfs,dst=/m,tmpfs-mode=0755'] },
    { id: 'mount-csv-leading-newlines', args: ['--mount', '\n\r\ntype=tmpfs,dst=/nl\nignored,second=record'] },
    { id: 'mount-csv-quoted-newline', args: ['--mount', 'type=volume,"volume-label=a=x\ny",dst=/q'] },
    { id: 'publish-container-range', args: ['-p', '80-81/udp'], unordered: ['EndpointSpec.Ports'] },
    { id: 'dns-trim', args: ['--dns', ' 8.8.4.4\t', '--dns-search', ' example.org  '] },
    { id: 'host-v6-colon', args: ['--host', 'h8:::2', '--host', 'h9=[2001:db8::5]'] },
    { id: 'entrypoint-comment-only', args: ['--entrypoint', '# nothing'] },
    { id: 'entrypoint-multiline', args: ['--entrypoint', 'a #c\nb\\\nc'] },
    { id: 'env-file-crlf-spaces', envFiles: { 'crlf.env': 'A=1\r\n\t B=two words \r\n#C=3\r\n\r\n' }, args: ['--env-file', '@crlf.env'] },
    { id: 'kitchen-sink', args: ['--mode', 'replicated', '--replicas', '1', '-l', 'k=v', '-e', 'E=1', '--mount', 'type=tmpfs,dst=/k', '-p', '28040:80', '--dns', '9.9.9.9', '--host', 'k:1.2.3.4', '--limit-memory', '32m', '--restart-delay', '1s', '--update-order', 'start-first', '--no-healthcheck', '-t'] },
  ];
}

function updateCases() {
  return [
    { id: 'image', base: [], args: ['--image', `${REG}/busybox:1`] },
    { id: 'image-no-resolve', base: [], args: ['--image', `${REG}/busybox:2`, '--no-resolve-image'] },
    { id: 'no-flags', base: ['-l', 'a=1', '--mount', 'type=tmpfs,dst=/t'], args: [] },
    { id: 'no-flags-resorts-mounts', base: ['--mount', 'type=volume,src=b,dst=/b', '--mount', 'type=volume,src=a,dst=/a', '--ulimit', 'nproc=1', '--ulimit', 'core=2'], args: [] },
    { id: 'env-add-from-env', base: ['-e', 'A=1'], args: ['--env-add', 'TSW_SPEC_VAR', '--env-add', 'UNSET_VAR'], unordered: ['TaskTemplate.ContainerSpec.Env'] },
    { id: 'publish-rm-then-add', base: ['-p', '28120:80'], args: ['--publish-rm', '80', '--publish-add', '28120:80', '--publish-add', '28121:81'] },
    { id: 'label-add-bare', base: [], args: ['--label-add', 'bare', '--container-label-add', 'cbare'] },
    { id: 'parallelism-zero', base: [], args: ['--update-parallelism', '0', '--rollback-parallelism', '0x2'] },
    { id: 'env-add-rm', base: ['-e', 'A=1', '-e', 'B=2'], args: ['--env-add', 'C=3', '--env-rm', 'A', '--env-add', 'B=20'], unordered: ['TaskTemplate.ContainerSpec.Env'] },
    { id: 'env-rm-only', base: ['-e', 'A=1', '-e', 'B=2', '-e', 'C=3'], args: ['--env-rm', 'B=whatever'] },
    { id: 'labels', base: ['-l', 'a=1', '-l', 'b=2'], args: ['--label-add', 'c=3', '--label-rm', 'a', '--label-add', 'b=20'] },
    { id: 'container-labels', base: ['--container-label', 'x=1'], args: ['--container-label-add', 'y=2', '--container-label-rm', 'x'] },
    { id: 'container-labels-rm-nil', base: [], args: ['--container-label-rm', 'x'] },
    { id: 'mounts', base: ['--mount', 'type=volume,target=/old', '--mount', 'type=tmpfs,target=/keep'], args: ['--mount-add', 'type=volume,target=/new', '--mount-rm', '/old'] },
    { id: 'mounts-sorted', base: ['--mount', 'type=bind,src=/tmp,dst=/b', '--mount', 'type=volume,src=zvol,dst=/a'], args: ['--mount-add', 'type=tmpfs,dst=/c', '--mount-add', 'type=bind,src=/tmp,dst=/b,ro'] },
    { id: 'publish', base: ['-p', '28100:80', '-p', '28101:81/udp', '-p', '28103:83'], args: ['--publish-add', '28102:82', '--publish-rm', '80', '--publish-add', '28103:83'] },
    { id: 'publish-rm-long', base: ['-p', '28110:80', '-p', 'published=28111,target=80,mode=host'], args: ['--publish-rm', 'target=80,mode=host'] },
    { id: 'constraints', base: ['--constraint', 'node.role==manager', '--constraint', 'node.labels.b==1'], args: ['--constraint-add', 'node.role!=worker', '--constraint-rm', 'node.role==manager', '--constraint-add', 'node.labels.a==1'] },
    { id: 'placement-prefs', base: ['--placement-pref', 'spread=a', '--placement-pref', 'spread=c'], args: ['--placement-pref-add', 'spread=b', '--placement-pref-rm', 'spread=a'] },
    { id: 'dns', base: ['--dns', '8.8.8.8', '--dns-search', 'a.com', '--dns-option', 'ndots:3'], args: ['--dns-add', '1.1.1.1', '--dns-rm', '8.8.8.8', '--dns-option-add', 'ndots:1', '--dns-search-add', 'b.com', '--dns-add', '10.0.0.1', '--dns-add', '9.9.9.9'] },
    { id: 'dns-from-nil', base: [], args: ['--dns-option-add', 'debug'] },
    { id: 'hosts', base: ['--host', 'a:1.1.1.1', '--host', 'b:2.2.2.2', '--host', 'a:3.3.3.3'], args: ['--host-add', 'c:3.3.3.3', '--host-rm', 'a:1.1.1.1', '--host-add', 'b:2.2.2.2'] },
    { id: 'hosts-rm-name', base: ['--host', 'a:1.1.1.1', '--host', 'b:2.2.2.2', '--host', 'a:3.3.3.3'], args: ['--host-rm', 'a'] },
    { id: 'groups', base: ['--group', 'g1', '--group', 'g2'], args: ['--group-add', 'g0', '--group-rm', 'g1'] },
    { id: 'caps', base: ['--cap-add', 'NET_ADMIN', '--cap-drop', 'MKNOD'], args: ['--cap-add', 'mknod', '--cap-drop', 'net_admin', '--cap-add', 'SYS_TIME'] },
    { id: 'caps-reset', base: ['--cap-add', 'NET_ADMIN', '--cap-drop', 'MKNOD'], args: ['--cap-add', 'RESET', '--cap-add', 'chown', '--cap-drop', 'reset'] },
    { id: 'sysctls', base: ['--sysctl', 'net.a=1'], args: ['--sysctl-add', 'net.b=2', '--sysctl-rm', 'net.a'] },
    { id: 'ulimits', base: ['--ulimit', 'nofile=10', '--ulimit', 'core=1'], args: ['--ulimit-add', 'nproc=5', '--ulimit-rm', 'nofile', '--ulimit-add', 'core=2:3'] },
    { id: 'ulimits-all-removed', base: ['--ulimit', 'nofile=10'], args: ['--ulimit-rm', 'nofile'] },
    { id: 'generic-resources', base: ['--generic-resource', 'gpu=1'], args: ['--generic-resource-add', 'fpga=2', '--generic-resource-rm', 'gpu'] },
    { id: 'secrets', base: ['--secret', SEC_A], args: ['--secret-add', `src=${SEC_B},target=b2`, '--secret-rm', SEC_A] },
    { id: 'configs', base: ['--config', CFG_A, '--config', `src=${CFG_B},target=/b`], args: ['--config-rm', CFG_A] },
    { id: 'config-add', base: [], args: ['--config-add', `src=${CFG_B},target=/x,mode=0600`] },
    { id: 'networks', base: ['--network', NET_A], args: ['--network-add', NET_B, '--network-rm', NET_A] },
    { id: 'network-add-alias', base: [], args: ['--network-add', `name=${NET_B},alias=x`] },
    { id: 'force', base: [], args: ['--force'] },
    { id: 'force-twice', base: [], args: ['--force', '--force=true'] },
    { id: 'replicas-args-entrypoint', base: [], args: ['--replicas', '3', '--args', 'sleep 99', '--entrypoint', 'sh -c'] },
    { id: 'args-empty', base: [], args: ['--args', ''] },
    { id: 'resources', base: [], args: ['--limit-cpu', '1', '--reserve-memory', '32m'] },
    { id: 'resources-pids', base: ['--limit-memory', '64m'], args: ['--limit-pids', '7'] },
    { id: 'restart-from-defaults', base: [], args: ['--restart-condition', 'none'] },
    { id: 'restart-existing', base: ['--restart-max-attempts', '2', '--restart-window', '10s'], args: ['--restart-delay', '9s'] },
    { id: 'update-rollback-config', base: ['--update-parallelism', '3'], args: ['--update-delay', '1s', '--rollback-order', 'start-first'] },
    { id: 'update-config-from-defaults', base: [], args: ['--update-max-failure-ratio', '0.5'] },
    { id: 'health-none', base: ['--health-cmd', 'true'], args: ['--no-healthcheck'] },
    { id: 'health-after-none', base: ['--no-healthcheck'], args: ['--health-interval', '3s'] },
    { id: 'health-cmd-clear', base: ['--health-cmd', 'true', '--health-retries', '2'], args: ['--health-cmd', ''] },
    { id: 'log-driver', base: [], args: ['--log-driver', 'json-file', '--log-opt', 'max-size=1m'] },
    { id: 'log-opt-alone', base: ['--log-driver', 'json-file', '--log-opt', 'a=b'], args: ['--log-opt', 'x=y'] },
    { id: 'log-driver-empty', base: ['--log-driver', 'json-file'], args: ['--log-driver', ''] },
    {
      id: 'scalars',
      base: [],
      args: ['--endpoint-mode', 'dnsrr', '--tty', '--read-only', '--init', '--stop-signal', 'SIGUSR1', '--stop-grace-period', '3s', '--hostname', 'hh', '-w', '/w', '-u', '1000', '--isolation', 'process'],
    },
    { id: 'scalars-off', base: ['-t', '--read-only', '--init'], args: ['--tty=false', '--read-only=false', '--init=false'] },
    { id: 'ignored-flags', spoof: true, base: [], args: ['--health-start-interval', '5s', '--max-concurrent', '2'] },
    { id: 'oom-score-adj', spoof: true, base: [], args: ['--oom-score-adj', '5'] },
    { id: 'credential-spec-file', base: [], args: ['--credential-spec', 'file://x.json'] },
    { id: 'credential-spec-clear', base: ['--credential-spec', 'registry://k'], args: ['--credential-spec', ''] },
    { id: 'credential-spec-config', base: [], args: ['--credential-spec', `config://${CFG_A}`] },
    { id: 'max-replicas', base: ['--replicas', '2'], args: ['--replicas-max-per-node', '3'] },
    { id: 'rollback', base: [], args: ['--rollback'] },
    { id: 'with-registry-auth', base: [], args: ['--with-registry-auth'] },
  ];
}

// Malformed values: [id, args, cmd?] for create; update errors have a base.
function errorCases() {
  const E = (id, args, extra = {}) => ({ id, args, ...extra });
  return [
    E('limit-memory-suffix', ['--limit-memory', '12x']),
    E('limit-memory-nodigit', ['--limit-memory', 'abc']),
    E('limit-memory-negative', ['--limit-memory', '-1']),
    E('limit-memory-float-syntax', ['--limit-memory', '1.2.3']),
    E('limit-memory-long-suffix', ['--limit-memory', '1kbb']),
    E('limit-memory-range', ['--limit-memory', '1e400']),
    E('limit-memory-underscore', ['--reserve-memory', '1__0m']),
    E('limit-cpu-syntax', ['--limit-cpu', 'abc']),
    E('limit-cpu-precise', ['--limit-cpu', '0.0000000001']),
    E('limit-cpu-div0', ['--limit-cpu', '1/0']),
    E('limit-cpu-empty', ['--reserve-cpu', '']),
    E('ratio-syntax', ['--update-max-failure-ratio', 'x']),
    E('ratio-range', ['--rollback-max-failure-ratio', '1e99']),
    E('ratio-nan', ['--update-max-failure-ratio', 'nan']),
    E('ratio-inf', ['--rollback-max-failure-ratio', 'inf']),
    E('ratio-signed-nan', ['--update-max-failure-ratio', '-nan']),
    E('ratio-hex-no-exponent', ['--update-max-failure-ratio', '0x1']),
    E('limit-memory-hex', ['--limit-memory', '0x10m']),
    E('limit-cpu-fraction-float', ['--limit-cpu', '1.5/2']),
    E('limit-cpu-underscore', ['--limit-cpu', '1__0']),
    E('replicas-underscore', ['--replicas', '1__0']),
    E('mount-csv-multiline-error', ['--mount', 'target=/x,"a\nb']),
    E('env-file-export', ['--env-file', '@bad4.env'], { envFiles: { 'bad4.env': 'export A=1\n' } }),
    E('publish-hostip-v6', ['-p', '[::]:80:80']),
    E('publish-proto-empty-port', ['-p', '/tcp']),
    E('update-delay', ['--update-delay', 'x']),
    E('stop-grace-unit', ['--stop-grace-period', '5']),
    E('health-negative', ['--health-interval', '-1s']),
    E('restart-delay-unit', ['--restart-delay', '1y']),
    E('replicas-negative', ['--replicas', '-1']),
    E('replicas-syntax', ['--replicas', 'x']),
    E('health-retries', ['--health-retries', 'x']),
    E('limit-pids', ['--limit-pids', '1.5']),
    E('update-parallelism', ['--update-parallelism', '-1']),
    E('max-per-node', ['--replicas-max-per-node', 'x']),
    E('restart-max-attempts-range', ['--restart-max-attempts', '18446744073709551616']),
    E('tty-bool', ['--tty=maybe']),
    E('publish-empty', ['-p', '']),
    E('publish-word', ['-p', 'abc']),
    E('publish-proto', ['-p', '80/xyz']),
    E('publish-hostip', ['-p', '1.2.3.4:80:80']),
    E('publish-badip', ['-p', '1.2.3:80:80']),
    E('publish-v6-bracket', ['-p', '[::1:80:80']),
    E('publish-ranges', ['-p', '8000-8002:80-81']),
    E('publish-range-reverse', ['-p', '8000-7000:80']),
    E('publish-hostport', ['-p', 'x:80']),
    E('publish-long-target', ['-p', 'target=abc']),
    E('publish-long-target-range', ['-p', 'target=70000']),
    E('publish-long-missing-target', ['-p', 'published=80']),
    E('publish-long-protocol', ['-p', 'protocol=icmp,target=80']),
    E('publish-long-mode', ['-p', 'mode=x,target=80']),
    E('publish-long-key', ['-p', 'target=80,foo=1']),
    E('publish-long-field', ['-p', 'a=b,c']),
    E('publish-long-published', ['-p', 'target=80,published=x']),
    E('publish-long-csv', ['-p', 'target=80,"x']),
    E('mount-empty', ['--mount', '']),
    E('mount-no-target', ['--mount', 'type=bind']),
    E('mount-unknown-key', ['--mount', 'target=/x,foo=bar']),
    E('mount-ro-value', ['--mount', 'target=/x,ro=maybe']),
    E('mount-tmpfs-size', ['--mount', 'type=tmpfs,target=/x,tmpfs-size=abc']),
    E('mount-tmpfs-mode', ['--mount', 'type=tmpfs,target=/x,tmpfs-mode=999']),
    E('mount-mix-volume', ['--mount', 'type=bind,target=/x,volume-nocopy']),
    E('mount-mix-bind', ['--mount', 'type=volume,target=/x,bind-propagation=rshared']),
    E('mount-mix-tmpfs', ['--mount', 'type=volume,target=/x,tmpfs-size=1m']),
    E('mount-mix-image', ['--mount', 'type=tmpfs,target=/x,image-subpath=a']),
    E('mount-bind-recursive', ['--mount', 'type=bind,src=/a,target=/x,bind-recursive=bogus']),
    E('mount-bind-writable', ['--mount', 'type=bind,src=/a,target=/x,bind-recursive=writable']),
    E('mount-bind-readonly-prop', ['--mount', 'type=bind,src=/a,target=/x,ro,bind-recursive=readonly']),
    E('mount-bind-readonly-ro', ['--mount', 'type=bind,src=/a,target=/x,bind-recursive=readonly,bind-propagation=rprivate']),
    E('mount-csv-bare-quote', ['--mount', 'target=/x,a"b']),
    E('mount-csv-quote', ['--mount', 'target=/x,"bad']),
    E('mount-csv-extraneous', ['--mount', '"target=/x"y']),
    E('mount-bare-field', ['--mount', 'target=/x,bogus']),
    E('mount-type-empty', ['--mount', 'type=,target=/x']),
    E('mount-nocopy-value', ['--mount', 'target=/x,volume-nocopy=maybe']),
    E('mount-nonrecursive-value', ['--mount', 'type=bind,src=/a,target=/x,bind-nonrecursive=maybe']),
    E('secret-empty-source', ['--secret', 'source=']),
    E('secret-no-source', ['--secret', 'target=/x']),
    E('secret-mode', ['--secret', 'src=a,mode=abc']),
    E('secret-mode-range', ['--secret', 'src=a,mode=0x1ffffffff']),
    E('secret-field', ['--secret', 'src=a,foo=b']),
    E('secret-bare-field', ['--secret', 'src=a,bad']),
    E('secret-empty', ['--secret', '']),
    E('config-field', ['--config', 'src=a,foo=b']),
    E('secret-not-found', ['--secret', 'tsw-spec-nonexistent']),
    E('secret-duplicate-target', ['--secret', `src=${SEC_A},target=x`, '--secret', `src=${SEC_B},target=x`]),
    E('config-not-found', ['--config', 'tsw-spec-nonexistent']),
    E('config-duplicate-target', ['--config', `src=${CFG_A},target=x`, '--config', `src=${CFG_B},target=x`]),
    E('credential-spec-config-missing', ['--credential-spec', 'config://tsw-spec-nonexistent']),
    E('env-empty-name', ['-e', '=x']),
    E('env-panic', ['-e', 'A=1', '-e', 'A=1', '-e', 'A=3']),
    E('label-empty-name', ['-l', '=x']),
    E('label-whitespace', ['-l', 'a b=c']),
    E('container-label-empty', ['--container-label', ' \t=x']),
    E('log-opt-empty-name', ['--log-opt', '=x']),
    E('env-file-missing', ['--env-file', '/nonexistent/tsw-spec.env']),
    E('env-file-no-name', ['--env-file', '@bad1.env'], { envFiles: { 'bad1.env': 'A=1\n=x\n' } }),
    E('env-file-whitespace', ['--env-file', '@bad2.env'], { envFiles: { 'bad2.env': 'A B=1\n' } }),
    E('env-file-utf8', ['--env-file', '@bad3.env'], { envFiles: { 'bad3.env': Buffer.from([0x41, 0x3d, 0xff, 0x0a]) } }),
    E('ulimit-no-value', ['--ulimit', 'nofile']),
    E('ulimit-type', ['--ulimit', 'foo=1']),
    E('ulimit-syntax', ['--ulimit', 'nofile=a']),
    E('ulimit-hard-syntax', ['--ulimit', 'nofile=1:b']),
    E('ulimit-too-many', ['--ulimit', 'nofile=1:2:3']),
    E('ulimit-soft-gt-hard', ['--ulimit', 'nofile=10:5']),
    E('ulimit-soft-unlimited', ['--ulimit', 'nofile=-1:5']),
    E('dns-ip', ['--dns', 'abc']),
    E('dns-search-digits', ['--dns-search', '123']),
    E('dns-search-dash', ['--dns-search', '-bad.com']),
    E('host-format', ['--host', 'nocolon']),
    E('host-ip', ['--host', 'h:notanip']),
    E('host-empty-name', ['--host', ':1.2.3.4']),
    E('host-v6-unbracketed', ['--host', 'h:[::1']),
    E('generic-resource-format', ['--generic-resource', 'gpu']),
    E('generic-resource-named', ['--generic-resource', 'gpu=abc']),
    E('generic-resource-negative', ['--generic-resource', 'gpu=-1']),
    E('generic-resource-term', ['--generic-resource', 'a=b=c']),
    E('generic-resource-mixed', ['--generic-resource', 'gpu=1', '--generic-resource', 'gpu=x']),
    E('placement-pref-format', ['--placement-pref', 'spread']),
    E('placement-pref-strategy', ['--placement-pref', 'binpack=x']),
    E('placement-pref-empty', ['--placement-pref', '=x']),
    E('credential-spec', ['--credential-spec', 'bogus']),
    E('network-name-empty', ['--network', 'name=,alias=x']),
    E('network-no-name', ['--network', 'alias=x']),
    E('network-key', ['--network', 'foo=bar']),
    E('network-driver-opt', ['--network', 'name=a,driver-opt=x']),
    E('network-gw-priority', ['--network', 'name=a,gw-priority=x']),
    E('network-field', ['--network', 'name=a,b']),
    E('network-not-found', ['--network', 'tsw-spec-nonexistent']),
    E('mode-unknown', ['--mode', 'foo']),
    E('mode-global-replicas', ['--mode', 'global', '--replicas', '2']),
    E('mode-global-max-per-node', ['--mode', 'global', '--replicas-max-per-node', '1']),
    E('mode-global-max-concurrent', ['--mode', 'global', '--max-concurrent', '1']),
    E('mode-replicated-max-concurrent', ['--max-concurrent', '1']),
    E('mode-global-job-replicas', ['--mode', 'global-job', '--replicas', '1']),
    E('mode-global-job-max-per-node', ['--mode', 'global-job', '--replicas-max-per-node', '2']),
    E('mode-job-update-config', ['--mode', 'replicated-job', '--update-delay', '1s']),
    E('mode-job-rollback-config', ['--mode', 'global-job', '--rollback-order', 'stop-first']),
    E('healthcheck-conflict', ['--no-healthcheck', '--health-cmd', 'x']),
    E('healthcheck-conflict-retries', ['--no-healthcheck', '--health-retries', '1']),
    E('entrypoint-quote', ['--entrypoint', 'sh -c "unterminated']),
    E('entrypoint-escape', ['--entrypoint', 'foo\\']),
    // service update
    E('update-replicas-global', ['--replicas', '2'], { update: true, base: ['--mode', 'global'] }),
    E('update-replicas-job', ['--replicas', '2'], { update: true, base: ['--mode', 'replicated-job'] }),
    E('update-generic-resource-rm', ['--generic-resource-rm', 'gpu'], { update: true, base: [] }),
    E('update-generic-resource-add-named', ['--generic-resource-add', 'gpu=abc'], { update: true, base: [] }),
    E('update-network-attached', ['--network-add', NET_A], { update: true, base: ['--network', NET_A] }),
    E('update-network-rm-missing', ['--network-rm', 'tsw-spec-nonexistent'], { update: true, base: [] }),
    E('update-rollback-combined', ['--rollback', '--force'], { update: true, base: [] }),
    E('update-mount-duplicate', ['--mount-add', 'target=/x', '--mount-add', 'type=tmpfs,target=/x'], { update: true, base: [] }),
    E('update-healthcheck-conflict', ['--no-healthcheck', '--health-cmd', 'x'], { update: true, base: [] }),
    E('update-secret-missing', ['--secret-add', 'tsw-spec-nonexistent'], { update: true, base: [] }),
    E('update-publish-rm', ['--publish-rm', 'abc'], { update: true, base: [] }),
    E('update-placement-pref-rm', ['--placement-pref-rm', 'x'], { update: true, base: [] }),
    E('update-args-quote', ['--args', "'x"], { update: true, base: [] }),
  ];
}

// ---- running ----
function resolveArgs(args, envFiles) {
  return args.map((a) => (typeof a === 'string' && a.startsWith('@') && envFiles?.[a.slice(1)] !== undefined ? join(work, a.slice(1)) : a));
}

function writeEnvFiles(envFiles) {
  for (const [name, content] of Object.entries(envFiles ?? {})) writeFileSync(join(work, name), content);
}

function encodeEnvFiles(envFiles) {
  if (envFiles === undefined) return undefined;
  return Object.fromEntries(Object.entries(envFiles).map(([k, v]) => [k, Buffer.from(v).toString('base64')]));
}

let counter = 0;
function nextName() {
  counter++;
  return `tsw-spec-${SUFFIX}-${counter}`;
}

async function createBase(name, base) {
  const r = await run(['service', 'create', '-d', '-q', '--name', name, ...base, IMAGE], { viaProxy: false });
  if (r.code !== 0) throw new Error(`base service ${name} (${base.join(' ')}): ${r.stderr}`);
  created.services.add(name);
}

async function serviceExists(name) {
  return (await run(['service', 'inspect', '--format', '{{.ID}}', name], { viaProxy: false })).code === 0;
}

const results = { create: [], update: [], errors: [] };

try {
  // Lab objects.
  for (const n of [NET_A, NET_B]) {
    await must(['network', 'create', '-d', 'overlay', n]);
    created.networks.push(n);
  }
  for (const s of [SEC_A, SEC_B]) {
    await must(['secret', 'create', s, '-'], { input: `secret ${s}\n` });
    created.secrets.push(s);
  }
  for (const c of [CFG_A, CFG_B]) {
    await must(['config', 'create', c, '-'], { input: `config ${c}\n` });
    created.configs.push(c);
  }
  const idOf = async (kind, name) => (await must([kind, 'inspect', '--format', '{{.ID}}', name])).trim();
  const lab = {
    client: version,
    image: IMAGE,
    registry: REG,
    cwd,
    env: ENV,
    networks: { [NET_A]: await idOf('network', NET_A), [NET_B]: await idOf('network', NET_B) },
    secrets: { [SEC_A]: await idOf('secret', SEC_A), [SEC_B]: await idOf('secret', SEC_B) },
    configs: { [CFG_A]: await idOf('config', CFG_A), [CFG_B]: await idOf('config', CFG_B) },
  };

  for (const c of createCases()) {
    const name = nextName();
    writeEnvFiles(c.envFiles);
    log = [];
    spoof = c.spoof === true;
    const argv = ['service', 'create', '-d', ...(c.noName ? [] : ['--name', name]), ...resolveArgs(c.args, c.envFiles), IMAGE, ...(c.cmd ?? [])];
    const r = await run(argv);
    spoof = false;
    const create = log.find((e) => e.method === 'POST' && /\/services\/create$/.test(e.url));
    if (create === undefined) throw new Error(`create ${c.id}: no POST /services/create (${r.code}: ${r.stderr})`);
    let specReadBack = null;
    let serviceId = r.stdout.trim().split('\n').pop();
    if (r.code === 0) {
      created.services.add(c.noName ? serviceId : name);
      specReadBack = await inspectSpec(c.noName ? serviceId : name);
      await removeService(c.noName ? serviceId : name);
    } else serviceId = undefined;
    results.create.push({
      id: c.id,
      name: c.noName ? undefined : name,
      args: c.args,
      cmd: c.cmd ?? [],
      envFiles: encodeEnvFiles(c.envFiles),
      spoof: c.spoof === true || undefined,
      unordered: c.unordered,
      argv,
      stdout: r.code === 0 ? '<service id>\n' : r.stdout,
      stderr: r.stderr,
      code: r.code,
      requests: log.map((e) => ({ ...e, url: e.url })),
      createBody: create.body,
      specReadBack,
    });
    console.log(`  create ${c.id}: ${r.code}`);
  }

  for (const c of updateCases()) {
    const name = nextName();
    await createBase(name, c.base);
    log = [];
    spoof = c.spoof === true;
    const argv = ['service', 'update', '-d', ...c.args, name];
    const r = await run(argv);
    spoof = false;
    const inspect = log.find((e) => e.method === 'GET' && /\/services\/[^/?]+(\?.*)?$/.test(e.url));
    const update = log.find((e) => e.method === 'POST' && /\/services\/[^/]+\/update/.test(e.url));
    if (update === undefined) throw new Error(`update ${c.id}: no POST update (${r.code}: ${r.stderr})`);
    const specReadBack = await inspectSpec(name);
    await removeService(name);
    results.update.push({
      id: c.id,
      name,
      base: c.base,
      args: c.args,
      spoof: c.spoof === true || undefined,
      unordered: c.unordered,
      stdout: r.stdout,
      stderr: r.stderr,
      code: r.code,
      requests: log,
      inspected: inspect?.response,
      updateUrl: update.url,
      updateBody: update.body,
      specReadBack,
    });
    console.log(`  update ${c.id}: ${r.code}`);
  }

  for (const c of errorCases()) {
    const name = nextName();
    writeEnvFiles(c.envFiles);
    if (c.update) await createBase(name, c.base);
    const before = c.update ? await inspectSpec(name) : null;
    let inspected;
    // The raw service as docker's update reads it (GET /services/{name}?insertDefaults=false).
    if (c.update) inspected = await apiGet(`/v1.41/services/${name}?insertDefaults=false`);
    log = [];
    const argv = c.update
      ? ['service', 'update', '-d', ...resolveArgs(c.args, c.envFiles), name]
      : ['service', 'create', '-d', '--name', name, ...resolveArgs(c.args, c.envFiles), IMAGE, ...(c.cmd ?? [])];
    const r = await run(argv);
    const posted = log.some((e) => e.method === 'POST' && /\/services\//.test(e.url));
    let changed = false;
    if (c.update) {
      changed = (await inspectSpec(name)) !== before;
      await removeService(name);
    } else if (await serviceExists(name)) {
      created.services.add(name);
      await removeService(name);
      changed = true;
    }
    results.errors.push({
      id: c.id,
      command: c.update ? 'update' : 'create',
      base: c.base,
      args: c.args,
      cmd: c.cmd,
      envFiles: encodeEnvFiles(c.envFiles),
      argv,
      stdout: r.stdout,
      stderr: r.stderr,
      code: r.code,
      posted,
      changed,
      inspected,
      requests: log.filter((e) => e.method !== 'GET' || !/\/services\//.test(e.url)).map((e) => ({ method: e.method, url: e.url, status: e.status })),
    });
    console.log(`  error ${c.id}: ${r.code}${posted ? ' (posted!)' : ''}`);
  }

  // Help texts: at the lab's API 1.41 (flags annotated with newer versions are hidden) and as
  // for a current engine (API 1.50 via the proxy), which shows every flag.
  const help = {};
  for (const cmd of ['create', 'update']) {
    help[`${cmd}-1.41`] = (await run(['service', cmd, '--help'])).stdout;
    spoof = true;
    help[`${cmd}-1.50`] = (await run(['service', cmd, '--help'])).stdout;
    spoof = false;
  }
  writeFileSync(join(out, 'help.json'), `${JSON.stringify({ client: version, ...help }, null, 2)}\n`);
  console.log('wrote test/golden/spec/help.json');

  const save = (file, data) => {
    writeFileSync(join(out, file), `${JSON.stringify({ ...lab, work, cases: data }, null, 2)}\n`);
    console.log(`wrote test/golden/spec/${file} (${data.length} cases)`);
  };
  save('create.json', results.create);
  save('update.json', results.update);
  save('errors.json', results.errors);
} finally {
  await cleanup();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
