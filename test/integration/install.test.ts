/** `npm install -g .` from a checkout puts a working `tsw` on PATH (README's install step). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, repoRoot, runDocker } from '../support/oracle.ts';

describe('npm install -g . (one-command install)', () => {
  let prefix = '';
  before(() => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    prefix = mkdtempSync(join(tmpdir(), 'tsw-install-'));
    const r = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '.'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
  after(() => rmSync(prefix, { recursive: true, force: true }));

  it('installs a tsw that runs and talks to the engine like docker', () => {
    const bin = join(prefix, 'bin', 'tsw');
    const v = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0, v.stderr);
    assert.match(v.stdout, /^tsw version \d+\.\d+\.\d+, build \S+\n$/);
    const ls = spawnSync(bin, ['node', 'ls'], { encoding: 'utf8' });
    assert.equal(ls.status, 0, ls.stderr);
    assert.equal(ls.stdout, runDocker(['node', 'ls']).stdout);
  });
});
