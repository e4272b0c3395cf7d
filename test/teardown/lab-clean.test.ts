/**
 * Run by npm test after `tsw lab down`: the lab left nothing behind — no processes,
 * namespaces, links, iptables rules, mounts or state.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';

const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

describe('tsw lab down leaves nothing behind', () => {
  it('no process started by the lab is running', () => {
    const left = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .map((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
        } catch {
          return '';
        }
      })
      .filter((c) => c.includes('/run/tsw-lab') || c.includes('/var/lib/tsw-lab') || c.includes('docker-registry serve'));
    assert.deepEqual(left, []);
  });

  it('no lab network namespace', () => {
    assert.doesNotMatch(sh('ip', ['netns', 'list']).stdout, /tswlab-/);
  });

  it('no lab bridge or veth link', () => {
    assert.doesNotMatch(sh('ip', ['-o', 'link', 'show']).stdout, /tswlab/);
  });

  it('no FORWARD rule for the bridge', () => {
    assert.doesNotMatch(sh('iptables', ['-S', 'FORWARD']).stdout, /tswlab0/);
  });

  it('no mount under the lab directories', () => {
    assert.doesNotMatch(readFileSync('/proc/self/mounts', 'utf8'), /\/(run|var\/lib)\/tsw-lab/);
  });

  it('no state or data directories', () => {
    assert.equal(existsSync('/run/tsw-lab'), false);
    assert.equal(existsSync('/var/lib/tsw-lab'), false);
  });
});
