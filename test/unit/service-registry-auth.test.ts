/**
 * `service create --with-registry-auth`: the X-Registry-Auth header tsw sends, for each
 * config.json of test/support/registry-auth-cases.ts (auths entries, legacy URL keys, identity
 * tokens, credsStore and credHelpers run as docker-credential-* programs), against what docker
 * 28.2.2 sent (test/golden/registry-auth.json, captured by test/capture/registry-auth.mjs).
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { runCredentialHelper } from '../../src/commands/service/registry-auth.ts';
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

describe('credential helper that exits without reading stdin', () => {
  const work = mkdtempSync(join(tmpdir(), 'tsw-auth-pipe-'));
  const bin = join(work, 'bin');
  writeHelpers(bin);
  after(() => rmSync(work, { recursive: true, force: true }));

  // 1 MiB on stdin cannot fit in the pipe, so the write always meets the closed read end
  // (EPIPE): the race of creds-store-failing-helper, made certain. Go's os/exec ignores a
  // write EPIPE on stdin, so docker reports the exit status.
  it('reports the exit status, not the EPIPE of the stdin write', () => {
    const r = runCredentialHelper(join(bin, 'docker-credential-tswfail'), 'x'.repeat(1 << 20), { PATH: process.env['PATH'] });
    assert.deepEqual(r, { out: 'the keychain is locked\n', err: 'exit status 3' });
  });

  it('a helper that exits 0 without reading stdin succeeds', () => {
    const ok = join(bin, 'docker-credential-tswquiet');
    writeFileSync(ok, '#!/bin/sh\necho \'{"Username":"u","Secret":"s"}\'\n');
    chmodSync(ok, 0o755);
    const r = runCredentialHelper(ok, 'x'.repeat(1 << 20), { PATH: process.env['PATH'] });
    assert.deepEqual(r, { out: '{"Username":"u","Secret":"s"}\n', err: undefined });
  });

  it('a missing helper is exec\'s not-found error', () => {
    const r = runCredentialHelper('docker-credential-tswabsent', 'k', { PATH: bin });
    assert.deepEqual(r, { out: '', err: 'exec: "docker-credential-tswabsent": executable file not found in $PATH' });
  });
});
