/**
 * `swarm update`, `join-token --rotate` and `unlock-key` on a swarm of the spare node-4:
 * docker and tsw run the same flags from the same starting spec (restored between the two
 * runs), print the same (masked) output and leave the same spec behind.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { A, acquireSpares, addrOf, apiPost, hostOf, JOIN_TOKEN, masked, releaseSpares, swarmOf, UNLOCK_KEY } from '../support/spares.ts';

const at = { env: { DOCKER_HOST: hostOf(A) } };

/** Puts a spec back (POST /swarm/update at the current version, no rotation). */
async function restore(spec: Record<string, unknown>): Promise<void> {
  const { Version } = await swarmOf(A);
  const q = `version=${Version.Index}&rotateWorkerToken=false&rotateManagerToken=false&rotateManagerUnlockKey=false`;
  const r = await apiPost(A, `/swarm/update?${q}`, JSON.stringify(spec));
  assert.equal(r.status, 200, r.body);
}

function assertSameMasked(d: Outcome, t: Outcome, what: string) {
  const md = masked(d);
  const mt = masked(t);
  assert.equal(mt.stdout, md.stdout, `stdout of ${what}`);
  assert.equal(mt.stderr, md.stderr, `stderr of ${what}`);
  assert.equal(mt.code, md.code, `exit code of ${what}`);
  return mt;
}

describe('swarm update / join-token --rotate / unlock-key (differential, spare node-4)', () => {
  let baseline: Record<string, unknown> = {};
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await acquireSpares();
    const r = runDocker(['swarm', 'init', '--advertise-addr', addrOf(A)], at);
    assert.equal(r.code, 0, r.stderr);
    baseline = (await swarmOf(A)).Spec;
  });
  after(() => releaseSpares());

  for (const flags of [
    ['--task-history-limit', '12'],
    ['--task-history-limit', '-1', '--max-snapshots', '4', '--snapshot-interval', '0x2000'],
    ['--dispatcher-heartbeat', '2m30s', '--cert-expiry', '720h'],
    ['--cert-expiry', '1h30m'],
    ['--external-ca', 'protocol=cfssl,url=https://ca.example.com', '--external-ca', 'protocol=CFSSL,URL=https://ca2.example.com,cacert=test/fixtures/swarm/ca.pem,foo=bar'],
    ['--autolock'],
    ['--autolock=false'],
    ['--autolock', '--task-history-limit', '2'],
    ['--max-snapshots', '18446744073709551615'],
  ]) {
    it(`update ${flags.join(' ')}`, async () => {
      await restore(baseline);
      const d = runDocker(['swarm', 'update', ...flags], at);
      const dSpec = (await swarmOf(A)).Spec;
      await restore(baseline);
      const t = runTsw(['swarm', 'update', ...flags], at);
      const tSpec = (await swarmOf(A)).Spec;
      const mt = assertSameMasked(d, t, `update ${flags.join(' ')}`);
      assert.equal(t.code, 0, t.stderr);
      assert.match(t.stdout, /^Swarm updated\.\n/);
      assert.deepEqual(tSpec, dSpec);
      // --autolock=false on a swarm without autolock leaves the spec as it was.
      if (flags.join(' ') === '--autolock=false') assert.deepEqual(tSpec, baseline);
      else assert.notDeepEqual(tSpec, baseline);
      assert.equal(mt.found.keys.length, flags.includes('--autolock') ? 1 : 0);
      for (const k of mt.found.keys) assert.match(k, UNLOCK_KEY);
    });
  }

  it('update with a value the daemon refuses changes nothing', async () => {
    await restore(baseline);
    const beforeSpec = (await swarmOf(A)).Spec;
    const d = runDocker(['swarm', 'update', '--cert-expiry', '1m'], at);
    const t = runTsw(['swarm', 'update', '--cert-expiry', '1m'], at);
    assertSameMasked(d, t, 'update --cert-expiry 1m');
    assert.equal(t.code, 1);
    assert.match(t.stderr, /^Error response from daemon: /);
    assert.deepEqual((await swarmOf(A)).Spec, beforeSpec);
  });

  it('update with no flags shows the help and changes nothing', async () => {
    const v = (await swarmOf(A)).Version.Index;
    const d = runDocker(['swarm', 'update'], at);
    const t = runTsw(['swarm', 'update'], at);
    assertSameMasked(d, t, 'update');
    assert.match(t.stdout, /^Usage: {2}docker swarm update \[OPTIONS\]\n/);
    assert.equal((await swarmOf(A)).Version.Index, v);
  });

  for (const role of ['worker', 'manager']) {
    for (const quiet of [false, true]) {
      it(`join-token --rotate ${role}${quiet ? ' -q' : ''}`, async () => {
        const args = ['swarm', 'join-token', '--rotate', ...(quiet ? ['-q'] : []), role];
        const key = role === 'worker' ? 'Worker' : 'Manager';
        const before0 = (await swarmOf(A)).JoinTokens;
        const d = runDocker(args, at);
        const afterDocker = (await swarmOf(A)).JoinTokens;
        const t = runTsw(args, at);
        const afterTsw = (await swarmOf(A)).JoinTokens;
        const mt = assertSameMasked(d, t, args.join(' '));
        assert.equal(t.code, 0, t.stderr);
        // Each run rotated only the role's token, and printed the new one.
        assert.notEqual(afterTsw[key], afterDocker[key]);
        assert.notEqual(afterDocker[key], before0[key]);
        const other = role === 'worker' ? 'Manager' : 'Worker';
        assert.equal(afterTsw[other], before0[other]);
        assert.deepEqual(mt.found.tokens, [afterTsw[key]]);
        assert.match(afterTsw[key], JOIN_TOKEN);
        if (!quiet) assert.match(t.stdout, new RegExp(`^Successfully rotated ${role} join token\\.\\n\\nTo add a ${role} to this swarm`));
      });
    }
  }

  describe('unlock-key', () => {
    before(async () => {
      await restore(baseline);
    });

    it('without autolock: no key, and --rotate refuses', async () => {
      for (const args of [['swarm', 'unlock-key'], ['swarm', 'unlock-key', '-q'], ['swarm', 'unlock-key', '--rotate']]) {
        const v = (await swarmOf(A)).Version.Index;
        const t = assertSameMasked(runDocker(args, at), runTsw(args, at), args.join(' '));
        assert.equal(t.code, 1);
        assert.equal((await swarmOf(A)).Version.Index, v);
      }
    });

    it('with autolock: shows, and --rotate changes, the key', async () => {
      assert.equal(runDocker(['swarm', 'update', '--autolock'], at).code, 0);
      const show = (args: string[]) => assertSameMasked(runDocker(args, at), runTsw(args, at), args.join(' '));
      const k1 = show(['swarm', 'unlock-key']).found.keys;
      const k2 = show(['swarm', 'unlock-key', '-q']).found.keys;
      assert.equal(k1.length, 1);
      assert.deepEqual(k2, k1);
      for (const args of [['swarm', 'unlock-key', '--rotate'], ['swarm', 'unlock-key', '--rotate', '-q']]) {
        const before0 = runDocker(['swarm', 'unlock-key', '-q'], at).stdout.trim();
        const d = runDocker(args, at);
        const t = runTsw(args, at);
        const mt = assertSameMasked(d, t, args.join(' '));
        const now = runDocker(['swarm', 'unlock-key', '-q'], at).stdout.trim();
        assert.match(now, UNLOCK_KEY);
        assert.notEqual(now, before0);
        assert.deepEqual(mt.found.keys, [now]);
      }
    });
  });
});
