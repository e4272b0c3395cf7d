/**
 * `tsw swarm …` against `docker swarm …` on the main lab swarm, for what only reads it or
 * fails before changing anything: join tokens, the unlock key, the root CA, usage errors, and
 * the daemon's answers on a worker. Same stdout, stderr and exit code, byte for byte.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { labUp, runBoth, type RunOpts } from '../support/oracle.ts';
import { JOIN_TOKEN } from '../support/spares.ts';

const WORKER = 'unix:///run/tsw-lab/node-2/docker.sock';

function assertSame(args: string[], opts: RunOpts = {}) {
  const { docker, tsw } = runBoth(args, opts);
  assert.equal(tsw.stdout, docker.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(tsw.stderr, docker.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(tsw.code, docker.code, `exit code of ${args.join(' ')}`);
  return docker;
}

describe('swarm (differential, main lab swarm, read-only)', () => {
  let swarmBefore = '';
  before(() => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
  });

  it('join-token worker prints the join command with the manager address', () => {
    const d = assertSame(['swarm', 'join-token', 'worker']);
    assert.match(d.stdout, /^To add a worker to this swarm, run the following command:\n\n {4}docker swarm join --token SWMTKN-1-\S+ 192\.168\.250\.11:2377\n\n$/);
  });

  it('join-token manager', () => {
    const d = assertSame(['swarm', 'join-token', 'manager']);
    assert.match(d.stdout, /^To add a manager to this swarm/);
  });

  it('join-token -q prints only the token', () => {
    for (const role of ['worker', 'manager']) {
      const d = assertSame(['swarm', 'join-token', '-q', role]);
      assert.match(d.stdout.trimEnd(), JOIN_TOKEN);
      swarmBefore += d.stdout;
    }
  });

  for (const args of [
    ['swarm', 'join-token', 'Manager'],
    ['swarm', 'join-token', '--quiet=false', 'worker'],
    ['swarm', 'unlock-key'],
    ['swarm', 'unlock-key', '-q'],
    ['swarm', 'unlock-key', '--rotate'],
    ['swarm', 'unlock'],
    ['swarm', 'ca'],
    ['swarm', 'ca', '--cert-expiry', '10h'],
    ['swarm', 'ca', '--external-ca', 'protocol=cfssl,url=https://ca.example.com'],
    ['swarm', 'ca', '--rotate', '--external-ca', 'protocol=cfssl,url=https://ca.example.com'],
    ['swarm', 'ca', '--rotate', '--ca-cert', 'test/fixtures/swarm/ca.pem'],
    ['swarm', 'ca', '--ca-cert', 'test/fixtures/swarm/ca.pem', '--ca-key', 'test/fixtures/swarm/ca-key.pem'],
    ['swarm', 'update'],
    ['swarm', 'update', 'extra'],
    ['swarm', 'update', '--cert-expiry', '1x'],
    ['swarm', 'init'],
    ['swarm', 'init', '--availability', 'sleepy'],
    ['swarm', 'join', '--token', 'SWMTKN-1-x', '192.168.250.11:2377'],
    ['swarm'],
    ['swarm', 'nope'],
  ]) {
    it(args.slice(1).join(' '), () => {
      assertSame(args);
    });
  }

  it('nothing above changed the swarm (tokens are the same)', () => {
    let now = '';
    for (const role of ['worker', 'manager']) now += runBoth(['swarm', 'join-token', '-q', role]).docker.stdout;
    assert.equal(now, swarmBefore);
  });

  describe('on a worker, the daemon refuses', () => {
    for (const args of [
      ['swarm', 'join-token', 'worker'],
      ['swarm', 'join-token', '--rotate', 'worker'],
      ['swarm', 'unlock-key'],
      ['swarm', 'ca'],
      ['swarm', 'update', '--autolock'],
      ['swarm', 'unlock'],
      ['swarm', 'init'],
    ]) {
      it(args.slice(1).join(' '), () => {
        const d = assertSame(args, { env: { DOCKER_HOST: WORKER } });
        assert.equal(d.code, 1);
      });
    }
  });

  it('daemon unreachable', () => {
    const d = assertSame(['swarm', 'join-token', 'worker'], { env: { DOCKER_HOST: 'unix:///run/tsw-lab/no-such.sock' } });
    assert.equal(d.code, 1);
  });
});
