/** `tsw lab` refuses clearly where it cannot work. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { fakeIO } from '../support/fakeio.ts';

describe('tsw lab without root', () => {
  for (const verb of ['up', 'down']) {
    it(`${verb} says it needs root and exits 1`, async () => {
      const f = fakeIO({ uid: 1000 });
      assert.equal(await main(['lab', verb], f.io), 1);
      assert.equal(f.stdout(), '');
      assert.match(f.stderr(), /^tsw lab needs root .*sudo tsw lab/);
    });
  }

  it('up rejects a bad --nodes value as a usage error', async () => {
    const f = fakeIO({ uid: 0 });
    assert.equal(await main(['lab', 'up', '--nodes', 'many'], f.io), 125);
    assert.match(f.stderr(), /^invalid argument "many" for "--nodes" flag: strconv.ParseInt: parsing "many": invalid syntax\n\nUsage: {2}tsw lab up \[OPTIONS\]/);
  });
});
