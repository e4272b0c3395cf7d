/**
 * `tsw node ps` against `docker node ps` on the lab swarm, with real tasks: a replicated
 * service, a global one publishing a host-mode port, and a one-shot service whose task failed
 * (ERROR column). node-3 is drained first, so tasks move and history rows (` \_ `) appear.
 *
 * CURRENT STATE reads "… ago" from each client's own clock, so the comparisons start once
 * every task is more than a minute old (the text then changes once a minute, not once a
 * second); a pair that still straddles a change is run once more (assertSameTimed).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker } from '../support/oracle.ts';
import { api, assertSame, assertSameTimed, hostOf, mustDocker, nodeByHost, setSpec, waitUntil } from '../support/node-lab.ts';

const REGISTRY = process.env['TSW_LAB_REGISTRY'] ?? '';
const SERVICES = ['tsw-nodeps', 'tsw-nodeps-global', 'tsw-nodeps-fail'];

interface ApiTask {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  DesiredState: string;
  Status: { State: string; Timestamp: string };
}

async function tasksOf(names: readonly string[]): Promise<ApiTask[]> {
  const ids = names.map((n) => mustDocker(['service', 'inspect', '--format', '{{.ID}}', n]).trim());
  const filters = encodeURIComponent(JSON.stringify({ service: Object.fromEntries(ids.map((i) => [i, true])) }));
  return (await api<ApiTask[]>('GET', `/tasks?filters=${filters}`)).value;
}

async function setAvailability(host: string, availability: string): Promise<void> {
  const n = await nodeByHost(host);
  assert.ok(n);
  await setSpec(n.ID, { ...n.Spec, Availability: availability });
}

describe('node ps (differential, lab swarm)', () => {
  let cfgDir = '';
  let node3 = '';

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    for (const s of SERVICES) runDocker(['service', 'rm', s]);
    const image = `${REGISTRY}/busybox:latest`;
    mustDocker(['service', 'create', '-d', '-q', '--name', 'tsw-nodeps', '--replicas', '4', image]);
    mustDocker([
      'service', 'create', '-d', '-q', '--name', 'tsw-nodeps-global', '--mode', 'global',
      '--publish', 'mode=host,target=80,published=18099', `${REGISTRY}/busybox:1`,
    ]);
    mustDocker([
      'service', 'create', '-d', '-q', '--name', 'tsw-nodeps-fail', '--restart-condition', 'none',
      '--constraint', 'node.hostname==node-1', image, 'sh', '-c', 'exit 3',
    ]);
    await waitUntil(
      async () => {
        const ts = await tasksOf(SERVICES);
        const running = ts.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running').length;
        const failed = ts.some((t) => t.Status.State === 'failed');
        return running >= 4 + 3 && failed;
      },
      120_000,
      'the test services to converge',
    );
    node3 = (await nodeByHost('node-3'))?.ID ?? '';
    cfgDir = mkdtempSync(join(tmpdir(), 'tsw-nodeps-'));
    writeFileSync(join(cfgDir, 'config.json'), JSON.stringify({ tasksFormat: 'table {{.Name}}\t{{.Node}}\t{{.DesiredState}}' }));
  });

  after(async () => {
    await setAvailability('node-3', 'active');
    for (const s of SERVICES) runDocker(['service', 'rm', s]);
    if (cfgDir) rmSync(cfgDir, { recursive: true, force: true });
  });

  it('draining node-3 moves its tasks away: shut down there, started elsewhere', async () => {
    await setAvailability('node-3', 'drain');
    await waitUntil(
      async () => {
        const ts = await tasksOf(SERVICES);
        const onNode3 = ts.filter((t) => t.NodeID === node3);
        const live = ts.filter((t) => t.DesiredState === 'running' && t.Status.State === 'running');
        return onNode3.every((t) => t.Status.State === 'shutdown') && live.filter((t) => t.NodeID !== node3).length >= 4 + 2;
      },
      120_000,
      'the tasks to leave node-3',
    );
    // The moved replica's slot now has a task on another node and the old one on node-3.
    const d = assertSame(['node', 'ps', '--format', 'table {{.Name}}\t{{.Node}}\t{{.DesiredState}}', 'node-1', 'node-2', 'node-3']);
    assert.match(d.stdout, / \\_ tsw-nodeps\.\d+ +node-3 +Shutdown/);
    const only3 = assertSame(['node', 'ps', '--format', '{{.Name}} {{.DesiredState}}', 'node-3']);
    assert.ok(only3.stdout.split('\n').filter((l) => l.includes('tsw-nodeps')).every((l) => l.endsWith('Shutdown')));
  });

  it('(every task is now more than a minute old)', async () => {
    const ts = await tasksOf(SERVICES);
    const newest = Math.max(...ts.map((t) => Date.parse(t.Status.Timestamp)));
    const wait = newest + 61_000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const again = await tasksOf(SERVICES);
    assert.equal(Math.max(...again.map((t) => Date.parse(t.Status.Timestamp))), newest, 'the tasks kept changing');
  });

  for (const args of [
    [],
    ['self'],
    ['node-3'],
    ['node-1', 'node-2', 'node-3'],
    ['-q'],
    ['-q', 'node-1', 'node-3'],
    ['-q', '--no-trunc', 'node-1'],
    ['--no-trunc', 'node-1', 'node-3'],
    ['--no-resolve', 'node-1', 'node-3'],
    ['--no-resolve', '--no-trunc', 'node-2'],
    ['--format', 'json', 'node-1', 'node-3'],
    ['--format', 'raw', 'node-1', 'node-3'],
    ['--format', 'raw', '-q', 'node-1'],
    ['--format', 'table', '-q', 'node-1'],
    ['--format', 'table {{.ID}}\t{{.Name}}\t{{.Error}}\t{{.Ports}}', 'node-1', 'node-2', 'node-3'],
    ['--format', '{{.Name}} {{.Image}} {{.Error}} {{.Ports}}', 'node-1', 'node-3'],
    ['--format', '{{json .}}', 'node-1'],
    ['-f', 'desired-state=running', 'node-1', 'node-2', 'node-3'],
    ['-f', 'desired-state=shutdown', 'node-3'],
    ['-f', 'name=tsw-nodeps', 'node-1'],
    ['-f', 'desired-state=running', '-f', 'desired-state=shutdown', 'node-1'],
  ]) {
    it(args.join(' ') || '(no arguments: self)', () => void assertSameTimed(['node', 'ps', ...args]));
  }

  it('the failed task: ERROR quoted, cut with … unless --no-trunc', () => {
    const d = assertSameTimed(['node', 'ps', '-f', 'name=tsw-nodeps-fail', 'node-1']);
    assert.match(d.stdout, /"task: non-zero exit \(3\)"/);
    assertSameTimed(['node', 'ps', '--no-trunc', '-f', 'name=tsw-nodeps-fail', 'node-1']);
  });

  it('PORTS of the host-mode published port', () => {
    const d = assertSame(['node', 'ps', '--format', '{{.Name}} {{.Ports}}', '-f', 'desired-state=running', 'node-1']);
    assert.match(d.stdout, /\*:18099->80\/tcp/);
  });

  it('tasksFormat from config.json, ignored with -q, loses to --format', () => {
    const env = { DOCKER_CONFIG: cfgDir };
    assertSame(['node', 'ps', 'node-1', 'node-3'], env);
    assertSame(['node', 'ps', '-q', 'node-1'], env);
    assertSame(['node', 'ps', '--format', '{{.ID}}', 'node-1'], env);
  });

  describe('errors', () => {
    it('an unknown node alone: only the error', () => {
      const d = assertSame(['node', 'ps', 'no-such-node']);
      assert.equal(d.stdout, '');
      assert.equal(d.code, 1);
    });
    it('an unknown node among known ones: the tasks, then the error', () => {
      const d = assertSameTimed(['node', 'ps', 'node-3', 'no-such-node']);
      assert.notEqual(d.stdout, '');
      assert.equal(d.stderr, 'Error response from daemon: node no-such-node not found\n');
    });
    it('a bad filter key (daemon)', () => void assertSame(['node', 'ps', '-f', 'bogus=1']));
    it('a bad desired-state (daemon)', () => void assertSame(['node', 'ps', '-f', 'desired-state=bogus', 'node-1']));
    it('a template that does not parse', () => void assertSame(['node', 'ps', '--format', '{{.Name', 'node-1']));
    it('a template that fails on a row', () => void assertSame(['node', 'ps', '--format', '{{.Nope}}', 'node-1']));
    it('on a worker: self is resolved, then refused', () => {
      const d = assertSame(['node', 'ps'], { DOCKER_HOST: hostOf(3) });
      assert.match(d.stderr, /This node is not a swarm manager\. Worker nodes/);
    });
  });
});
