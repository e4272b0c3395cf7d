/**
 * docker's `version` annotations (cmd/docker/docker.go isSupported, hideUnsupportedFeatures),
 * declared once on groups, leaves and flags and applied by src/cli/define.ts: with
 * DOCKER_API_VERSION below an annotation, docker and tsw must refuse the same way (before the
 * arguments are checked, before a flag error, instead of help) and hide the same flags and
 * subcommands from help. Every refused case must leave the swarm as it was: the swarm spec,
 * services, networks, configs and secrets are read back before and after.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { labUp } from '../support/oracle.ts';
import { api, assertSame } from '../support/node-lab.ts';

/** [API version, arguments]: each must fail (or print help) identically. */
const REFUSED: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Group annotations: the command path in the message, before arguments and flag errors.
  ['1.23', ['node', 'ls']],
  ['1.23', ['node', 'ls', 'extra']],
  ['1.23', ['service', 'ls', '--bogus']],
  ['1.23', ['swarm', 'init']],
  ['1.24', ['stack', 'ls', 'extra']],
  ['1.24', ['stack', 'deploy', '--prune']],
  ['1.24', ['secret', 'ls']],
  ['1.29', ['config', 'ls', 'extra']],
  ['1.29', ['config', 'create', '--bogus']],
  // Leaf annotations: swarm ca 1.30, service logs 1.29, service rollback 1.31.
  ['1.29', ['swarm', 'ca']],
  ['1.29', ['swarm', 'ca', 'extra']],
  ['1.29', ['swarm', 'ca', '--bogus']],
  ['1.28', ['service', 'logs', 'nosuch']],
  ['1.30', ['service', 'rollback']],
  ['1.24', ['network', 'prune', 'extra']],
  ['1.24', ['network', 'prune', '--bogus']],
  ['1.24', ['network', 'prune', '-f']],
  // Flag annotations: sorted by name, joined by newlines, before the arguments.
  ['1.38', ['swarm', 'init', '--default-addr-pool', '10.0.0.0/8', '--data-path-port', '5000']],
  ['1.38', ['swarm', 'init', '--data-path-port', '5000', 'extra']],
  ['1.30', ['swarm', 'init', '--data-path-addr', '127.0.0.1']],
  ['1.30', ['swarm', 'join', '--data-path-addr', '127.0.0.1', 'host:2377']],
  ['1.24', ['swarm', 'update', '--snapshot-interval', '3', '--max-snapshots', '3']],
  ['1.24', ['network', 'create', '--attachable', '--scope', 'swarm', '--ingress']],
  ['1.29', ['network', 'create', '--config-only', 'a', 'b']],
  ['1.26', ['stack', 'deploy', '--prune', '--resolve-image', 'never', '-c', 'x.yml', 'st']],
  ['1.28', ['service', 'create', '--detach', 'busybox']],
  ['1.24', ['service', 'update', '--force', '--rollback']],
  ['1.30', ['secret', 'create', '--driver', 'x', 'name']],
  ['1.36', ['config', 'create', '--template-driver', 'golang', 'name', '-']],
];

/** Help at old versions: refused (stderr, exit 0), or listed without the newer flags/verbs. */
const HELP: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['1.23', ['swarm', '--help']],
  ['1.29', ['swarm', '--help']],
  ['1.30', ['swarm', '--help']],
  ['1.29', ['swarm', 'ca', '--help']],
  ['1.38', ['swarm', 'init', '--help']],
  ['1.38', ['swarm', 'init', '--data-path-port', '1', '--help']],
  ['1.24', ['swarm', 'update', '--help']],
  ['1.30', ['swarm', 'join', '--help']],
  ['1.28', ['service', '--help']],
  ['1.30', ['service', '--help']],
  ['1.28', ['service', 'create', '--help']],
  ['1.24', ['service', 'update', '--help']],
  ['1.24', ['network', 'create', '--help']],
  ['1.24', ['network', '--help']],
  ['1.24', ['network', 'prune', '--help']],
  ['1.24', ['stack', '--help']],
  ['1.26', ['stack', 'deploy', '--help']],
  ['1.29', ['config', '--help']],
  ['1.36', ['config', 'create', '--help']],
  ['1.30', ['secret', 'create', '--help']],
];

async function swarmState(): Promise<string> {
  const parts: unknown[] = [];
  for (const path of ['/swarm', '/services', '/networks', '/configs', '/secrets']) {
    const r = await api<unknown>('GET', path);
    if (path === '/swarm') parts.push((r.value as { Spec?: unknown }).Spec);
    // Lists in the daemon's order, which is not stable: by ID.
    else parts.push((r.value as Array<{ ID?: string; Id?: string }>).map((o) => JSON.stringify(o)).sort());
  }
  return JSON.stringify(parts);
}

describe('API version annotations (differential, lab swarm)', () => {
  before(() => {
    assert.ok(labUp(), 'the lab swarm is not up: run with TSW_LAB=1 and DOCKER_HOST from `tsw lab env`');
  });

  it('refusals: same message and exit code, nothing changed', async () => {
    const state = await swarmState();
    for (const [version, args] of REFUSED) {
      const d = assertSame(args, { DOCKER_API_VERSION: version });
      assert.notEqual(d.code, 0, `docker ${args.join(' ')} on API ${version} should fail`);
    }
    assert.equal(await swarmState(), state, 'a refused command changed the swarm');
  });

  for (const [version, args] of HELP) {
    it(`${args.join(' ')} on API ${version}`, () => {
      const d = assertSame(args, { DOCKER_API_VERSION: version });
      assert.equal(d.code, 0);
    });
  }

  it('at the daemon own version every flag and verb is listed', () => {
    for (const args of [['swarm', '--help'], ['swarm', 'init', '--help'], ['service', '--help']]) {
      const d = assertSame(args);
      assert.match(d.stdout, args.length === 2 ? /\n {2}ca |\n {2}logs / : /--data-path-port/);
    }
  });
});
