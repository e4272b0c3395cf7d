/**
 * `tsw service ls` against `docker service ls` on the lab swarm: every mode (replicated,
 * max-per-node, global, replicated job, global job, scale 0), ingress port ranges next to a
 * host-mode port, labels, natural name order; every flag, config.json's servicesFormat, and
 * the errors (daemon filter errors, templates, arguments, flags).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp } from '../support/oracle.ts';
import { assertSame, assertSameStable, waitUntil } from '../support/node-lab.ts';
import { createService, IMAGE, IMAGE1, REGISTRY, removeLeftovers, servicesOf } from '../support/service-reads.ts';

const P = 'tsw-r-ls-';

const F = ['--filter', `name=${P}`];

describe('service ls (differential, lab swarm)', () => {
  let cfgDir = '';
  let webID = '';

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    removeLeftovers(P);
    webID = createService(`${P}web`, [
      '--replicas', '3', '--label', 'tier=front', '--label', 'solo',
      '-p', '18080-18082:80-82', '-p', 'published=19000,target=9000,protocol=udp',
      '-p', 'mode=host,published=18181,target=81',
    ], [IMAGE]);
    createService(`${P}max`, ['--replicas', '2', '--replicas-max-per-node', '1', '-p', '18090:80', '-p', '18091:80'], [IMAGE]);
    createService(`${P}ports`, ['--replicas', '0', '-p', '18100:80', '-p', '18101:81', '-p', '18102:80', '-p', '18110:80/udp'], [IMAGE]);
    createService(`${P}glob`, ['--mode', 'global', '--label', 'tier=back'], [IMAGE1]);
    createService(`${P}job`, ['--mode', 'replicated-job', '--replicas', '2'], [IMAGE, 'true']);
    createService(`${P}gjob`, ['--mode', 'global-job'], [IMAGE, 'true']);
    createService(`${P}n10`, ['--replicas', '0', '--no-resolve-image'], [`${REGISTRY}/busybox`]);
    createService(`${P}n2`, ['--replicas', '0', '--no-resolve-image'], [
      `${REGISTRY}/busybox@sha256:${'0'.repeat(64)}`,
    ]);
    await waitUntil(
      async () => {
        const ss = await servicesOf(P);
        if (ss.length !== 8) return false;
        return ss.every((s) => {
          const st = s.ServiceStatus;
          if (!st) return false;
          if ('ReplicatedJob' in s.Spec.Mode) return (st.CompletedTasks ?? 0) === 2 && st.RunningTasks === 0;
          if ('GlobalJob' in s.Spec.Mode) return (st.CompletedTasks ?? 0) >= 1 && st.RunningTasks === 0 && st.DesiredTasks === 0;
          return st.RunningTasks === st.DesiredTasks;
        });
      },
      120_000,
      'the tsw-r-ls services to converge',
    );
    cfgDir = mkdtempSync(join(tmpdir(), 'tsw-r-ls-'));
    writeFileSync(join(cfgDir, 'config.json'), JSON.stringify({ servicesFormat: 'table {{.Name}}\t{{.Replicas}}\t{{.Ports}}' }));
  });

  after(() => {
    removeLeftovers(P);
    if (cfgDir) rmSync(cfgDir, { recursive: true, force: true });
  });

  it('the default table: every mode, replicas, ports, natural order', () => {
    const d = assertSame(['service', 'ls', ...F]);
    assert.match(d.stdout, /tsw-r-ls-max +replicated +2\/2 \(max 1 per node\)/);
    assert.match(d.stdout, /tsw-r-ls-job +replicated job +0\/2 \(2\/2 completed\)/);
    assert.match(d.stdout, /tsw-r-ls-gjob +global job +0\/0 \(\d\/\d completed\)/);
    assert.match(d.stdout, /tsw-r-ls-glob +global +\d\/\d /);
    assert.match(d.stdout, /\*:18080-18082->80-82\/tcp, \*:19000->9000\/udp\n/);
    assert.match(d.stdout, /\*:18090-18091->80\/tcp/);
    assert.match(d.stdout, /\*:18100-18101->80-81\/tcp, \*:18102->80\/tcp, \*:18110->80\/udp/);
    assert.ok(!d.stdout.includes('18181'), 'host-mode ports are not listed');
    assert.ok(d.stdout.indexOf('tsw-r-ls-n2 ') < d.stdout.indexOf('tsw-r-ls-n10 '));
    assert.match(d.stdout, / {3}\n/, 'rows without ports end in padding');
  });

  for (const args of [
    ['-q'],
    ['--quiet'],
    ['--format', 'json'],
    ['--format', 'raw'],
    ['--format', 'raw', '-q'],
    ['--format', 'table'],
    ['--format', 'table', '-q'],
    ['--format', '{{.ID}}', '-q'],
    ['--format', 'table {{.Name}}\t{{.Mode}}\t{{.Replicas}}'],
    ['--format', '{{.Name}}|{{.Mode}}|{{.Replicas}}|{{.Image}}|{{.Ports}}'],
    ['--format', '{{json .}}'],
    ['--format', '{{.Name}} {{.Ports | len}} {{upper .Mode}}'],
    ['--format', 'table {{.Name}}\\t{{.Ports}}'],
    ['-f', 'label=tier'],
    ['-f', 'label=tier=front'],
    ['-f', 'label=solo'],
    ['-f', 'mode=replicated'],
    ['-f', 'mode=global'],
    ['-f', 'mode=replicated-job'],
    ['-f', 'mode=global-job'],
    ['-f', 'mode=bogus'],
  ]) {
    it(args.join(' '), () => void assertSame(['service', 'ls', ...F, ...args]));
  }

  it('-f id=<prefix>, and two name filters (OR)', () => {
    assertSame(['service', 'ls', '-f', `id=${webID.slice(0, 6)}`]);
    assertSame(['service', 'ls', '-f', `name=${P}web`, '-f', `name=${P}glob`]);
    assertSame(['service', 'ls', '-f', `name=${P}web`, '-f', 'name=tsw-r-nothing']);
  });

  it('nothing matches: the header alone (every title padded)', () => {
    const d = assertSame(['service', 'ls', '-f', 'name=tsw-r-nothing-at-all']);
    assert.equal(d.stdout, 'ID        NAME      MODE      REPLICAS   IMAGE     PORTS\n');
  });

  it('the whole list (other tests\' services come and go: compared in a window where docker saw no change)', () => {
    assertSameStable(['service', 'ls']);
    assertSameStable(['service', 'list', '-q']);
  });

  it('servicesFormat from config.json, ignored with -q, loses to --format', () => {
    const env = { DOCKER_CONFIG: cfgDir };
    assertSame(['service', 'ls', ...F], env);
    assertSame(['service', 'ls', '-q', ...F], env);
    assertSame(['service', 'ls', '--format', '{{.Name}}', ...F], env);
  });

  describe('errors', () => {
    it('a bad filter key (daemon)', () => void assertSame(['service', 'ls', '-f', 'bogus=1']));
    it('a filter without =', () => void assertSame(['service', 'ls', '-f', 'name']));
    it('a template that does not parse', () => void assertSame(['service', 'ls', '--format', '{{.Name', ...F]));
    it('a template that fails on a row', () => void assertSame(['service', 'ls', '--format', '{{.Nope}}', ...F]));
    it('a bad function argument', () => void assertSame(['service', 'ls', '--format', '{{join .Name ","}}', ...F]));
    it('an argument', () => void assertSame(['service', 'ls', 'x']));
    it('an unknown flag', () => void assertSame(['service', 'ls', '--bogus']));
    it('a bad bool', () => void assertSame(['service', 'ls', '--quiet=maybe']));
    it('help', () => {
      assertSame(['service', 'ls', '--help']);
      assertSame(['service', 'list', '--help']);
    });
  });
});
