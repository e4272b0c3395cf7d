/**
 * `tsw service ps` against `docker service ps` on the lab swarm: a rolling-update history
 * (` \_ ` rows), failing tasks with error text (quoted, cut at 30 columns), a rejected image
 * with a long error, pending tasks ("no suitable node"), max-per-node, a global service (task
 * names with node IDs) publishing a host-mode port, a job, scale 0; every flag, several
 * services, config.json's tasksFormat, and the errors.
 *
 * CURRENT STATE reads "… ago" from each client's own clock: the tests that show it run once
 * every task is more than a minute old ("About a minute ago" then holds for a minute), back
 * to back, once more if a pair straddled a change.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp } from '../support/oracle.ts';
import { assertSame, assertSameTimed, mustDocker, waitUntil } from '../support/node-lab.ts';
import {
  createService,
  IMAGE,
  IMAGE1,
  IMAGE2,
  REGISTRY,
  removeLeftovers,
  tasksOfServices,
  waitOlderThan,
  type ApiTask,
} from '../support/service-reads.ts';

const P = 'tsw-r-ps-';
const NAMES = ['web', 'fail', 'bad', 'pend', 'max', 'glob', 'job', 'zero'].map((n) => P + n);
const FAILING = ['--restart-condition', 'on-failure', '--restart-max-attempts', '1', '--restart-delay', '1s'];

describe('service ps (differential, lab swarm)', () => {
  const ids: Record<string, string> = {};
  let cfgDir = '';

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    removeLeftovers(P);
    ids['web'] = createService(`${P}web`, ['--replicas', '3', '--update-parallelism', '3', '--update-delay', '0s'], [IMAGE]);
    ids['fail'] = createService(`${P}fail`, ['--replicas', '1', ...FAILING], [IMAGE, 'sh', '-c', 'exit 3']);
    ids['bad'] = createService(`${P}bad`, ['--replicas', '1', '--no-resolve-image', ...FAILING], [`${REGISTRY}/busybox-nonexistent-image-for-tsw:1`]);
    ids['pend'] = createService(`${P}pend`, ['--replicas', '2', '--constraint', 'node.labels.nowhere==1'], [IMAGE]);
    ids['max'] = createService(`${P}max`, ['--replicas', '4', '--replicas-max-per-node', '1'], [IMAGE]);
    ids['glob'] = createService(`${P}glob`, ['--mode', 'global', '-p', 'mode=host,target=80,published=18400', '-p', 'mode=host,target=81,published=18401,protocol=udp'], [IMAGE1]);
    ids['job'] = createService(`${P}job`, ['--mode', 'replicated-job', '--replicas', '2'], [IMAGE, 'true']);
    ids['zero'] = createService(`${P}zero`, ['--replicas', '0'], [IMAGE]);
    const all = () => tasksOfServices(Object.values(ids));
    const of = (ts: ApiTask[], k: string) => ts.filter((t) => t.ServiceID === ids[k]);
    await waitUntil(
      async () => {
        const ts = await all();
        return of(ts, 'web').filter((t) => t.Status.State === 'running').length === 3 && of(ts, 'job').filter((t) => t.Status.State === 'complete').length === 2;
      },
      120_000,
      'web to run and the job to complete',
    );
    // Two rolling updates: each slot then has a running task and two shut-down ones.
    mustDocker(['service', 'update', '-d', '-q', '--image', IMAGE1, `${P}web`]);
    await waitUntil(async () => of(await all(), 'web').filter((t) => t.Status.State === 'running').length === 3 && of(await all(), 'web').length === 6, 120_000, 'the first update');
    mustDocker(['service', 'update', '-d', '-q', '--image', IMAGE2, `${P}web`]);
    await waitUntil(
      async () => {
        const ts = await all();
        const settled = (k: string, n: number) => of(ts, k).length === n && of(ts, k).every((t) => ['failed', 'rejected', 'shutdown', 'complete'].includes(t.Status.State) || t.DesiredState === 'running');
        const web = of(ts, 'web');
        return (
          web.length === 9 &&
          web.filter((t) => t.Status.State === 'running').length === 3 &&
          settled('fail', 2) &&
          of(ts, 'fail').every((t) => t.Status.State === 'failed') &&
          settled('bad', 2) &&
          of(ts, 'bad').every((t) => t.Status.State === 'rejected') &&
          of(ts, 'pend').every((t) => t.Status.State === 'pending' && (t.Status.Err ?? '').startsWith('no suitable node')) &&
          of(ts, 'max').some((t) => t.Status.State === 'pending')
        );
      },
      180_000,
      'the tsw-r-ps services to settle',
    );
    cfgDir = mkdtempSync(join(tmpdir(), 'tsw-r-ps-'));
    writeFileSync(join(cfgDir, 'config.json'), JSON.stringify({ tasksFormat: 'table {{.Name}}\t{{.Image}}\t{{.DesiredState}}' }));
  });

  after(() => {
    removeLeftovers(P);
    if (cfgDir) rmSync(cfgDir, { recursive: true, force: true });
  });

  describe('without CURRENT STATE', () => {
    for (const args of [
      ['-q', ...NAMES],
      ['--quiet', '--no-trunc', `${P}web`],
      ['--format', '{{.ID}}', '-q', `${P}web`],
      ['--format', 'table', '-q', `${P}web`],
      ['--format', 'raw', '-q', `${P}web`],
      ['--format', 'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.Error}}\t{{.Ports}}', ...NAMES],
      ['--format', 'table {{.Name}}\t{{.Error}}', '--no-trunc', ...NAMES],
      ['--format', '{{.Name}} {{.Node}} {{.Image}} {{.Error}} {{.Ports}}', ...NAMES],
      ['--format', '{{.Name}} {{.Node}}', '--no-resolve', ...NAMES],
      ['--format', 'table {{.ID}}\t{{.Name}}\t{{.Image}}', '--no-trunc', `${P}web`],
      ['--format', 'table {{.Name}}\t{{.Node}}\t{{.Ports}}', `${P}glob`],
      ['--format', '{{.Name}}', '-f', 'desired-state=running', ...NAMES],
      ['--format', '{{.Name}}', '-f', 'desired-state=shutdown', ...NAMES],
      ['--format', '{{.Name}}', '-f', 'desired-state=accepted', ...NAMES],
      ['--format', '{{.Name}}', '-f', 'desired-state=running', '-f', 'desired-state=shutdown', `${P}web`],
      ['--format', '{{.Name}}', '-f', 'node=node-1', ...NAMES],
      ['--format', '{{.Name}}', '-f', 'node=self', ...NAMES],
      ['--format', '{{.Name}}', '-f', `name=${P}web.2`, `${P}web`],
      ['--format', 'table {{.Name}}\t{{.Image}}', `${P}zero`],
      ['--format', '{{.Name}}', `${P}zero`],
    ]) {
      it(args.join(' '), () => void assertSame(['service', 'ps', ...args]));
    }

    it('the history rows and the errors are there', () => {
      const d = assertSame(['service', 'ps', '--format', 'table {{.Name}}\t{{.Image}}\t{{.Error}}', ...NAMES]);
      assert.match(d.stdout, / \\_ tsw-r-ps-web\.1 /);
      assert.match(d.stdout, /"task: non-zero exit \(3\)"/);
      assert.match(d.stdout, /"No such image: [^"]+…"/);
      assert.match(d.stdout, /"no suitable node \(scheduling …"/);
      assert.match(d.stdout, /"no suitable node \(max replica…"/);
      assert.match(d.stdout, /tsw-r-ps-glob\.[a-z0-9]{25} /);
    });

    it('-q prints full task IDs', () => {
      const d = assertSame(['service', 'ps', '-q', `${P}web`]);
      assert.ok(d.stdout.trim().split('\n').every((l) => l.length === 25));
    });

    it('-f id=<task ID prefix>', async () => {
      const t = (await tasksOfServices([ids['web'] ?? ''])).find((x) => x.Slot === 2);
      assert.ok(t);
      assertSame(['service', 'ps', '--format', '{{.ID}} {{.Name}}', '-f', `id=${t.ID.slice(0, 8)}`, `${P}web`]);
    });

    it('services by full ID, by ID prefix, by name', () => {
      assertSame(['service', 'ps', '-q', ids['web'] ?? '']);
      assertSame(['service', 'ps', '--format', '{{.Name}}', (ids['job'] ?? '').slice(0, 7), `${P}fail`]);
    });

    it('tasksFormat from config.json, ignored with -q, loses to --format', () => {
      const env = { DOCKER_CONFIG: cfgDir };
      assertSame(['service', 'ps', ...NAMES], env);
      assertSame(['service', 'ps', '-q', `${P}web`], env);
      assertSame(['service', 'ps', '--format', '{{.Name}}', `${P}web`], env);
    });
  });

  describe('errors', () => {
    it('an unknown service alone', () => {
      const d = assertSame(['service', 'ps', `${P}nosuch`]);
      assert.equal(d.stderr, `no such service: ${P}nosuch\n`);
    });
    it('unknown services among known ones: the tasks, then every error', () => {
      const d = assertSame(['service', 'ps', '--format', '{{.Name}}', `${P}nosuch`, `${P}job`, `${P}nosuch2`]);
      assert.equal(d.code, 1);
      assert.notEqual(d.stdout, '');
    });
    it('several unknown services', () => void assertSame(['service', 'ps', `${P}nosuch`, `${P}nosuch2`]));
    it('an ambiguous ID prefix', () => void assertSame(['service', 'ps', '']));
    it('a bad filter key (daemon)', () => void assertSame(['service', 'ps', '-f', 'bogus=1', `${P}web`]));
    it('a bad desired-state (daemon)', () => void assertSame(['service', 'ps', '-f', 'desired-state=bogus', `${P}web`]));
    it('a filter without =', () => void assertSame(['service', 'ps', '-f', 'node', `${P}web`]));
    it('a template that does not parse', () => void assertSame(['service', 'ps', '--format', '{{.Name', `${P}web`]));
    it('a template that fails on a row, with an unknown service too', () => {
      assertSame(['service', 'ps', '--format', '{{.Nope}}', `${P}web`, `${P}nosuch`]);
    });
    it('no argument', () => void assertSame(['service', 'ps']));
    it('a bad bool', () => void assertSame(['service', 'ps', '--no-trunc=maybe', `${P}web`]));
    it('help', () => void assertSame(['service', 'ps', '--help']));
  });

  describe('with CURRENT STATE', () => {
    it('(every task is now more than a minute old)', async () => {
      await waitOlderThan(Object.values(ids), 61_000);
    });
    for (const args of [
      NAMES,
      [`${P}web`],
      [`${P}glob`],
      [`${P}pend`, `${P}max`],
      ['--no-trunc', ...NAMES],
      ['--no-resolve', ...NAMES],
      ['--no-trunc', '--no-resolve', `${P}web`, `${P}glob`],
      ['--format', 'json', ...NAMES],
      ['--format', 'raw', ...NAMES],
      ['--format', '{{json .}}', `${P}bad`],
      ['--format', 'table {{.Name}}\t{{.CurrentState}}', ...NAMES],
      ['-f', 'desired-state=running', ...NAMES],
      ['-f', 'node=node-2', ...NAMES],
    ]) {
      it(args.join(' '), () => void assertSameTimed(['service', 'ps', ...args]));
    }
  });
});
