/**
 * Argument and flag handling replayed against docker's own answers (test/golden/cli/,
 * captured by test/capture/cli.mjs): usage errors, unknown commands, help.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { main, parseRoot } from '../../src/cli.ts';
import { goldenPath } from '../support/golden.ts';
import { fakeIO } from '../support/fakeio.ts';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

describe('tsw answers bad arguments exactly as docker does', () => {
  const dir = goldenPath('cli');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Case;
    it(`${file.replace(/\.json$/, '')}: docker ${c.args.join(' ')}`, async () => {
      const f = fakeIO();
      const code = await main(c.args, f.io);
      assert.equal(f.stderr(), c.stderr);
      assert.equal(f.stdout(), c.stdout);
      assert.equal(code, c.code);
    });
  }
});

describe('global flags', () => {
  it('are read only before the command word', () => {
    const r = parseRoot(['-H', 'unix:///a.sock', '--tlsverify', 'node', 'ls', '-H', 'x']);
    assert.deepEqual(r.globals.host, ['unix:///a.sock']);
    assert.equal(r.globals.tlsverify, true);
    assert.equal(r.command, 'node');
    assert.deepEqual(r.rest, ['ls', '-H', 'x']);
    assert.ok(r.globals.set.has('host'));
    assert.ok(!r.globals.set.has('context'));
  });

  it('collect every -H so the connection can refuse more than one', () => {
    const r = parseRoot(['-H', 'a', '--host=b', 'node']);
    assert.deepEqual(r.globals.host, ['a', 'b']);
  });

  it('-v prints the tsw version and exits 0', async () => {
    const f = fakeIO();
    assert.equal(await main(['-v'], f.io), 0);
    assert.match(f.stdout(), /^tsw version \d+\.\d+\.\d+, build \S+\n$/);
  });
});
