/**
 * `node rm` and the node-failure view, with the spare engine node-6 (outside the swarm unless
 * this file joins it): joined as a worker, refused removal while up, removed with --force,
 * its engine stopped (Down in `node ls`), removed when down. docker and tsw each remove a node
 * in the same state (node-6 rejoined in between), comparing output and the node list read
 * back. node-6 ends outside the swarm and its node entries are gone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startNode, stopNode } from '../../src/lab/nodes.ts';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { assertSame, hostOf, joinArgs, listNodes, mustDocker, waitUntil } from '../support/node-lab.ts';

const SPARE = 6;
const HOST = 'node-6';
const env6 = { DOCKER_HOST: hostOf(SPARE) };

async function entries(): Promise<{ ID: string; state: string }[]> {
  return (await listNodes()).filter((n) => n.Description.Hostname === HOST).map((n) => ({ ID: n.ID, state: n.Status.State }));
}

/** node-6 out of any swarm, and no node-6 entry left in the main swarm. */
async function outside(): Promise<void> {
  await startNode(SPARE);
  runDocker(['swarm', 'leave', '--force'], { env: env6 });
  for (const e of await entries()) runDocker(['node', 'rm', '--force', e.ID]);
  await waitUntil(async () => (await entries()).length === 0, 60_000, 'node-6 entries to go');
}

/** node-6 joined as a worker and Ready. */
async function joined(): Promise<void> {
  await outside();
  mustDocker(joinArgs(), env6);
  await waitUntil(async () => (await entries()).some((e) => e.state === 'ready'), 60_000, 'node-6 to be ready');
}

/** node-6 joined, then its engine stopped until the manager sees it Down. */
async function down(): Promise<void> {
  await joined();
  await stopNode(SPARE);
  await waitUntil(async () => (await entries()).some((e) => e.state === 'down'), 90_000, 'node-6 to be down');
}

function same(args: readonly string[], d: Outcome, t: Outcome): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
}

describe('node rm and a failed node (differential, spare engine node-6)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await outside();
  });

  after(async () => {
    await outside();
  });

  describe('an engine outside any swarm', () => {
    before(() => outside());
    it('node ls', () => void assertSame(['node', 'ls'], env6));
    it('node inspect self: /info has no node ID, so /nodes explains', () => {
      const d = assertSame(['node', 'inspect', 'self'], env6);
      assert.match(d.stderr, /^Error response from daemon: This node is not a swarm manager\. Use "docker swarm init"/);
    });
    it('node inspect --pretty self', () => void assertSame(['node', 'inspect', '--pretty', 'self'], env6));
    it('node ps (self)', () => void assertSame(['node', 'ps'], env6));
    it('node rm', () => void assertSame(['node', 'rm', 'x'], env6));
    it('node promote', () => void assertSame(['node', 'promote', 'x'], env6));
    it('node update', () => void assertSame(['node', 'update', '--availability', 'drain', 'x'], env6));
  });

  describe('a live worker', () => {
    before(() => joined());
    it('as seen from itself (a worker): self resolves, the rest is refused', () => {
      assertSame(['node', 'ls'], env6);
      assertSame(['node', 'inspect', 'self'], env6);
      assertSame(['node', 'ps'], env6);
    });
    it('node rm without --force is refused, and the node stays', async () => {
      const before = await entries();
      const d = assertSame(['node', 'rm', HOST]);
      assert.equal(d.code, 1);
      assert.match(d.stderr, /^Error response from daemon: .*is not down and can't be removed/);
      assert.deepEqual(await entries(), before);
    });
    it('errors are collected: every failing node is reported, exit 1', async () => {
      const d = assertSame(['node', 'rm', 'no-such-node', HOST, 'other-missing']);
      assert.equal(d.stderr.split('\n').length, 4);
      assert.equal((await entries()).length, 1);
    });
  });

  it('node rm --force of a live worker (docker, then tsw on a rejoined node-6)', async () => {
    const args = ['node', 'rm', '--force', HOST];
    await joined();
    const d = runDocker(args);
    const afterDocker = await entries();
    await joined();
    const t = runTsw(args);
    const afterTsw = await entries();
    same(args, d, t);
    assert.equal(d.stdout, `${HOST}\n`);
    assert.deepEqual(afterDocker, []);
    assert.deepEqual(afterTsw, []);
  });

  describe('a stopped engine', () => {
    before(() => down());
    it('is Down in node ls', () => {
      const d = assertSame(['node', 'ls']);
      assert.match(d.stdout, /\n\w{25} {5}node-6 +Down +Active/);
    });
    it('node inspect --pretty shows the state and the heartbeat message', () => {
      const d = assertSame(['node', 'inspect', '--pretty', HOST]);
      assert.match(d.stdout, /\n State:\t\t\tDown\n/);
    });
    it('node inspect -f', () => void assertSame(['node', 'inspect', '-f', '{{.Status.State}} {{.Status.Message}}', HOST]));
    it('node ps', () => void assertSame(['node', 'ps', HOST]));
    it('node ls --filter name=node-6 --format json', () => void assertSame(['node', 'ls', '--filter', `name=${HOST}`, '--format', 'json']));
  });

  it('node rm of a down node, without --force (docker, then tsw on node-6 down again)', async () => {
    const args = ['node', 'rm', HOST];
    // The engine stopped above is still down: docker removes that one.
    if (!(await entries()).some((e) => e.state === 'down')) await down();
    const d = runDocker(args);
    const afterDocker = await entries();
    await down();
    const t = runTsw(args);
    const afterTsw = await entries();
    same(args, d, t);
    assert.equal(d.code, 0);
    assert.deepEqual(afterDocker, []);
    assert.deepEqual(afterTsw, []);
  });

  it('node remove (alias) of an unknown node', () => void assertSame(['node', 'remove', 'no-such-node']));
});
