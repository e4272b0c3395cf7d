/**
 * `tsw stack deploy` against `docker stack deploy` on the lab swarm. Each compose file is
 * deployed by docker as stack tswdpd<N> and by tsw as tswdpt<N> (with the same environment but
 * for the values that must differ: ports, a subnet, names derived from the stack); then the
 * outputs (stdout lines sorted within their kind, since docker ranges over Go maps), stderr,
 * exit codes, and every object read back (service specs, networks, secrets, configs) must be
 * the same once tsw's stack name, ports and subnet are mapped to docker's and object IDs to
 * names. Redeploys (Updating lines, --prune, --resolve-image), --detach=false and bad input
 * (docker's message and exit code, and the same objects left behind) are compared the same way.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, waitUntil } from '../support/node-lab.ts';
import { labUp, type Outcome, repoRoot, runDocker, runTsw } from '../support/oracle.ts';

const FIX = join(repoRoot, 'test/fixtures/stack-deploy');
const LABEL = 'com.docker.stack.namespace';
const EXT_NET = 'tswdpx-ext';

interface Side {
  readonly stack: string;
  readonly env: Record<string, string>;
}

interface Pair {
  readonly d: Side;
  readonly t: Side;
  /** tsw-side text → docker-side text, applied to everything tsw's side shows. */
  readonly map: ReadonlyArray<readonly [string, string]>;
}

const created = new Set<string>();

function side(stack: string, n: number, offset: number): Side {
  return {
    stack,
    env: {
      TSWDP_STACK: stack,
      TSWDP_SUBNET: `10.${231 + offset}.${n}.0/24`,
      TSWDP_PORT0: String(27000 + offset * 1000 + n * 10),
      TSWDP_PORT1: String(27001 + offset * 1000 + n * 10),
      TSWDP_PORT2: String(27002 + offset * 1000 + n * 10),
      TSWDP_PLAIN: 'plain value',
      TSWDP_EMPTY: '',
      TSWDP_REPLICAS: '0',
    },
  };
}

function pair(n: number): Pair {
  const d = side(`tswdpd${n}`, n, 0);
  const t = side(`tswdpt${n}`, n, 1);
  created.add(d.stack);
  created.add(t.stack);
  const map: [string, string][] = [[t.stack, d.stack]];
  for (const k of ['TSWDP_SUBNET', 'TSWDP_PORT0', 'TSWDP_PORT1', 'TSWDP_PORT2']) map.push([t.env[k] ?? '', d.env[k] ?? '']);
  return { d, t, map };
}

function mapText(p: Pair, text: string): string {
  let out = text;
  for (const [from, to] of p.map) out = out.split(from).join(to);
  return out;
}

function deployArgs(s: Side, files: readonly string[], extra: readonly string[], dir = FIX): string[] {
  return ['stack', 'deploy', ...files.flatMap((f) => ['-c', join(dir, f)]), ...extra, s.stack];
}

const KINDS = ['Removing service ', 'Creating network ', 'Creating secret ', 'Creating config ', 'Creating service ', 'Updating service '];

/** Lines sorted within their kind (service creates and updates are one kind: one map range). */
function canonStdout(text: string): string {
  const kind = (l: string): number => {
    const i = KINDS.findIndex((k) => l.startsWith(k));
    return i === 5 ? 4 : i < 0 ? 99 : i;
  };
  const lines = text
    .replace(/\(id: [a-z0-9]{25}\)/g, '(id: <ID>)')
    .split('\n')
    .filter((l) => l !== '');
  // Lines of unknown kind keep their place relative to each other at the end.
  return lines
    .map((l, i) => ({ l, i, k: kind(l) }))
    .sort((a, b) => a.k - b.k || (a.k === 99 ? a.i - b.i : a.l < b.l ? -1 : a.l > b.l ? 1 : 0))
    .map((x) => x.l)
    .join('\n');
}

function assertSameOutcome(p: Pair, d: Outcome, t: Outcome, what: string): void {
  assert.equal(canonStdout(mapText(p, t.stdout)), canonStdout(d.stdout), `stdout of ${what}`);
  assert.equal(mapText(p, t.stderr), d.stderr, `stderr of ${what}`);
  assert.equal(t.code, d.code, `exit code of ${what}`);
}

function filterQ(stack: string): string {
  return `filters=${encodeURIComponent(JSON.stringify({ label: { [`${LABEL}=${stack}`]: true } }))}`;
}

type Obj = Record<string, unknown>;

async function get<T>(path: string): Promise<T> {
  const r = await api<T>('GET', path);
  assert.equal(r.status, 200, `GET ${path}: ${JSON.stringify(r.value)}`);
  return r.value;
}

/** Everything the stack owns, read back, with IDs replaced by names and the unstable parts dropped. */
async function snapshot(stack: string): Promise<Obj> {
  const allNets = await get<Obj[]>('/networks');
  const netName = new Map(allNets.map((n) => [n['Id'] as string, n['Name'] as string]));
  const services = await get<Obj[]>(`/services?${filterQ(stack)}`);
  const out: Obj = {};
  const fixSpec = (spec: Obj | undefined): Obj | undefined => {
    if (spec === undefined) return undefined;
    const s = JSON.parse(JSON.stringify(spec)) as Obj;
    const tt = s['TaskTemplate'] as Obj | undefined;
    for (const n of [...((tt?.['Networks'] as Obj[] | undefined) ?? []), ...((s['Networks'] as Obj[] | undefined) ?? [])]) {
      n['Target'] = netName.get(n['Target'] as string) ?? n['Target'];
    }
    const cs = tt?.['ContainerSpec'] as Obj | undefined;
    for (const r of ((cs?.['Secrets'] as Obj[] | undefined) ?? [])) delete r['SecretID'];
    for (const r of ((cs?.['Configs'] as Obj[] | undefined) ?? [])) delete r['ConfigID'];
    return s;
  };
  for (const s of services.sort((a, b) => String((a['Spec'] as Obj)['Name']).localeCompare(String((b['Spec'] as Obj)['Name'])))) {
    const spec = s['Spec'] as Obj;
    const prev = fixSpec(s['PreviousSpec'] as Obj | undefined);
    out[`service ${String(spec['Name'])}`] = prev === undefined ? { Spec: fixSpec(spec) } : { Spec: fixSpec(spec), PreviousSpec: prev };
  }
  const nets = await get<Obj[]>(`/networks?${filterQ(stack)}`);
  for (const n of nets.sort((a, b) => String(a['Name']).localeCompare(String(b['Name'])))) {
    const options = { ...((n['Options'] as Record<string, string> | null) ?? {}) };
    delete options['com.docker.network.driver.overlay.vxlanid_list'];
    const ipam = (n['IPAM'] as Obj | undefined) ?? {};
    out[`network ${String(n['Name'])}`] = {
      Driver: n['Driver'],
      Scope: n['Scope'],
      Internal: n['Internal'],
      Attachable: n['Attachable'],
      Ingress: n['Ingress'],
      Labels: n['Labels'],
      Options: options,
      IPAM: { Driver: ipam['Driver'], Options: ipam['Options'], Subnets: ((ipam['Config'] as Obj[] | null) ?? []).map((c) => c['Subnet']).filter((x) => String(x).startsWith('10.23')) },
    };
  }
  for (const kind of ['secrets', 'configs']) {
    const objs = await get<Obj[]>(`/${kind}?${filterQ(stack)}`);
    for (const o of objs.sort((a, b) => String((a['Spec'] as Obj)['Name']).localeCompare(String((b['Spec'] as Obj)['Name'])))) {
      out[`${kind} ${String((o['Spec'] as Obj)['Name'])}`] = o['Spec'];
    }
  }
  return out;
}

async function assertSameObjects(p: Pair, what: string): Promise<void> {
  const d = await snapshot(p.d.stack);
  const t = await snapshot(p.t.stack);
  assert.deepEqual(JSON.parse(mapText(p, JSON.stringify(t))), d, `objects after ${what}`);
}

async function stackGone(stack: string): Promise<boolean> {
  for (const kind of ['services', 'networks', 'secrets', 'configs']) {
    const r = await api<Obj[]>('GET', `/${kind}?${filterQ(stack)}`);
    if ((r.value ?? []).length > 0) return false;
  }
  return true;
}

function w2(dir: string, name: string, text: string): void {
  writeFileSync(join(dir, name), text);
}

function removeStacks(stacks: Iterable<string>): void {
  const list = [...stacks];
  if (list.length > 0) runDocker(['stack', 'rm', ...list]);
}

/** Deploys with docker and tsw and compares outputs and objects. */
async function both(p: Pair, files: readonly string[], extra: readonly string[] = [], what = files.join(' + '), dir = FIX): Promise<{ d: Outcome; t: Outcome }> {
  const d = runDocker(deployArgs(p.d, files, extra, dir), { env: p.d.env });
  const t = runTsw(deployArgs(p.t, files, extra, dir), { env: p.t.env });
  assertSameOutcome(p, d, t, what);
  await assertSameObjects(p, what);
  return { d, t };
}

describe('stack deploy (differential, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up');
    removeStacks([...Array(23).keys()].flatMap((n) => [`tswdpd${n}`, `tswdpt${n}`]));
    runDocker(['service', 'rm', 'tswdpx-port']);
    runDocker(['network', 'rm', EXT_NET]);
    await waitUntil(async () => (await api('GET', `/networks/${EXT_NET}`)).status === 404, 60_000, 'old external network gone');
    const r = runDocker(['network', 'create', '-d', 'overlay', '--label', 'tswdp=1', EXT_NET]);
    assert.equal(r.code, 0, r.stderr);
  });

  after(async () => {
    removeStacks(created);
    await waitUntil(
      async () => {
        // A network whose tasks are still shutting down refuses removal once ("has active
        // endpoints") and `stack rm` does not retry: remove what is left again.
        const left: string[] = [];
        for (const s of created) if (!(await stackGone(s))) left.push(s);
        removeStacks(left);
        return left.length === 0;
      },
      120_000,
      'the test stacks to be removed',
    );
    await waitUntil(
      () => {
        const r = runDocker(['network', 'rm', EXT_NET]);
        return r.code === 0 || /not found/.test(r.stderr);
      },
      60_000,
      'the external network to be removed',
    );
  });

  const single: Array<[number, string[], string]> = [
    [1, ['01-basic.yml'], 'basic'],
    [2, ['02-deploy-full.yml'], 'full deploy section'],
    [3, ['03-modes.yml'], 'modes and restart fallback'],
    [4, ['04-volumes-networks.yml'], 'volumes and networks'],
    [5, ['05-configs-secrets.yml'], 'configs and secrets'],
    [6, ['06-ports.yml'], 'ports short and long'],
    [7, ['07-anchors.yml'], 'YAML anchors and merge keys'],
    [8, ['08-interpolation.yml'], 'interpolation'],
    [9, ['09-multi-a.yml', '09-multi-b.yml'], 'several -c files'],
    [10, ['10-unsupported.yml'], 'unsupported and deprecated keys'],
    [11, ['11-container.yml'], 'container options'],
    [13, ['13-external.yml'], 'external network'],
  ];
  for (const [n, files, title] of single) {
    it(`${title} (${files.join(', ')}), then the same again (Updating lines)`, async () => {
      const p = pair(n);
      const first = await both(p, files);
      assert.equal(first.d.code, 0, `docker failed: ${first.d.stderr}`);
      assert.match(first.d.stdout, /Creating service/);
      const again = await both(p, files, n === 1 ? ['--with-registry-auth'] : [], `redeploy of ${files.join(' + ')}`);
      assert.match(again.d.stdout, /Updating service/);
    });
  }

  it('redeploy with changes, --prune, --resolve-image changed and never, comma-separated -c', async () => {
    const p = pair(12);
    await both(p, ['12-redeploy-1.yml']);
    const second = await both(p, ['12-redeploy-2.yml'], ['--prune'], 'redeploy --prune');
    assert.match(second.d.stdout, /Removing service tswdpd12_gone/);
    assert.match(second.d.stdout, /Creating service tswdpd12_added/);
    await both(p, ['12-redeploy-2.yml'], ['--resolve-image', 'changed'], 'redeploy --resolve-image changed');
    await both(p, ['12-redeploy-1.yml'], ['--resolve-image', 'never', '--detach'], 'back to the first file, --resolve-image never');
    const d = runDocker(['stack', 'deploy', '-c', `${join(FIX, '12-redeploy-1.yml')},${join(FIX, '12-redeploy-2.yml')}`, '--prune', p.d.stack], { env: p.d.env });
    const t = runTsw(['stack', 'deploy', '-c', `${join(FIX, '12-redeploy-1.yml')},${join(FIX, '12-redeploy-2.yml')}`, '--prune', p.t.stack], { env: p.t.env });
    assertSameOutcome(p, d, t, 'comma-separated -c');
    await assertSameObjects(p, 'comma-separated -c');
  });

  it('--detach=false draws the progress of each service (same lines, up to polling counts)', async () => {
    const p = pair(21);
    const d = runDocker(deployArgs(p.d, ['14-wait.yml'], ['--detach=false']), { env: p.d.env });
    const t = runTsw(deployArgs(p.t, ['14-wait.yml'], ['--detach=false']), { env: p.t.env });
    assert.equal(d.code, 0, d.stderr);
    assert.equal(t.code, d.code);
    assert.equal(mapText(p, t.stderr), d.stderr);
    // The number of polls differs from run to run: compare the distinct lines, IDs masked.
    const distinct = (s: string) => [...new Set(s.replace(/[a-z0-9]{25}/g, '<ID>').split('\n'))].join('\n');
    assert.equal(distinct(mapText(p, t.stdout)), distinct(d.stdout));
    assert.match(d.stdout, /verify: Service [a-z0-9]{25} converged\n$/);
  });

  it('an API version below 1.29 (DOCKER_API_VERSION=1.28): networks in the deprecated Spec.Networks', async () => {
    const p0 = pair(22);
    const p: Pair = { ...p0, d: { ...p0.d, env: { ...p0.d.env, DOCKER_API_VERSION: '1.28' } }, t: { ...p0.t, env: { ...p0.t.env, DOCKER_API_VERSION: '1.28' } } };
    const r = await both(p, ['02-deploy-full.yml'], [], 'API 1.28');
    assert.equal(r.d.code, 0, r.d.stderr);
    const svc = await get<Obj>(`/services/${p.d.stack}_api`);
    assert.ok(Array.isArray((svc['Spec'] as Obj)['Networks']), 'docker used Spec.Networks');
  });

  it('compose file on stdin (-c -), with the up alias', async () => {
    const p = pair(20);
    const input = readFileSync(join(FIX, '01-basic.yml'), 'utf8');
    const d = runDocker(['stack', 'up', '-c', '-', p.d.stack], { env: p.d.env, input });
    const t = runTsw(['stack', 'up', '-c', '-', p.t.stack], { env: p.t.env, input });
    assertSameOutcome(p, d, t, 'stdin');
    assert.equal(d.code, 0, d.stderr);
    await assertSameObjects(p, 'stdin');
  });

  it('--detach=false -q waits for the services', async () => {
    const p = pair(14);
    const r = await both(p, ['14-wait.yml'], ['--detach=false', '-q'], 'wait');
    assert.equal(r.d.code, 0, r.d.stderr);
    assert.equal(r.d.stderr, '');
  });

  describe('bad input: docker\'s message and exit code, the same objects left behind', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'tswdp-'));
      const w = (name: string, text: string) => writeFileSync(join(dir, name), text);
      // (yaml.v3's messages for other broken files — `web: [`, `a: b: c` — are the loader's; see the report)
      w('invalid.yml', 'version: "3.8"\nservices:\n  web:\n    image: "unterminated\n');
      w('tab.yml', 'version: "3.8"\nservices:\n\tweb: {}\n');
      w('schema.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    frobnicate: 1\n');
      w('required.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox:${TSWDP_REQUIRED:?must be set}\n');
      w('envfile.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    env_file: ./missing.env\n');
      w('noext.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    networks: [gone]\nnetworks:\n  gone:\n    external: true\n    name: tswdpx-missing\n');
      w('undefnet.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    deploy:\n      replicas: 0\n    networks: [nope]\n');
      w('badmode.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    deploy:\n      mode: global\n      replicas: 2\n');
      w('undefsecret.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    secrets: [nope]\n');
      w('noimage.yml', 'version: "3.8"\nservices:\n  web:\n    command: "true"\n');
      w('netdriver.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    networks: [n]\nnetworks:\n  n:\n    driver: tswdp-no-such-driver\n');
      w('good.yml', 'version: "3.8"\nservices:\n  web:\n    image: busybox\n    deploy:\n      replicas: 0\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const cases: Array<[number, string[], string[]]> = [
      [15, ['invalid.yml'], []],
      [16, ['tab.yml'], []],
      [16, ['schema.yml'], []],
      [17, ['required.yml'], []],
      [18, ['envfile.yml'], []],
      [19, ['noext.yml'], []],
      [15, ['undefnet.yml'], []],
      [16, ['badmode.yml'], []],
      [17, ['undefsecret.yml'], []],
      [18, ['noimage.yml'], []],
      [19, ['good.yml'], ['--resolve-image', 'sometimes']],
      [16, ['netdriver.yml'], []],
      [15, [], []],
    ];
    for (const [n, files, extra] of cases) {
      it(`${files.join(' ') || 'no -c'} ${extra.join(' ')}`, async () => {
        const p = pair(n);
        const d = runDocker(deployArgs(p.d, files, extra, dir), { env: p.d.env });
        const t = runTsw(deployArgs(p.t, files, extra, dir), { env: p.t.env });
        assertSameOutcome(p, d, t, files.join(' '));
        assert.notEqual(d.code, 0, 'docker should fail');
        await assertSameObjects(p, files.join(' '));
        removeStacks([p.d.stack, p.t.stack]);
        await waitUntil(async () => (await stackGone(p.d.stack)) && (await stackGone(p.t.stack)), 60_000, 'bad-input stacks removed');
      });
    }

    it('a secret whose content changed cannot be updated (the daemon allows label changes only)', async () => {
      const p = pair(17);
      w2(dir, 'changing.yml', `version: "3.8"\nservices:\n  web:\n    image: ${process.env['TSW_LAB_REGISTRY'] ?? ''}/busybox:1\n    deploy:\n      replicas: 0\n    secrets: [s]\n    configs: [c]\nsecrets:\n  s:\n    file: ./s.txt\nconfigs:\n  c:\n    file: ./c.txt\n`);
      w2(dir, 's.txt', 'one');
      w2(dir, 'c.txt', 'one');
      const first = await both(p, ['changing.yml'], [], 'first deploy', dir);
      assert.equal(first.d.code, 0, first.d.stderr);
      // Same content, new label-free redeploy: updates pass silently.
      await both(p, ['changing.yml'], [], 'unchanged redeploy', dir);
      w2(dir, 'c.txt', 'two');
      const conf = await both(p, ['changing.yml'], [], 'config changed', dir);
      assert.equal(conf.d.code, 1);
      w2(dir, 's.txt', 'two');
      const sec = await both(p, ['changing.yml'], [], 'secret changed', dir);
      assert.equal(sec.d.code, 1);
      assert.match(sec.d.stderr, /failed to update secret tswdpd17_s/);
      removeStacks([p.d.stack, p.t.stack]);
      await waitUntil(async () => (await stackGone(p.d.stack)) && (await stackGone(p.t.stack)), 60_000, 'stacks removed');
    });

    it('a service the daemon rejects (published port in use): failed to create service …', async () => {
      const p = pair(18);
      const r = runDocker(['service', 'create', '-d', '--name', 'tswdpx-port', '--replicas', '0', '-p', '27555:80', `${process.env['TSW_LAB_REGISTRY'] ?? ''}/busybox:1`]);
      assert.equal(r.code, 0, r.stderr);
      try {
        w2(dir, 'port.yml', `version: "3.8"\nservices:\n  web:\n    image: ${process.env['TSW_LAB_REGISTRY'] ?? ''}/busybox:1\n    ports: ["27555:80"]\n`);
        const out = await both(p, ['port.yml'], [], 'port in use', dir);
        assert.equal(out.d.code, 1);
        assert.match(out.d.stderr, /failed to create service tswdpd18_web: Error response from daemon: /);
      } finally {
        runDocker(['service', 'rm', 'tswdpx-port']);
        removeStacks([p.d.stack, p.t.stack]);
        await waitUntil(async () => (await stackGone(p.d.stack)) && (await stackGone(p.t.stack)), 60_000, 'stacks removed');
      }
    });

    it('flags newer than the API version, an unreachable daemon, --orchestrator', () => {
      const good = join(dir, 'good.yml');
      const runs: Array<[string[], Record<string, string>]> = [
        [['stack', 'deploy', '--prune', '--resolve-image', 'never', '-c', good, 'tswdpd19'], { DOCKER_API_VERSION: '1.26' }],
        [['stack', 'deploy', '-c', good, 'tswdpd19'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }],
        [['stack', 'deploy', '--orchestrator', 'kubernetes', '-c', good, 'tswdpd19'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }],
        [['stack', 'deploy', '--help'], { DOCKER_API_VERSION: '1.26' }],
      ];
      for (const [args, env] of runs) {
        const d = runDocker(args, { env });
        const t = runTsw(args, { env });
        assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
        assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
        assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
      }
    });

    it('invalid stack name and argument count', () => {
      const good = join(dir, 'good.yml');
      for (const args of [
        ['stack', 'deploy', '-c', good, '" "'],
        ['stack', 'deploy', '-c', good, "'"],
        ['stack', 'deploy', '-c', good],
        ['stack', 'up'],
        ['stack', 'deploy', '-c', good, 'a', 'b'],
        ['stack', 'deploy', '--help'],
        ['stack', 'up', '--help'],
        ['stack', 'deploy', '--detach=maybe', '-c', good, 'x'],
        ['stack', 'deploy', '-c', '"unterminated', 'x'],
      ]) {
        const d = runDocker(args);
        const t = runTsw(args);
        assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
        assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
        assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
      }
    });
  });
});
