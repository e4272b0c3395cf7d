/**
 * `tsw network connect/disconnect/prune` against docker 28 on the lab (node-1, the manager's
 * engine): twin containers tswnc-c-d (docker's) and tswnc-c-t (tsw's) connected to a local
 * bridge network, a dual-stack bridge network and an attachable overlay network with each flag, their
 * NetworkSettings.Networks compared (container names, IDs, addresses mapped); failures run by
 * both clients on the same container (nothing changes); prune only ever with a
 * `label=tswnc-prune=<unique>` filter, on twin labelled sets (used and unused, local and
 * overlay), prompt answered n / y / -f / SIGINT, config.json pruneFilters. Every object is named tswnc-…; only those are removed.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, oracle, runDocker, runTsw, tswBin, type Outcome } from '../support/oracle.ts';
import { assertSame, mustDocker, removeNetworksNamed } from '../support/node-lab.ts';

const P = 'tswnc-';
const IMAGE = `${process.env['TSW_LAB_REGISTRY'] ?? ''}/busybox:latest`;
const BR = `${P}br`;
const ATT = `${P}att`;
/** A dual-stack bridge network, for --ip6. */
const V6 = `${P}v6`;
const CD = `${P}c-d`;
const CT = `${P}c-t`;
const C2 = `${P}c2`;
/** Twins for the addresses the daemon refuses (it keeps the network in the container's config). */
const ED = `${P}e-d`;
const ET = `${P}e-t`;
const UNIQUE = `${process.pid}-${Math.floor(Math.random() * 1e6)}`;

function same(args: readonly string[], d: Outcome, t: Outcome): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

/** docker with its args on docker's twin, tsw with the same args naming tsw's twin. */
function twin(args: (who: 'd' | 't') => readonly string[], input?: string): { d: Outcome; t: Outcome } {
  const opts = input === undefined ? {} : { input };
  const d = runDocker(args('d'), opts);
  const t = runTsw(args('t'), opts);
  const map = (o: Outcome, who: 'd' | 't') => ({ ...o, stdout: o.stdout.split(`-${who}`).join('-X'), stderr: o.stderr.split(`-${who}`).join('-X') });
  same(args('d'), map(d, 'd'), map(t, 't'));
  return { d, t };
}

type Endpoints = Record<string, Record<string, unknown>>;

function networksOf(container: string): Endpoints {
  return JSON.parse(mustDocker(['inspect', '--format', '{{json .NetworkSettings.Networks}}', container])) as Endpoints;
}

/** A container's endpoints without what differs between twins: IDs, names, addresses. */
function normalized(container: string): { endpoints: Endpoints; addresses: Record<string, string> } {
  const id = mustDocker(['inspect', '--format', '{{.Id}}', container]).trim();
  const text = JSON.stringify(networksOf(container)).split(id.slice(0, 12)).join('<id>').split(container).join(container.replace(/-[dt]$/, '-X'));
  const endpoints = JSON.parse(text) as Endpoints;
  const addresses: Record<string, string> = {};
  for (const [name, ep] of Object.entries(endpoints)) {
    addresses[name] = String(ep['IPAddress']);
    if (ep['GlobalIPv6Address'] !== '') addresses[`${name} v6`] = String(ep['GlobalIPv6Address']);
    for (const k of ['EndpointID', 'IPAddress', 'MacAddress', 'GlobalIPv6Address']) ep[k] = '*';
    // A swarm network's endpoint keeps the allocated address there too.
    const ipam = ep['IPAMConfig'] as Record<string, unknown> | null;
    if (ipam && 'IPv4Address' in ipam) ipam['IPv4Address'] = '*';
    if (ipam && 'IPv6Address' in ipam) ipam['IPv6Address'] = '*';
    // The default bridge's address is the daemon's pick.
    if (name === 'bridge') ep['Gateway'] = '*';
  }
  return { endpoints, addresses };
}

function sameEndpoints(dc = CD, tc = CT): { d: Record<string, string>; t: Record<string, string> } {
  const d = normalized(dc);
  const t = normalized(tc);
  assert.deepEqual(t.endpoints, d.endpoints, 'NetworkSettings.Networks of the twins');
  return { d: d.addresses, t: t.addresses };
}

function myContainers(): string[] {
  return mustDocker(['ps', '-aq', '--filter', `name=^${P}`]).split('\n').filter((x) => x !== '');
}

async function removeLeftovers(): Promise<void> {
  const ids = myContainers();
  if (ids.length > 0) runDocker(['rm', '-f', ...ids]);
  await removeNetworksNamed(P);
}

/** The names of the networks labelled tswnc-prune=<value>, sorted. */
function labelled(value: string): string[] {
  return mustDocker(['network', 'ls', '--filter', `label=tswnc-prune=${value}`, '--format', '{{.Name}}'])
    .split('\n')
    .filter((n) => n !== '')
    .sort();
}

/** Prune output with the deleted names sorted (the daemon's order varies) and the twin mapped. */
function pruneView(o: Outcome, who: 'd' | 't'): Outcome {
  const lines = o.stdout.split(`-${who}-`).join('-X-').split('\n');
  const head = lines.indexOf('Deleted Networks:');
  if (head >= 0) {
    const end = lines.indexOf('', head + 1);
    lines.splice(head + 1, end - head - 1, ...lines.slice(head + 1, end).sort());
  }
  return { ...o, stdout: lines.join('\n') };
}

/** Runs bin with stdin left open; once the prompt is on stdout, sends SIGINT. */
function interruptedAtPrompt(bin: string, args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
      if (!sent && stdout.endsWith('[y/N] ')) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ stdout, stderr, code: code ?? -1 });
    });
  });
}

describe('network connect/disconnect/prune (differential, lab)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run with TSW_LAB=1 and DOCKER_HOST from `tsw lab env`');
    await removeLeftovers();
    mustDocker(['network', 'create', '--subnet', '10.213.60.0/24', BR]);
    mustDocker(['network', 'create', '-d', 'overlay', '--attachable', '--subnet', '10.213.61.0/24', ATT]);
    mustDocker(['network', 'create', '--ipv6', '--subnet', 'fd00:213:62::/64', '--subnet', '10.213.62.0/24', V6]);
    for (const c of [CD, CT, C2, ED, ET]) mustDocker(['run', '-d', '--name', c, IMAGE, 'sleep', '3600']);
  });
  after(async () => removeLeftovers());

  describe('connect and disconnect', () => {
    it('connect with every flag to a local bridge network: same output and endpoint', () => {
      twin((who) => [
        'network', 'connect', '--alias', 'a1', '--alias', 'a2,a3', '--driver-opt', 'k=v', '--driver-opt', ' x = y ', '--gw-priority', '5',
        '--ip', who === 'd' ? '10.213.60.10' : '10.213.60.11', '--link', `${C2}:l2`, '--link', C2, '--link-local-ip', '169.254.7.1', BR, `${P}c-${who}`,
      ]);
      const addr = sameEndpoints();
      assert.equal(addr.d[BR], '10.213.60.10');
      assert.equal(addr.t[BR], '10.213.60.11');
      const ep = networksOf(CT)[BR] ?? {};
      assert.deepEqual(ep['Links'], [`${C2}:l2`, C2]);
      assert.deepEqual(ep['DriverOpts'], { k: 'v', x: 'y' });
      assert.deepEqual(ep['IPAMConfig'], { IPv4Address: '10.213.60.11', LinkLocalIPs: ['169.254.7.1'] });
    });

    it('connect without flags to an attachable overlay network', () => {
      twin((who) => ['network', 'connect', ATT, `${P}c-${who}`]);
      const addr = sameEndpoints();
      assert.match(addr.t[ATT] ?? '', /^10\.213\.61\./);
    });

    it('connect with --ip and --ip6 to a dual-stack network', () => {
      twin((who) => ['network', 'connect', '--ip', `10.213.62.${who === 'd' ? 10 : 11}`, '--ip6', `fd00:213:62::${who === 'd' ? 10 : 11}`, V6, `${P}c-${who}`]);
      const addr = sameEndpoints();
      assert.equal(addr.t[V6], '10.213.62.11');
      assert.equal(addr.t[`${V6} v6`], 'fd00:213:62::11');
      assert.deepEqual(networksOf(CT)[V6]?.['IPAMConfig'], { IPv4Address: '10.213.62.11', IPv6Address: 'fd00:213:62::11' });
      twin((who) => ['network', 'disconnect', V6, `${P}c-${who}`]);
      sameEndpoints();
    });

    it('addresses the daemon refuses: same errors, and the same state left (the daemon keeps the network)', () => {
      for (const flags of [['--ip', '999.1.1.1'], ['--ip', '10.99.0.5'], ['--ip6', '2001:db8::33']]) {
        const { t } = twin((who) => ['network', 'connect', ...flags, BR, `${P}e-${who}`]);
        assert.equal(t.code, 1, flags.join(' '));
        sameEndpoints(ED, ET);
      }
    });

    it('connect errors, run by both on the same container (nothing changes)', () => {
      const before = JSON.stringify(networksOf(CD));
      for (const args of [
        ['network', 'connect', BR, CD],
        ['network', 'connect', '--ip', '999.1.1.1', BR, CD],
        ['network', 'connect', '--driver-opt', 'k', BR, C2],
        ['network', 'connect', '--driver-opt', '=v', BR, C2],
        ['network', 'connect', '--link', 'a:b:c', BR, C2],
        ['network', 'connect', '--link', '', BR, C2],
        ['network', 'connect', '--gw-priority', 'x', BR, C2],
        ['network', 'connect', `${P}missing`, C2],
        ['network', 'connect', BR, `${P}missing`],
        ['network', 'connect', ' ', C2],
        ['network', 'connect', BR, ''],
        ['network', 'connect', BR],
        ['network', 'connect'],
        ['network', 'connect', BR, C2, 'extra'],
      ]) {
        const d = assertSame(args);
        assert.notEqual(d.code, 0, `${args.join(' ')} fails`);
      }
      assert.equal(JSON.stringify(networksOf(CD)), before, 'the container is unchanged');
      assert.deepEqual(Object.keys(networksOf(C2)), ['bridge'], 'nothing connected to c2');
    });

    it('disconnect, then again (not connected), then -f', () => {
      twin((who) => ['network', 'disconnect', BR, `${P}c-${who}`]);
      sameEndpoints();
      assert.equal(networksOf(CT)[BR], undefined, 'tsw disconnected its twin');
      const d = assertSame(['network', 'disconnect', BR, CD]);
      assert.equal(d.code, 1);
      assert.equal(assertSame(['network', 'disconnect', '-f', BR, CD]).code, 1);
      twin((who) => ['network', 'disconnect', '--force', ATT, `${P}c-${who}`]);
      sameEndpoints();
      assert.deepEqual(Object.keys(networksOf(CT)), ['bridge']);
    });

    it('disconnect errors', () => {
      for (const args of [
        ['network', 'disconnect', `${P}missing`, CD],
        ['network', 'disconnect', BR, `${P}missing`],
        ['network', 'disconnect', BR],
        ['network', 'disconnect', '-x', BR, CD],
        ['network', 'disconnect', '', CD],
      ]) {
        assert.notEqual(assertSame(args).code, 0, `${args.join(' ')} fails`);
      }
    });

    it('--help of the group and of each command', () => {
      for (const args of [['network', '--help'], ['network'], ['network', 'connect', '--help'], ['network', 'disconnect', '--help'], ['network', 'prune', '--help'], ['network', 'connect', '-h']]) {
        assertSame(args);
      }
    });
  });

  describe('prune (label-filtered only)', () => {
    const set = (who: 'd' | 't') => `${UNIQUE}-${who}`;
    const label = (who: 'd' | 't') => `label=tswnc-prune=${set(who)}`;

    before(() => {
      for (const who of ['d', 't'] as const) {
        const l = ['--label', `tswnc-prune=${set(who)}`];
        mustDocker(['network', 'create', ...l, `${P}${who}-local`]);
        mustDocker(['network', 'create', ...l, '-d', 'overlay', `${P}${who}-ov`]);
        mustDocker(['network', 'create', ...l, `${P}${who}-used`]);
        mustDocker(['network', 'create', ...l, '-d', 'overlay', '--attachable', `${P}${who}-ov-used`]);
        mustDocker(['network', 'create', ...l, '--label', 'keep=1', `${P}${who}-keep`]);
        mustDocker(['network', 'connect', `${P}${who}-used`, C2]);
        mustDocker(['network', 'connect', `${P}${who}-ov-used`, C2]);
      }
    });

    const remaining = (who: 'd' | 't') => labelled(set(who)).map((n) => n.replace(`-${who}-`, '-X-'));

    it('answered "n", and with stdin closed: the prompt, nothing removed', () => {
      for (const input of ['n\n', '', 'yes\n']) {
        const args = ['network', 'prune', '--filter', label('d')];
        const d = runDocker(args, { input });
        const t = runTsw(args, { input });
        same(args, d, t);
        assert.equal(t.stdout, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ');
      }
      assert.equal(labelled(set('d')).length, 5);
    });

    it('SIGINT at the prompt: a newline, nothing removed, status 0', async () => {
      const args = ['network', 'prune', '--filter', label('d')];
      const d = await interruptedAtPrompt(oracle(), args);
      const t = await interruptedAtPrompt(tswBin, args);
      same(args, d, t);
      assert.equal(t.code, 0);
      assert.ok(t.stdout.endsWith('[y/N] \n'), JSON.stringify(t.stdout));
      assert.equal(labelled(set('d')).length, 5);
    });

    it('answered "y" with label!: the unused networks without keep=1 removed, same output', () => {
      const { d, t } = (() => {
        const d = runDocker(['network', 'prune', '--filter', label('d'), '--filter', 'label!=keep=1'], { input: 'y\n' });
        const t = runTsw(['network', 'prune', '--filter', label('t'), '--filter', 'label!=keep=1'], { input: 'y\n' });
        return { d, t };
      })();
      same(['network', 'prune', 'y'], pruneView(d, 'd'), pruneView(t, 't'));
      assert.match(t.stdout, /\[y\/N\] Deleted Networks:\ntswnc-t-(local|ov)\ntswnc-t-(local|ov)\n\n$/);
      assert.deepEqual(remaining('t'), remaining('d'));
      assert.deepEqual(remaining('t'), ['tswnc-X-keep', 'tswnc-X-ov-used', 'tswnc-X-used']);
    });

    it('-f: the rest of the unused ones; then nothing left to remove prints nothing', () => {
      const run = () => {
        const d = runDocker(['network', 'prune', '-f', '--filter', label('d')]);
        const t = runTsw(['network', 'prune', '-f', '--filter', label('t')]);
        same(['network', 'prune', '-f'], pruneView(d, 'd'), pruneView(t, 't'));
        return t;
      };
      assert.equal(run().stdout, 'Deleted Networks:\ntswnc-t-keep\n\n');
      assert.deepEqual(remaining('t'), remaining('d'));
      assert.deepEqual(remaining('t'), ['tswnc-X-ov-used', 'tswnc-X-used']);
      const again = run();
      assert.equal(again.stdout + again.stderr, '');
      assert.equal(again.code, 0);
    });

    it('config.json pruneFilters are added to --filter (here label!=keep=2 spares one network)', () => {
      for (const who of ['d', 't'] as const) {
        const l = ['--label', `tswnc-prune=${set(who)}`];
        mustDocker(['network', 'create', ...l, `${P}${who}-cfg1`]);
        mustDocker(['network', 'create', ...l, '--label', 'keep=2', `${P}${who}-cfg2`]);
      }
      const dir = mkdtempSync(join(tmpdir(), 'tswnc-cfg-'));
      try {
        // The command line always carries the label filter too: an ignored config could not widen the prune.
        writeFileSync(join(dir, 'config.json'), JSON.stringify({ pruneFilters: ['label!=keep=2', 'bogus'] }));
        const d = runDocker(['--config', dir, 'network', 'prune', '-f', '--filter', label('d')]);
        const t = runTsw(['--config', dir, 'network', 'prune', '-f', '--filter', label('t')]);
        same(['--config', dir, 'network', 'prune', '-f'], pruneView(d, 'd'), pruneView(t, 't'));
        assert.equal(t.stdout, 'Deleted Networks:\ntswnc-t-cfg1\n\n');
        assert.deepEqual(remaining('t'), remaining('d'));
        assert.deepEqual(remaining('t'), ['tswnc-X-cfg2', 'tswnc-X-ov-used', 'tswnc-X-used']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      for (const who of ['d', 't'] as const) mustDocker(['network', 'rm', `${P}${who}-cfg2`]);
    });

    it('until in the future of nothing, bad filters, arguments', () => {
      const d = runDocker(['network', 'prune', '-f', '--filter', label('d'), '--filter', 'until=1h']);
      assert.deepEqual([d.stdout, d.code], ['', 0]);
      same(['until=1h'], d, runTsw(['network', 'prune', '-f', '--filter', label('t'), '--filter', 'until=1h']));
      for (const args of [
        ['network', 'prune', '-f', '--filter', label('d'), '--filter', 'until=xyz'],
        ['network', 'prune', '-f', '--filter', label('d'), '--filter', 'bogus=1'],
        ['network', 'prune', '-f', '--filter', 'nokeyvalue'],
        ['network', 'prune', 'x'],
      ]) {
        assert.notEqual(assertSame(args).code, 0, `${args.join(' ')} fails`);
      }
      assert.deepEqual(remaining('d'), ['tswnc-X-ov-used', 'tswnc-X-used']);
    });
  });
});
