/**
 * `service create --with-registry-auth`: the X-Registry-Auth header tsw sends, for each
 * config.json of test/support/registry-auth-cases.ts (auths entries, legacy URL keys, identity
 * tokens, credsStore and credHelpers run as docker-credential-* programs), against what docker
 * 28.2.2 sent (test/golden/registry-auth.json, captured by test/capture/registry-auth.mjs).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { readGolden } from '../support/golden.ts';
import { authCases, writeConfig, writeHelpers } from '../support/registry-auth-cases.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { fakeIO } from '../support/fakeio.ts';
import { progressRoutes, progressScripts } from '../support/service-progress-cases.ts';

const golden = JSON.parse(readGolden('registry-auth.json')) as Record<string, { stdout: string; stderr: string; code: number; auth: string | null }>;

describe('service create --with-registry-auth: the X-Registry-Auth docker sends', () => {
  const work = mkdtempSync(join(tmpdir(), 'tsw-auth-'));
  const bin = join(work, 'bin');
  writeHelpers(bin);
  after(() => rmSync(work, { recursive: true, force: true }));

  it('every case has a golden', () => {
    assert.deepEqual(Object.keys(golden).sort(), Object.keys(authCases).sort());
  });

  for (const [name, c] of Object.entries(authCases)) {
    it(name, async () => {
      const g = golden[name];
      assert.ok(g);
      const dir = join(work, name);
      writeConfig(dir, c);
      const script = progressScripts['replicated-2'];
      assert.ok(script);
      const daemon = await startFakeDaemon(progressRoutes(script));
      try {
        const f = fakeIO({ env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, DOCKER_HOST: daemon.host }, now: () => new Date(), uid: 0 });
        const code = await main(['--config', dir, 'service', 'create', '-d', '--with-registry-auth', '--no-resolve-image', c.image], f.io);
        assert.equal(f.stderr(), g.stderr, 'stderr');
        assert.equal(f.stdout(), g.stdout, 'stdout');
        assert.equal(code, g.code, 'exit code');
        assert.equal(daemon.requests.find((r) => r.method === 'POST')?.auth ?? null, g.auth, 'X-Registry-Auth');
      } finally {
        await daemon.close();
      }
    });
  }
});
