/**
 * "update out of sequence": docker 28.2.2 does not read the service again and retry; it reports
 * the daemon's error (exit 1) after a single POST, for `service update`, `scale` and
 * `rollback` alike (test/golden/update-sequence.json, captured by
 * test/capture/update-sequence.mjs). tsw must do the same, request for request.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { SEQUENCE_REPLIES, progressRoutes, progressScripts } from '../support/service-progress-cases.ts';

const golden = JSON.parse(readGolden('update-sequence.json')) as Record<
  string,
  { args: string[]; stdout: string; stderr: string; code: number; requests: Array<{ method: string; url: string; body: string }> }
>;

describe('update out of sequence: no retry, as docker 28', () => {
  for (const [name, g] of Object.entries(golden)) {
    it(`service ${name}`, async () => {
      const script = progressScripts['replicated-2'];
      assert.ok(script);
      const daemon = await startFakeDaemon(progressRoutes(script, SEQUENCE_REPLIES));
      try {
        const f = fakeIO({ env: { DOCKER_HOST: daemon.host }, now: () => new Date(), uid: 0 });
        const code = await main(g.args, f.io);
        assert.equal(f.stderr(), g.stderr, 'stderr');
        assert.equal(f.stdout(), g.stdout, 'stdout');
        assert.equal(code, g.code, 'exit code');
        assert.deepEqual(
          daemon.requests.map(({ method, url, body }) => ({ method, url, body })),
          g.requests,
          'requests (one POST, with docker body)',
        );
      } finally {
        await daemon.close();
      }
    });
  }
});
