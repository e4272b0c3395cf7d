/**
 * `swarm init`, `join` and `leave` on the spare engines (node-4, node-5): docker and tsw each
 * run on an equivalent fresh state; their output must match once node IDs and tokens are
 * masked (and those must have the right shape), and the swarm they create must be the same
 * (spec and cluster settings read back with GET /swarm). Bad input: docker's message and
 * exit code, and nothing changed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import {
  A,
  acquireSpares,
  addrOf,
  apiGet,
  B,
  hostOf,
  JOIN_TOKEN,
  localState,
  masked,
  NODE_ID,
  releaseSpares,
  resetSpares,
  swarmOf,
  UNLOCK_KEY,
} from '../support/spares.ts';

const at = (n: number) => ({ env: { DOCKER_HOST: hostOf(n) } });

/** The cluster settings init decides: spec and address pools. */
async function clusterOf(n: number) {
  const sw = await swarmOf(n);
  return { Spec: sw.Spec, DefaultAddrPool: sw.DefaultAddrPool, SubnetSize: sw.SubnetSize, DataPathPort: sw.DataPathPort };
}

async function selfAvailability(n: number): Promise<string> {
  const info = JSON.parse((await apiGet(n, '/info')).body) as { Swarm: { NodeID: string } };
  const node = JSON.parse((await apiGet(n, `/nodes/${info.Swarm.NodeID}`)).body) as { Spec: { Availability: string } };
  return node.Spec.Availability;
}

async function waitUntil(cond: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(250);
  }
}

function assertSameMasked(d: Outcome, t: Outcome, what: string) {
  const md = masked(d);
  const mt = masked(t);
  assert.equal(mt.stdout, md.stdout, `stdout of ${what}`);
  assert.equal(mt.stderr, md.stderr, `stderr of ${what}`);
  assert.equal(mt.code, md.code, `exit code of ${what}`);
  return { d: md, t: mt };
}

describe('swarm init / join / leave (differential, spare engines)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await acquireSpares();
  });
  after(() => releaseSpares());

  const initCases: string[][] = [
    [],
    ['--autolock', '--task-history-limit', '3', '--dispatcher-heartbeat', '7s', '--cert-expiry', '200h', '--max-snapshots', '2', '--snapshot-interval', '5000'],
    ['--default-addr-pool', '10.77.0.0/16', '--default-addr-pool', '10.78.1.0/16', '--default-addr-pool-mask-length', '26', '--data-path-port', '7777', '--availability', 'DRAIN', '--listen-addr', '0.0.0.0:2400', '--advertise-addr', addrOf(A)],
    ['--external-ca', 'protocol=cfssl,url=https://ca.example.com,extra=1', '--availability', 'pause', '--autolock=false', '--force-new-cluster'],
  ];
  for (const flags of initCases) {
    it(`init ${flags.join(' ') || '(no flags)'}`, async () => {
      resetSpares();
      const d = runDocker(['swarm', 'init', ...flags], at(A));
      const dCluster = await clusterOf(A);
      const dAvail = await selfAvailability(A);
      resetSpares();
      const t = runTsw(['swarm', 'init', ...flags], at(A));
      const tCluster = await clusterOf(A);
      const tAvail = await selfAvailability(A);
      const { t: mt } = assertSameMasked(d, t, `init ${flags.join(' ')}`);
      assert.equal(t.code, 0, t.stderr);
      assert.match(mt.found.ids[0] ?? '', NODE_ID);
      for (const tok of mt.found.tokens) assert.match(tok, JOIN_TOKEN);
      assert.equal(mt.found.keys.length, flags.includes('--autolock') ? 1 : 0);
      for (const key of mt.found.keys) assert.match(key, UNLOCK_KEY);
      assert.deepEqual(tCluster, dCluster);
      assert.equal(tAvail, dAvail);
      // The ID printed is this node's.
      const info = JSON.parse((await apiGet(A, '/info')).body) as { Swarm: { NodeID: string } };
      assert.equal(mt.found.ids[0], info.Swarm.NodeID);
    });
  }

  describe('bad input changes nothing', () => {
    before(() => resetSpares());

    it('init when already in a swarm', async () => {
      runDocker(['swarm', 'init'], at(A));
      const beforeState = await swarmOf(A);
      const d = runDocker(['swarm', 'init', '--autolock'], at(A));
      const t = runTsw(['swarm', 'init', '--autolock'], at(A));
      assertSameMasked(d, t, 'init twice');
      assert.equal(t.code, 1);
      assert.match(t.stderr, /^Error response from daemon: This node is already part of a swarm/);
      assert.deepEqual(await swarmOf(A), beforeState);
    });

    it('leave as the last manager without -f', async () => {
      const d = runDocker(['swarm', 'leave'], at(A));
      const t = runTsw(['swarm', 'leave'], at(A));
      assertSameMasked(d, t, 'leave');
      assert.equal(t.code, 1);
      assert.match(t.stderr, /Use `--force` to ignore this message\.\n$/);
      assert.equal(await localState(A), 'active');
    });

    it('join with a bad token', async () => {
      const d = runDocker(['swarm', 'join', '--token', 'SWMTKN-1-bogus', `${addrOf(A)}:2377`], at(B));
      const t = runTsw(['swarm', 'join', '--token', 'SWMTKN-1-bogus', `${addrOf(A)}:2377`], at(B));
      assertSameMasked(d, t, 'join bad token');
      assert.equal(t.code, 1);
      assert.equal(await localState(B), 'inactive');
    });

    it('join with a bad availability, and init with one', async () => {
      const d = runDocker(['swarm', 'join', '--availability', 'asleep', '--token', 'x', `${addrOf(A)}:2377`], at(B));
      const t = runTsw(['swarm', 'join', '--availability', 'asleep', '--token', 'x', `${addrOf(A)}:2377`], at(B));
      assertSameMasked(d, t, 'join bad availability');
      assert.equal(t.stderr, 'invalid availability "asleep", only active, pause and drain are supported\n');
      const d2 = runDocker(['swarm', 'init', '--availability', 'asleep'], at(B));
      const t2 = runTsw(['swarm', 'init', '--availability', 'asleep'], at(B));
      assertSameMasked(d2, t2, 'init bad availability');
      assert.equal(await localState(B), 'inactive');
    });

    it('bad flag values (exit 125)', async () => {
      for (const flags of [
        ['--cert-expiry', '90days'],
        ['--dispatcher-heartbeat', '-'],
        ['--external-ca', 'protocol=cfssl'],
        ['--external-ca', 'protocol=cfssl,url=x,cacert=test/fixtures/swarm/not-pem.txt'],
        ['--default-addr-pool', '10.0.0.0/40'],
        ['--listen-addr', 'udp://0.0.0.0'],
        ['--data-path-port', '-1'],
      ]) {
        const d = runDocker(['swarm', 'init', ...flags], at(B));
        const t = runTsw(['swarm', 'init', ...flags], at(B));
        assertSameMasked(d, t, `init ${flags.join(' ')}`);
        assert.equal(t.code, 125);
      }
      assert.equal(await localState(B), 'inactive');
    });

    it('leave and unlock when not in a swarm', async () => {
      for (const args of [['swarm', 'leave'], ['swarm', 'leave', '-f'], ['swarm', 'unlock'], ['swarm', 'unlock-key'], ['swarm', 'join-token', 'worker'], ['swarm', 'ca']]) {
        const d = runDocker(args, at(B));
        const t = runTsw(args, at(B));
        assertSameMasked(d, t, args.join(' '));
        assert.equal(t.code, 1);
      }
      assert.equal(await localState(B), 'inactive');
    });

    it('unlock when not locked', async () => {
      const d = runDocker(['swarm', 'unlock'], { ...at(A), input: 'SWMKEY-1-x\n' });
      const t = runTsw(['swarm', 'unlock'], { ...at(A), input: 'SWMKEY-1-x\n' });
      assertSameMasked(d, t, 'unlock');
      assert.equal(t.stderr, 'Error: swarm is not locked\n');
    });
  });

  describe('join', () => {
    before(() => {
      resetSpares();
      assert.equal(runDocker(['swarm', 'init', '--advertise-addr', addrOf(A)], at(A)).code, 0);
    });

    for (const role of ['worker', 'manager']) {
      it(`as a ${role}, with --availability drain and --listen-addr`, async () => {
        const token = runDocker(['swarm', 'join-token', '-q', role], at(A)).stdout.trim();
        assert.match(token, JOIN_TOKEN);
        const args = ['swarm', 'join', '--token', token, '--availability', 'Drain', '--listen-addr', '0.0.0.0:2377', '--advertise-addr', addrOf(B), `${addrOf(A)}:2377`];
        const d = runDocker(args, at(B));
        const dAvail = await nodeAvailability(B);
        await leaveB(role);
        const t = runTsw(args, at(B));
        const tAvail = await nodeAvailability(B);
        assertSameMasked(d, t, `join as ${role}`);
        assert.equal(t.stdout, `This node joined a swarm as a ${role}.\n`);
        assert.equal(tAvail, dAvail);
        assert.equal(tAvail, 'drain');
        assert.equal(await localState(B), 'active');
        await leaveB(role);
        assert.equal(await localState(B), 'inactive');
      });
    }
  });

  /** node-5 leaves node-4's swarm; a manager is demoted first, so node-4 keeps its quorum. */
  async function leaveB(role: string): Promise<void> {
    if (role === 'manager') {
      const id = (JSON.parse((await apiGet(B, '/info')).body) as { Swarm: { NodeID: string } }).Swarm.NodeID;
      assert.equal(runDocker(['node', 'demote', id], at(A)).code, 0);
      await waitUntil(async () => !(JSON.parse((await apiGet(B, '/info')).body) as { Swarm: { ControlAvailable: boolean } }).Swarm.ControlAvailable);
    }
    const r = runDocker(['swarm', 'leave'], at(B));
    assert.equal(r.code, 0, r.stderr);
  }

  /** node-5's availability as its manager (node-4) sees the newest node-5 entry. */
  async function nodeAvailability(n: number): Promise<string> {
    const info = JSON.parse((await apiGet(n, '/info')).body) as { Swarm: { NodeID: string } };
    const node = JSON.parse((await apiGet(A, `/nodes/${info.Swarm.NodeID}`)).body) as { Spec: { Availability: string } };
    return node.Spec.Availability;
  }
});
