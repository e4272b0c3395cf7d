/**
 * `tsw node ls` against `docker node ls` on the lab swarm: same stdout, stderr and exit code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runBoth } from '../support/oracle.ts';

function assertSame(args: string[], env: Record<string, string | undefined> = {}) {
  const { docker, tsw } = runBoth(args, { env });
  assert.equal(tsw.stdout, docker.stdout, `stdout of ${args.join(' ')}`);
  assert.equal(tsw.stderr, docker.stderr, `stderr of ${args.join(' ')}`);
  assert.equal(tsw.code, docker.code, `exit code of ${args.join(' ')}`);
  return docker;
}

describe('node ls (differential, lab swarm)', () => {
  before(() => assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test'));

  it('default table marks the current node and sorts by hostname', () => {
    const d = assertSame(['node', 'ls']);
    assert.match(d.stdout, /^ID {2,}HOSTNAME/);
    assert.match(d.stdout, / \* {3}node-1 /);
    assert.equal(d.stdout.trim().split('\n').length, 1 + Number(process.env['TSW_LAB_NODES'] ?? 3));
  });

  for (const args of [
    ['node', 'ls', '-q'],
    ['node', 'list', '--quiet'],
    ['node', 'ls', '--quiet=false'],
    ['node', 'ls', '--filter', 'role=manager'],
    ['node', 'ls', '--filter', 'role=worker'],
    ['node', 'ls', '-f', 'role=manager', '-q'],
    ['node', 'ls', '-f', 'name=node-2'],
    ['node', 'ls', '-f', 'name=node-1', '-f', 'name=node-3'],
    ['node', 'ls', '-f', 'name=no-such-node'],
    ['node', 'ls', '-f', 'name=no-such-node', '-q'],
    ['node', 'ls', '--format', '{{.Hostname}}\t{{.Self}}'],
    ['node', 'ls', '--format', 'table {{.Hostname}}\t{{.Status}}\t{{.TLSStatus}}'],
    ['node', 'ls', '--format', 'json'],
    ['node', 'ls', '--format', '{{json .}}'],
    ['node', 'ls', '--format', 'raw'],
    ['node', 'ls', '--format', 'raw', '-q'],
    ['node', 'ls', '--format', 'table'],
    ['node', 'ls', '--format', 'table', '-q'],
    ['node', 'ls', '--format', '{{.ID}}', '-q'],
    ['node', 'ls', '--format', '{{.Nope}}'],
    ['node', 'ls', '--format', '{{.Hostname'],
    ['node', 'ls', '--filter', 'bogus=1'],
    ['node', 'ls', '--filter', 'role=bogus'],
    ['node', 'ls', '--filter', 'membership=accepted'],
    ['node', 'ls', '-f', '', '-q'],
  ]) {
    it(args.slice(2).join(' ') || 'no flags', () => {
      assertSame(args);
    });
  }

  it('on a worker: the daemon says it is not a manager', () => {
    const host = 'unix:///run/tsw-lab/node-2/docker.sock';
    const d = assertSame(['node', 'ls'], { DOCKER_HOST: host });
    assert.equal(d.code, 1);
    assert.match(d.stderr, /^Error response from daemon: This node is not a swarm manager/);
  });

  it('with -H instead of DOCKER_HOST', () => {
    assertSame(['-H', process.env['DOCKER_HOST'] ?? '', 'node', 'ls'], { DOCKER_HOST: undefined });
  });

  it('daemon unreachable', () => {
    const d = assertSame(['node', 'ls'], { DOCKER_HOST: 'unix:///run/tsw-lab/no-such.sock' });
    assert.equal(d.code, 1);
  });

  describe('config.json nodesFormat', () => {
    let dir = '';
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'tsw-config-'));
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ nodesFormat: 'table {{.Hostname}}\t{{.ManagerStatus}}' }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('is the default format', () => {
      const d = assertSame(['node', 'ls'], { DOCKER_CONFIG: dir });
      assert.match(d.stdout, /^HOSTNAME {2,}MANAGER STATUS\n/);
    });
    it('is ignored with -q', () => void assertSame(['node', 'ls', '-q'], { DOCKER_CONFIG: dir }));
    it('loses to --format', () => void assertSame(['node', 'ls', '--format', '{{.ID}}'], { DOCKER_CONFIG: dir }));
    it('also via --config', () => void assertSame(['--config', dir, 'node', 'ls'], { DOCKER_CONFIG: undefined }));
  });

  it('a broken config.json: docker warns and goes on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsw-config-'));
    try {
      writeFileSync(join(dir, 'config.json'), '{not json');
      assertSame(['node', 'ls', '-q'], { DOCKER_CONFIG: dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
