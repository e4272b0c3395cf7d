/**
 * A whole swarm's life with tsw alone, on the spare engines: init node-4 with --autolock,
 * join node-5 with the token tsw printed (as a worker, then as a manager), rotate join tokens
 * and the unlock key, update settings, restart node-4's engine so that it comes back locked,
 * unlock it with the key tsw printed, and leave. Checked through the Engine API and docker.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startNode, stopNode } from '../../src/lab/nodes.ts';
import { labUp, runDocker, runTsw } from '../support/oracle.ts';
import { A, acquireSpares, addrOf, apiGet, B, hostOf, JOIN_TOKEN, localState, releaseSpares, swarmOf, UNLOCK_KEY } from '../support/spares.ts';

const at = (n: number) => ({ env: { DOCKER_HOST: hostOf(n) } });

async function info(n: number) {
  return (JSON.parse((await apiGet(n, '/info')).body) as { Swarm: { NodeID: string; LocalNodeState: string; ControlAvailable: boolean } }).Swarm;
}

async function until(cond: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe('a swarm run with tsw only (spare engines)', () => {
  let workerToken = '';
  let unlockKey = '';
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await acquireSpares();
  });
  after(async () => {
    // Whatever happened, node-4's engine runs and both spares leave.
    await startNode(A);
    releaseSpares();
  });

  it('init --autolock prints the join command and the unlock key', async () => {
    const r = runTsw(['swarm', 'init', '--autolock', '--advertise-addr', addrOf(A)], at(A));
    assert.equal(r.code, 0, r.stderr);
    const m = /^Swarm initialized: current node \(([0-9a-z]{25})\) is now a manager\.\n\nTo add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token (\S+) (\S+)\n\nTo add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions\.\nTo unlock a swarm manager after it restarts, run the `docker swarm unlock`\ncommand and provide the following key:\n\n {4}(\S+)\n\nRemember to store this key in a password manager, since without it you\nwill not be able to restart the manager\.\n$/.exec(r.stdout);
    assert.ok(m, r.stdout);
    const [, id, token, addr, key] = m;
    assert.equal(id, (await info(A)).NodeID);
    assert.match(token ?? '', JOIN_TOKEN);
    assert.equal(addr, `${addrOf(A)}:2377`);
    assert.match(key ?? '', UNLOCK_KEY);
    assert.equal(runDocker(['swarm', 'unlock-key', '-q'], at(A)).stdout, `${key}\n`);
    assert.deepEqual((await swarmOf(A)).Spec['EncryptionConfig'], { AutoLockManagers: true });
    workerToken = token ?? '';
    unlockKey = key ?? '';
  });

  it('join as a worker with the printed token, then leave', async () => {
    const r = runTsw(['swarm', 'join', '--token', workerToken, `${addrOf(A)}:2377`], at(B));
    assert.equal(r.stdout, 'This node joined a swarm as a worker.\n', r.stderr);
    const id = (await info(B)).NodeID;
    const node = JSON.parse((await apiGet(A, `/nodes/${id}`)).body) as { Spec: { Role: string } };
    assert.equal(node.Spec.Role, 'worker');
    assert.equal(runTsw(['swarm', 'leave'], at(B)).stdout, 'Node left the swarm.\n');
    assert.equal(await localState(B), 'inactive');
  });

  it('join as a manager with the token from join-token -q manager', async () => {
    const token = runTsw(['swarm', 'join-token', '-q', 'manager'], at(A)).stdout.trim();
    assert.match(token, JOIN_TOKEN);
    const r = runTsw(['swarm', 'join', '--token', token, `${addrOf(A)}:2377`], at(B));
    assert.equal(r.stdout, 'This node joined a swarm as a manager.\n', r.stderr);
    assert.equal((await info(B)).ControlAvailable, true);
    // The new manager prints the same join commands (same tokens), with its own address.
    const fromB = runTsw(['swarm', 'join-token', 'worker'], at(B));
    assert.equal(fromB.stdout, `To add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${workerToken} ${addrOf(B)}:2377\n\n`);
  });

  it('join-token --rotate: the old worker token is refused, the new one printed', async () => {
    const r = runTsw(['swarm', 'join-token', '--rotate', 'worker'], at(A));
    assert.equal(r.code, 0, r.stderr);
    const newToken = (await swarmOf(A)).JoinTokens.Worker;
    assert.notEqual(newToken, workerToken);
    assert.equal(r.stdout, `Successfully rotated worker join token.\n\nTo add a worker to this swarm, run the following command:\n\n    docker swarm join --token ${newToken} ${addrOf(A)}:2377\n\n`);
    workerToken = newToken;
  });

  it('the second manager leaves after being demoted', async () => {
    const id = (await info(B)).NodeID;
    assert.equal(runDocker(['node', 'demote', id], at(A)).code, 0);
    await until(async () => !(await info(B)).ControlAvailable, 'node-5 to be a worker');
    assert.equal(runTsw(['swarm', 'leave'], at(B)).stdout, 'Node left the swarm.\n');
  });

  it('update changes the settings; unlock-key --rotate gives a new key', async () => {
    const r = runTsw(['swarm', 'update', '--task-history-limit', '9', '--cert-expiry', '300h', '--dispatcher-heartbeat', '4s', '--snapshot-interval', '2000', '--max-snapshots', '1'], at(A));
    assert.equal(r.stdout, 'Swarm updated.\n', r.stderr);
    const spec = (await swarmOf(A)).Spec as {
      Orchestration: { TaskHistoryRetentionLimit: number };
      CAConfig: { NodeCertExpiry: number };
      Dispatcher: { HeartbeatPeriod: number };
      Raft: { SnapshotInterval: number; KeepOldSnapshots: number };
      EncryptionConfig: { AutoLockManagers: boolean };
    };
    assert.equal(spec.Orchestration.TaskHistoryRetentionLimit, 9);
    assert.equal(spec.CAConfig.NodeCertExpiry, 300 * 3600e9);
    assert.equal(spec.Dispatcher.HeartbeatPeriod, 4e9);
    assert.equal(spec.Raft.SnapshotInterval, 2000);
    assert.equal(spec.Raft.KeepOldSnapshots, 1);
    assert.equal(spec.EncryptionConfig.AutoLockManagers, true);

    const k = runTsw(['swarm', 'unlock-key', '--rotate', '-q'], at(A));
    const key = k.stdout.trim();
    assert.match(key, UNLOCK_KEY);
    assert.notEqual(key, unlockKey);
    assert.equal(runDocker(['swarm', 'unlock-key', '-q'], at(A)).stdout.trim(), key);
    unlockKey = key;
  });

  it('after a restart the manager is locked; unlock refuses a wrong key and takes the right one', async () => {
    // Key rotation reaches the raft log asynchronously: give it a moment before the restart.
    await sleep(2000);
    await stopNode(A);
    await startNode(A);
    await until(async () => (await localState(A)) === 'locked', 'node-4 to come back locked');

    const locked = (args: string[]) => {
      const d = runDocker(args, at(A));
      const t = runTsw(args, at(A));
      assert.deepEqual(t, d, args.join(' '));
      return t;
    };
    assert.match(locked(['swarm', 'join-token', 'worker']).stderr, /^Error response from daemon: Swarm is encrypted and needs to be unlocked/);

    const wrongD = runDocker(['swarm', 'unlock'], { ...at(A), input: 'SWMKEY-1-Kp0pOyMNomB5TrMSb8TkMo2RT8SaS+hNEzsTcu9K1pY\n' });
    const wrongT = runTsw(['swarm', 'unlock'], { ...at(A), input: 'SWMKEY-1-Kp0pOyMNomB5TrMSb8TkMo2RT8SaS+hNEzsTcu9K1pY\n' });
    assert.deepEqual(wrongT, wrongD);
    assert.equal(wrongT.code, 1);
    assert.equal(await localState(A), 'locked');

    const ok = runTsw(['swarm', 'unlock'], { ...at(A), input: `  ${unlockKey}\n` });
    assert.deepEqual(ok, { stdout: '', stderr: '', code: 0 });
    await until(async () => (await localState(A)) === 'active', 'node-4 to be unlocked');
    assert.equal(runTsw(['swarm', 'unlock'], at(A)).stderr, 'Error: swarm is not locked\n');
  });

  it('leave: refused for the last manager, done with --force', async () => {
    const r = runTsw(['swarm', 'leave'], at(A));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^Error response from daemon: You are attempting to leave the swarm on a node that is participating as a manager\./);
    assert.equal(await localState(A), 'active');
    assert.equal(runTsw(['swarm', 'leave', '--force'], at(A)).stdout, 'Node left the swarm.\n');
    assert.equal(await localState(A), 'inactive');
  });
});
