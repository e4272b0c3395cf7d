/**
 * `tsw network create/ls/inspect/rm` against docker 28 on the lab swarm (node-1, the manager):
 * networks created by each client with every create flag and read back through the API
 * (compared after mapping names, IDs, times and allocated VXLAN IDs), IPAM and daemon errors
 * (nothing created), every ls filter and format, inspect (one, several, missing, templates,
 * -v with a service attached), rm (several, missing, -f, in use) and the ingress prompt
 * answered "n" or with closed stdin. Every object is named tsw-nw-…; only those are removed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { api, assertSame, mustDocker, networksNamed, removeNetworksNamed, waitUntil } from '../support/node-lab.ts';

const P = 'tsw-nw-';
const REGISTRY = process.env['TSW_LAB_REGISTRY'] ?? '';
const IMAGE = `${REGISTRY}/busybox:latest`;

function same(args: readonly string[], d: Outcome, t: Outcome): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

/**
 * Labels joined by `network ls` come in Go map order in docker (random when there are
 * several; tsw sorts them): in JSON rows they are compared as sets.
 */
function canonLabels(text: string): string {
  return text.replace(/"Labels":"([^"]*)"/g, (_m, l: string) => `"Labels":"${l.split(',').sort().join(',')}"`);
}

/**
 * docker, tsw, docker: other helpers create and remove networks on the same swarm, and the
 * daemon itself orders some lists (verbose Tasks) at random, so tsw must print what docker
 * printed just before or just after it; tried up to 10 times.
 */
function assertSameStable(args: readonly string[], input?: string): Outcome {
  const opts = input === undefined ? {} : { input };
  const key = (o: Outcome) => JSON.stringify([canonLabels(o.stdout), o.stderr, o.code]);
  let last: { d: Outcome; t: Outcome } | undefined;
  for (let i = 0; i < 10; i++) {
    const d1 = runDocker(args, opts);
    const t = runTsw(args, opts);
    const d2 = runDocker(args, opts);
    if (key(t) === key(d1)) return d1;
    if (key(t) === key(d2)) return d2;
    last = { d: d1, t };
  }
  if (last) same(args, { ...last.d, stdout: canonLabels(last.d.stdout) }, { ...last.t, stdout: canonLabels(last.t.stdout) });
  assert.fail(`no docker run printed what tsw printed for ${args.join(' ')}`);
}

interface NetworkObject {
  Name: string;
  Id: string;
  Created: string;
  IPAM?: { Config?: Array<{ Subnet?: string }> | null };
  Options?: Record<string, string> | null;
  [key: string]: unknown;
}

/**
 * The network as the manager reports it, once allocated: right after a create the swarm may
 * still show it without driver and IPAM for a moment.
 */
async function networkObject(name: string): Promise<NetworkObject> {
  let last: { status: number; value: NetworkObject } | undefined;
  await waitUntil(
    async () => {
      last = await api<NetworkObject>('GET', `/networks/${encodeURIComponent(name)}`);
      return last.status !== 200 || (last.value['Driver'] ?? '') !== '';
    },
    20_000,
    `network ${name} to be allocated`,
  );
  assert.equal(last?.status, 200, `GET /networks/${name}`);
  return (last as { value: NetworkObject }).value;
}

/** What must be equal between docker's and tsw's network: not its name, ID, time or VXLAN ID. */
function normalize(n: NetworkObject, who: 'd' | 't', allocated: boolean): unknown {
  const text = JSON.stringify(n).split(`${P}${who}-`).join(`${P}X-`);
  const o = JSON.parse(text) as NetworkObject;
  o.Id = '';
  o.Created = '';
  if (o.Options) delete o.Options['com.docker.network.driver.overlay.vxlanid_list'];
  // docker sends the subnets in Go map order (varies run to run): compare them as a set.
  o.IPAM?.Config?.sort((a, b) => (a.Subnet ?? '').localeCompare(b.Subnet ?? ''));
  // A subnet the daemon picked is the next free one: only its presence is compared.
  if (allocated) o.IPAM?.Config?.forEach((c) => Object.keys(c).forEach((k) => ((c as Record<string, string>)[k] = '*')));
  return o;
}

/** Removes every tsw-nw- service and network (networks once their tasks are gone). */
async function removeLeftovers(): Promise<void> {
  const services = mustDocker(['service', 'ls', '--format', '{{.Name}}']).split('\n').filter((n) => n.startsWith(P));
  if (services.length > 0) runDocker(['service', 'rm', ...services]);
  await removeNetworksNamed(P);
}

const idLike = /^([0-9a-z]{25}|[0-9a-f]{64})\n$/;

/**
 * docker creates `tsw-nw-d-<name>`, its network is read back and removed; tsw then creates
 * `tsw-nw-t-<name>` with the same flags. Output shapes, stderr, exit codes and the objects
 * read back must agree. (One after the other, so local subnets never overlap.)
 */
async function createBoth(name: string, flags: readonly string[], keep = false): Promise<void> {
  const allocated = !flags.some((f) => f.startsWith('--subnet'));
  // "%W%" in a flag stands for the client's letter (d or t), to name its own networks.
  const flagsOf = (who: string) => flags.map((f) => f.split('%W%').join(who));
  const d = runDocker(['network', 'create', ...flagsOf('d'), `${P}d-${name}`]);
  assert.equal(d.code, 0, d.stderr);
  assert.match(d.stdout, idLike);
  const dObj = await networkObject(`${P}d-${name}`);
  if (!keep) mustDocker(['network', 'rm', `${P}d-${name}`]);
  const t = runTsw(['network', 'create', ...flagsOf('t'), `${P}t-${name}`]);
  assert.equal(t.stderr, d.stderr);
  assert.equal(t.code, 0);
  assert.equal(t.stdout.length, d.stdout.length, `ID printed by tsw: ${t.stdout}`);
  const tObj = await networkObject(`${P}t-${name}`);
  assert.equal(tObj.Id, t.stdout.trim(), 'tsw printed the ID of the network it created');
  if (!keep) mustDocker(['network', 'rm', `${P}t-${name}`]);
  assert.deepEqual(normalize(tObj, 't', allocated), normalize(dObj, 'd', allocated));
}

/** Both clients fail the same way and leave no network behind. */
function assertFailsAlike(args: readonly string[], code: number): void {
  const before = networksNamed(P).sort();
  const d = runDocker(args);
  const t = runTsw(args);
  same(args, d, t);
  assert.equal(d.code, code, `docker's exit code for ${args.join(' ')}: ${d.stderr}`);
  assert.deepEqual(networksNamed(P).sort(), before, `${args.join(' ')} created nothing`);
}

describe('network (differential, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run with TSW_LAB=1 and DOCKER_HOST from `tsw lab env`');
    await removeLeftovers();
  });
  after(async () => removeLeftovers());

  describe('create', () => {
    it('overlay with every IPAM flag, driver options, labels, attachable, internal, scope', async () => {
      await createBoth('full', [
        '-d', 'overlay', '--attachable', '--internal', '--scope', 'swarm',
        '--subnet', '10.231.0.0/16', '--gateway', '10.231.0.254', '--ip-range', '10.231.1.0/24',
        '--aux-address', 'a=10.231.2.1', '--aux-address', 'b=10.231.2.2',
        '-o', 'encrypted', '--opt', 'com.docker.network.driver.mtu=1400',
        '--label', 'tier=front', '--label', 'solo', '--label', 'tier=back',
        '--ipam-driver', 'default', '--ipam-opt', 'foo=bar', '--ipam-opt', 'x',
      ]);
    });

    it('overlay with several subnets (comma lists), IPv6 and --ipv4 given', async () => {
      await createBoth('dual', [
        '--driver=overlay', '--ipv6', '--ipv4=true', '--subnet', 'fd00:231::/64,10.232.0.0/24',
        '--gateway', '10.232.0.9,fd00:231::9',
      ]);
    });

    it('overlay with defaults only, and --ipv6=false', async () => {
      await createBoth('plain', ['-d', 'overlay']);
      await createBoth('nov6', ['-d', 'overlay', '--ipv6=false']);
    });

    it('a local bridge network with options, internal and a subnet', async () => {
      await createBoth('bridge', [
        '--internal', '--subnet', '10.233.0.0/24', '--ip-range', '10.233.0.128/25', '--gateway', '10.233.0.1',
        '--aux-address', 'host1=10.233.0.5', '-o', 'com.docker.network.bridge.enable_icc=false', '--label', 'k=v',
      ]);
      await createBoth('defbridge', []);
    });

    it('config-only networks and a swarm network configured from one', async () => {
      await createBoth('cfgsrc', ['--config-only', '--subnet', '10.234.0.0/24', '--gateway', '10.234.0.1'], true);
      await createBoth('cfguse', ['-d', 'overlay', '--scope', 'swarm', '--config-from', `${P}%W%-cfgsrc`], true);
      const o = await networkObject(`${P}t-cfguse`);
      assert.deepEqual(o['ConfigFrom'], { Network: `${P}t-cfgsrc` });
      mustDocker(['network', 'rm', `${P}d-cfguse`, `${P}t-cfguse`]);
      mustDocker(['network', 'rm', `${P}d-cfgsrc`, `${P}t-cfgsrc`]);
    });

    it('IPAM errors before any daemon call (exit 1, nothing created)', () => {
      const n = `${P}bad`;
      for (const flags of [
        ['--gateway', '10.1.0.1'],
        ['--subnet', '10.1.0.0/16', '--ip-range', '10.1.0.0/24', '--ip-range', '10.1.2.0/24', '--subnet', '10.2.0.0/16'],
        ['--subnet', '10.1.0.0/16,10.1.2.0/24'],
        ['--subnet', '10.1.0.0/16', '--subnet', 'foo'],
        ['--subnet', 'foo/bar', '--subnet', '10.1.0.0/16'],
        ['--subnet', '10.1.0.0/16', '--ip-range', 'bad'],
        ['--subnet', '10.1.0.0/16', '--ip-range', '10.2.0.0/24'],
        ['--subnet', '10.1.0.0/16', '--gateway', 'bad'],
        ['--subnet', '10.1.0.0/16', '--subnet', '10.2.0.0/16', '--gateway', '10.1.0.1', '--gateway', '10.1.0.2'],
        ['--subnet', '10.1.0.0/16', '--aux-address', 'a=10.9.0.1'],
        ['--subnet', '10.1.0.0/40', '--gateway', '10.1.0.1'],
      ]) {
        assertFailsAlike(['network', 'create', '-d', 'overlay', ...flags, n], 1);
      }
    });

    it('flag and argument errors (125 / 1, nothing created)', () => {
      const n = `${P}bad`;
      for (const flags of [['--subnet', 'a"b'], ['--label', '=x'], ['--label', 'a b=1'], ['--ipv4=maybe'], ['--nope']]) {
        assertFailsAlike(['network', 'create', ...flags, n], 125);
      }
      assertFailsAlike(['network', 'create'], 1);
      assertFailsAlike(['network', 'create', '-d', n], 1);
      assertFailsAlike(['network', 'create', n, `${n}2`], 1);
    });

    it('daemon errors: a second ingress network, an existing name, an overlapping local subnet, unknown driver', () => {
      assertFailsAlike(['network', 'create', '--ingress', '-d', 'overlay', `${P}ingress`], 1);
      assertFailsAlike(['network', 'create', '--subnet', '172.17.5.0/24', `${P}overlap`], 1);
      assertFailsAlike(['network', 'create', '-d', 'nosuchdriver', `${P}nodriver`], 1);
      mustDocker(['network', 'create', '-d', 'overlay', `${P}dup`]);
      assertFailsAlike(['network', 'create', '-d', 'overlay', `${P}dup`], 1);
      assertFailsAlike(['network', 'create', `${P}dup`], 1);
      mustDocker(['network', 'rm', `${P}dup`]);
    });

    it('--help', () => {
      // The group's help lists every verb docker has (connect, disconnect and prune included).
      assertSame(['network', '--help']);
      assertSame(['network', 'create', '--help']);
      assertSame(['network', 'ls', '--help']);
      assertSame(['network', 'inspect', '--help']);
      assertSame(['network', 'rm', '--help']);
    });
  });

  describe('ls, inspect, rm on fixtures', () => {
    let cfgDir = '';
    const ids: Record<string, string> = {};

    before(async () => {
      // One label each: docker joins several in random order (see canonLabels).
      ids['a'] = mustDocker(['network', 'create', '-d', 'overlay', '--label', 'tier=front', '--internal', `${P}ls-a`]).trim();
      ids['x'] = mustDocker(['network', 'create', '-d', 'overlay', '--label', 'x=<y>', `${P}ls-x`]).trim();
      ids['10'] = mustDocker(['network', 'create', '-d', 'overlay', '--attachable', '--label', 'tier=back', `${P}ls-10`]).trim();
      ids['2'] = mustDocker(['network', 'create', '--label', 'tier=front', `${P}ls-2`]).trim();
      ids['used'] = mustDocker(['network', 'create', '-d', 'overlay', '--subnet', '10.235.0.0/24', `${P}used`]).trim();
      mustDocker([
        'service', 'create', '--detach', '--quiet', '--name', `${P}svc`, '--network', `${P}used`,
        '--constraint', 'node.role==manager', IMAGE,
      ]);
      await waitUntil(() => /"Services"/.test(runDocker(['network', 'inspect', '-v', `${P}used`]).stdout), 90_000, 'the service task on node-1');
      cfgDir = mkdtempSync(join(tmpdir(), 'tsw-nw-'));
      writeFileSync(join(cfgDir, 'config.json'), JSON.stringify({ networksFormat: 'table {{.Name}}\t{{.Labels}}\t{{.Internal}}' }));
    });

    after(() => {
      if (cfgDir) rmSync(cfgDir, { recursive: true, force: true });
    });

    it('ls: table, -q, --no-trunc, json, raw, templates (whole list, docker run before and after)', () => {
      for (const args of [
        [], ['-q'], ['--no-trunc'], ['-q', '--no-trunc'], ['--format', 'json'], ['--format', 'raw'], ['--format', 'raw', '-q'],
        ['--format', 'table {{.ID}}\t{{.Name}}\t{{.IPv4}}\t{{.IPv6}}\t{{.Internal}}\t{{.Label "tier"}}\t{{.CreatedAt}}'],
        ['-f', 'label=tier', '--format', 'table {{.Name}}\t{{.Labels}}\t{{.Label "tier"}}'], ['-f', 'label=x', '--format', '{{.Labels}}'],
        ['--format', '{{.Name}}: {{json .}}'], ['--format', '{{.Name}} {{.Scope}}', '-q'], ['list'],
      ]) {
        const a = args[0] === 'list' ? ['network', 'list'] : ['network', 'ls', ...args];
        assertSameStable(a);
      }
    });

    it('ls: every filter key', () => {
      for (const f of [
        `label=tier=front`, 'label=tier', 'label=x=<y>', `name=${P}ls`, `id=${ids['a']?.slice(0, 6)}`, `id=${ids['2']}`,
        'driver=overlay', 'driver=bridge', 'scope=swarm', 'scope=local', 'scope=global', 'type=custom', 'type=builtin',
        'dangling=true', 'dangling=false',
      ]) {
        assertSameStable(['network', 'ls', '--filter', f]);
      }
      assertSameStable(['network', 'ls', '-f', 'label=tier=front', '-f', 'label=tier=back', '-f', 'driver=overlay']);
      assertSameStable(['network', 'ls', '-f', 'label=tier', '--format', '{{.Name}}\t{{.Labels}}']);
    });

    it('ls: config.json networksFormat (ignored with -q, overridden by --format)', () => {
      for (const args of [['-f', 'label=tier'], ['-f', 'label=tier', '-q'], ['-f', 'label=tier', '--format', '{{.ID}}']]) {
        assertSameStable(['--config', cfgDir, 'network', 'ls', ...args]);
      }
    });

    it('ls: errors', () => {
      for (const args of [
        ['-f', 'nokey=1'], ['-f', 'dangling=maybe'], ['-f', 'type=other'], ['-f', 'noequals'], ['--format', '{{.Nope}}'],
        ['--format', '{{.Name'], ['extra'], ['--bogus'],
      ]) {
        assertSameStable(['network', 'ls', ...args]);
      }
    });

    it('inspect: one, several, missing, by ID prefix', () => {
      assertSame(['network', 'inspect', `${P}ls-a`]);
      assertSame(['network', 'inspect', `${P}ls-2`, `${P}ls-10`]);
      assertSame(['network', 'inspect', `${P}missing`, `${P}ls-a`, `${P}missing2`]);
      assertSame(['network', 'inspect', `${P}missing`]);
      assertSame(['network', 'inspect', (ids['10'] ?? '').slice(0, 8)]);
      assertSame(['network', 'inspect', '--format', 'json', `${P}ls-a`, `${P}ls-2`]);
      assertSame(['network', 'inspect']);
      assertSame(['network', 'inspect', '']);
    });

    it('inspect: templates on network.Inspect, the raw fallback, errors (parse error exits 64)', () => {
      for (const f of [
        '{{.Name}} {{.Created}} {{.IPAM}} {{.Labels}} {{.EnableIPv4}} {{.ConfigFrom}}',
        '{{json .}}', '{{json .IPAM.Config}}', '{{range $k, $v := .Labels}}{{$k}}={{$v}};{{end}}', '{{.Containers}}',
        '{{.Nope}}', '{{.IPAM.Nope}}', '{{.Name', '{{index .Labels "tier"}}', '{{.Peers}} {{.Services}}',
      ]) {
        assertSame(['network', 'inspect', '-f', f, `${P}ls-a`, `${P}ls-2`]);
      }
      const r = assertSame(['network', 'inspect', '-f', '{{.Name', `${P}ls-a`]);
      assert.equal(r.code, 64);
    });

    it('inspect -v: Services and Peers of a network with a task on node-1, and the ingress network', () => {
      const r = assertSameStable(['network', 'inspect', '-v', `${P}used`]);
      assert.match(r.stdout, /"Services"/);
      assert.match(r.stdout, /"Peers"/);
      assertSameStable(['network', 'inspect', '--verbose', '-f', '{{range $k, $v := .Services}}{{$k}} {{$v.VIP}} {{len $v.Tasks}}{{end}}|{{len .Peers}}', `${P}used`]);
      assertSameStable(['network', 'inspect', '-v', 'ingress']);
    });

    it('rm: in use, missing, -f, several (the same state for both clients)', () => {
      assertSame(['network', 'rm', `${P}used`]);
      assertSame(['network', 'rm', `${P}missing`]);
      assertSame(['network', 'rm', '-f', `${P}missing`, `${P}missing2`]);
      assertSame(['network', 'rm', '-f', `${P}used`]);
      assertSame(['network', 'rm']);
      assertSame(['network', 'rm', '--help']);
      const make = () => {
        mustDocker(['network', 'create', '-d', 'overlay', `${P}rm-a`]);
        mustDocker(['network', 'create', `${P}rm-b`]);
      };
      for (const args of [
        ['rm', `${P}rm-a`, `${P}missing`, `${P}rm-b`],
        ['remove', '--force', `${P}rm-a`, `${P}missing`, `${P}used`, `${P}rm-b`],
      ]) {
        make();
        const d = runDocker(['network', ...args]);
        assert.deepEqual(networksNamed(P).filter((n) => n.startsWith(`${P}rm-`)), [], 'docker removed both');
        make();
        const t = runTsw(['network', ...args]);
        same(['network', ...args], d, t);
        assert.deepEqual(networksNamed(P).filter((n) => n.startsWith(`${P}rm-`)), [], 'tsw removed both');
      }
    });

    it('rm ingress: the warning, then nothing removed when the answer is "n" or stdin is closed', () => {
      const ingressID = mustDocker(['network', 'inspect', '-f', '{{.Id}}', 'ingress']).trim();
      for (const input of ['n\n', '']) {
        const d = runDocker(['network', 'rm', 'ingress'], { input });
        const t = runTsw(['network', 'rm', 'ingress'], { input });
        same(['network', 'rm', 'ingress'], d, t);
        assert.match(t.stdout, /^WARNING! Before removing the routing-mesh network/);
        assert.equal(mustDocker(['network', 'inspect', '-f', '{{.Id}}', 'ingress']).trim(), ingressID, 'ingress is still there');
      }
    });
  });
});
