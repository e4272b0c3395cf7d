/**
 * Node writes on the lab swarm: `node update`, `promote`, `demote`. Each write runs with docker
 * and with tsw on the same starting state; stdout, stderr, exit code AND every node's spec read
 * back afterwards must be identical. Bad input leaves the swarm as it was. Labels are checked
 * through `node ls --filter node.label=…` and `node inspect --pretty`.
 *
 * Uses node-2 only (node-3 is drained by node-ps.test.ts); everything is put back in after().
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { assertSame, nodeByHost, setSpec, specs, waitUntil, type LabNode } from '../support/node-lab.ts';

const BASE = { Labels: {}, Availability: 'active' };

async function node(host: string): Promise<LabNode> {
  const n = await nodeByHost(host);
  assert.ok(n, `no node ${host}`);
  return n;
}

/** Resets a node's labels and availability, keeping its role. */
async function reset(host: string, labels: Record<string, string> | null = {}): Promise<void> {
  const n = await node(host);
  await setSpec(n.ID, { ...n.Spec, ...BASE, Labels: labels });
}

/**
 * Puts a node in a role and waits until the raft membership agrees. In the lab a promotion
 * takes up to a minute to show (certificate renewal), and a demotion is refused until the node
 * is in the raft member list, so both are retried until they hold.
 */
async function ensureRole(host: string, role: 'manager' | 'worker'): Promise<void> {
  await waitUntil(
    async () => {
      const n = await node(host);
      if (n.Spec.Role !== role) {
        if (role === 'worker' && n.ManagerStatus?.Reachability !== 'reachable') return false;
        await setSpec(n.ID, { ...n.Spec, Role: role }).catch(() => undefined);
        return false;
      }
      return role === 'manager' ? n.ManagerStatus?.Reachability === 'reachable' : !n.ManagerStatus;
    },
    240_000,
    `${host} to be a ${role}`,
  );
  await waitUntil(async () => (await node('node-1')).ManagerStatus?.Leader === true, 60_000, 'node-1 to lead');
  if (role === 'manager') await raftSettled(host);
}

/**
 * Right after a promotion the two-member raft can still time out writes (a demotion then fails
 * with DeadlineExceeded, or not, by chance). Wait until no-op writes go through promptly.
 */
async function raftSettled(host: string): Promise<void> {
  let quick = 0;
  await waitUntil(
    async () => {
      const n = await node(host);
      const t0 = Date.now();
      const ok = await setSpec(n.ID, n.Spec).then(
        () => true,
        () => false,
      );
      // Generous bounds: on a busy 2-core machine a healthy two-manager raft still answers
      // slowly now and then.
      quick = ok && Date.now() - t0 < 2000 ? quick + 1 : 0;
      return quick >= 3;
    },
    240_000,
    `the raft to settle after promoting ${host}`,
  );
}

/**
 * Runs args with docker, reads every spec, prepares the same starting state again, runs tsw,
 * reads again: outputs and specs must be equal. Returns docker's outcome and the specs.
 */
async function compareWrite(args: string[], prepare: () => Promise<void>, settle?: () => Promise<void>): Promise<{ d: Outcome; after: unknown }> {
  await prepare();
  const d = runDocker(args);
  await settle?.();
  const afterDocker = await specs();
  await prepare();
  const t = runTsw(args);
  await settle?.();
  const afterTsw = await specs();
  assert.equal(t.stdout, d.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(t.code, d.code, `exit code of ${args.join(' ')}`);
  assert.deepEqual(afterTsw, afterDocker, `specs after ${args.join(' ')}`);
  return { d, after: afterDocker };
}

/** A failing command (with both clients) changes nothing. */
async function compareRefused(args: string[], prepare: () => Promise<void>): Promise<Outcome> {
  await prepare();
  const before = await specs();
  const { d, after } = await compareWrite(args, prepare);
  assert.notEqual(d.code, 0, `${args.join(' ')} should fail`);
  assert.deepEqual(after, before, `${args.join(' ')} changed the swarm`);
  return d;
}

describe('node update / promote / demote (differential writes, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await ensureRole('node-2', 'worker');
    await reset('node-2');
  });

  after(async () => {
    await ensureRole('node-2', 'worker');
    for (const h of ['node-1', 'node-2']) await reset(h);
  });

  const fresh = () => reset('node-2');
  const labelled = () => reset('node-2', { a: '1', b: '', zone: 'x' });

  describe('node update', () => {
    it('--availability pause', async () => {
      const { d, after } = await compareWrite(['node', 'update', '--availability', 'pause', 'node-2'], fresh);
      assert.equal(d.stdout, 'node-2\n');
      assert.match(JSON.stringify(after), /"Availability":"pause"/);
    });
    it('--availability drain then active again', async () => {
      await compareWrite(['node', 'update', '--availability', 'drain', 'node-2'], fresh);
      await compareWrite(['node', 'update', '--availability', 'active', 'node-2'], () => reset('node-2').then(() => setAvailability('node-2', 'drain')));
    });
    it('--label-add key=value, key alone, odd characters', async () => {
      const { after } = await compareWrite(
        ['node', 'update', '--label-add', 'zone=a', '--label-add', 'ssd', '--label-add', 'weird=<&> "é" =x', 'node-2'],
        fresh,
      );
      assert.match(JSON.stringify(after), /"Labels":\{"ssd":"","weird":"<&> \\"é\\" =x","zone":"a"\}/);
    });
    it('--label-add overwrites, --label-rm removes (add first, then rm)', async () => {
      const { after } = await compareWrite(
        ['node', 'update', '--label-add', 'a=2', '--label-add', 'c=3', '--label-rm', 'b', '--label-rm', 'c', 'node-2'],
        labelled,
      );
      assert.match(JSON.stringify(after), /"Labels":\{"a":"2","zone":"x"\}/);
    });
    it('--role and --availability together', async () => {
      await compareWrite(['node', 'update', '--role', 'worker', '--availability', 'pause', 'node-2'], fresh);
    });
    it('no flags: sends the spec unchanged (null labels become {})', async () => {
      const { d } = await compareWrite(['node', 'update', 'node-2'], () => reset('node-2', null));
      assert.equal(d.code, 0);
    });
    it('by ID prefix: prints the argument as given', async () => {
      const prefix = (await node('node-2')).ID.slice(0, 7);
      const { d } = await compareWrite(['node', 'update', '--label-add', 'p=1', prefix], fresh);
      assert.equal(d.stdout, `${prefix}\n`);
    });
  });

  describe('node update: bad input changes nothing', () => {
    it('--label-rm of a key the node does not have', async () => {
      const d = await compareRefused(['node', 'update', '--label-rm', 'nope', 'node-2'], labelled);
      assert.equal(d.stderr, "key nope doesn't exist in node's labels\n");
    });
    it('--label-rm after a valid --label-add of another key', async () => {
      await compareRefused(['node', 'update', '--label-add', 'n=1', '--label-rm', 'nope', 'node-2'], labelled);
    });
    it('--availability bogus (refused by the daemon)', async () => {
      const d = await compareRefused(['node', 'update', '--availability', 'bogus', 'node-2'], fresh);
      assert.match(d.stderr, /^Error response from daemon: /);
    });
    it('--role bogus (refused by the daemon)', async () => {
      await compareRefused(['node', 'update', '--role', 'bogus', 'node-2'], fresh);
    });
    it('an unknown node', async () => {
      const d = await compareRefused(['node', 'update', '--label-add', 'x=1', 'no-such-node'], fresh);
      assert.equal(d.stderr, 'Error response from daemon: node no-such-node not found\n');
    });
    it('self is not understood', async () => {
      await compareRefused(['node', 'update', '--availability', 'pause', 'self'], fresh);
    });
    it('demoting the last manager through --role', async () => {
      await compareRefused(['node', 'update', '--role', 'worker', 'node-1'], fresh);
    });
  });

  describe('labels', () => {
    before(async () => {
      await reset('node-1', { zone: 'a', ssd: '' });
      await reset('node-2', { zone: 'b', 'weird<&>': 'x"y é' });
    });
    after(async () => {
      await reset('node-1');
      await reset('node-2');
    });
    for (const f of ['node.label=zone', 'node.label=zone=a', 'node.label=zone=b', 'node.label=ssd', 'node.label=nope', 'node.label!=zone=a', 'label=zone']) {
      it(`node ls --filter ${f}`, () => void assertSame(['node', 'ls', '--filter', f]));
    }
    it('node ls --filter node.label=zone -q', () => void assertSame(['node', 'ls', '-q', '--filter', 'node.label=zone']));
    it('node inspect --pretty lists them sorted', async () => {
      const d = assertSame(['node', 'inspect', '--pretty', 'node-1', 'node-2']);
      assert.match(d.stdout, /\nLabels:\n - ssd\n - zone=a\n/);
    });
    it('node inspect -f {{.Spec.Labels}}', () => void assertSame(['node', 'inspect', '-f', '{{.Spec.Labels}} {{json .Spec.Labels}}', 'node-1', 'node-2']));
  });

  describe('promote / demote', () => {
    it('promote a worker, then demote it (docker, then tsw, from the same state)', async () => {
      const run = async (client: typeof runDocker) => {
        await ensureRole('node-2', 'worker');
        const p = client(['node', 'promote', 'node-2']);
        await ensureRole('node-2', 'manager');
        const promoted = await specs();
        const d = client(['node', 'demote', 'node-2']);
        await ensureRole('node-2', 'worker');
        return { p, promoted, d, demoted: await specs() };
      };
      const docker = await run(runDocker);
      const tsw = await run(runTsw);
      assert.deepEqual(tsw.p, docker.p);
      assert.deepEqual(tsw.d, docker.d);
      assert.deepEqual(tsw.promoted, docker.promoted);
      assert.deepEqual(tsw.demoted, docker.demoted);
      assert.equal(docker.p.stdout, 'Node node-2 promoted to a manager in the swarm.\n');
      assert.equal(docker.d.stdout, 'Manager node-2 demoted in the swarm.\n');
      assert.match(JSON.stringify(docker.promoted), /"Role":"manager"/);
    });
    it('promote a manager: already a manager (full ID), nothing sent', async () => {
      const id = (await node('node-1')).ID;
      const { d } = await compareWrite(['node', 'promote', 'node-1', 'node-1'], fresh);
      assert.equal(d.stdout, `Node ${id} is already a manager.\nNode ${id} is already a manager.\n`);
    });
    it('demote a worker: already a worker', async () => {
      const id = (await node('node-2')).ID;
      const { d } = await compareWrite(['node', 'demote', 'node-2'], () => ensureRole('node-2', 'worker'));
      assert.equal(d.stdout, `Node ${id} is already a worker.\n`);
    });
    it('the first error stops the loop: nothing after it is changed', async () => {
      const d = await compareRefused(['node', 'promote', 'no-such-node', 'node-2'], () => ensureRole('node-2', 'worker'));
      assert.equal(d.stdout, '');
      assert.equal(d.stderr, 'Error response from daemon: node no-such-node not found\n');
    });
    it('what came before an error stays done', async () => {
      const { d } = await compareWrite(
        ['node', 'promote', 'node-1', 'no-such-node'],
        () => ensureRole('node-2', 'worker'),
      );
      assert.equal(d.code, 1);
    });
    it('demoting the last manager is refused by the daemon', async () => {
      const d = await compareRefused(['node', 'demote', 'node-1'], fresh);
      assert.match(d.stderr, /^Error response from daemon: .*last manager/);
    });
    for (const verb of ['promote', 'demote']) {
      it(`${verb} self is not understood`, async () => {
        await compareRefused(['node', verb, 'self'], fresh);
      });
    }
  });
});

async function setAvailability(host: string, availability: string): Promise<void> {
  const n = await node(host);
  await setSpec(n.ID, { ...n.Spec, Availability: availability });
}
