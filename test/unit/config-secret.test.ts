/**
 * `config`/`secret` without a lab, against what docker 28 did (test/capture/config-secret.mjs):
 *
 *  - requests.json: tsw sends the same requests as docker (method, URL, body byte for byte)
 *    for create (file, stdin, labels, --template-driver, --driver) and rm, seen by the
 *    recording fake daemon; secret data appears in request bodies only, never in a URL;
 *  - render.json: ls in every format (times against the clock docker read), config.json's
 *    formats, inspect JSON and --pretty (binary data, unicode, many labels), template errors.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { runInspect, runLs, runRm } from '../../src/commands/config/objects.ts';
import type { ConfigFile } from '../../src/configfile.ts';
import type { Deps, Out } from '../../src/deps.ts';
import { specJSON, type SwarmSecretLike } from '../../src/engine/secrets.ts';
import { DaemonError } from '../../src/errors.ts';
import type { Engine, RequestOptions } from '../../src/engine/types.ts';
import { labelsColumn, renderConfigList, renderConfigPretty, renderSecretList } from '../../src/render/config-secret.ts';
import { startFakeDaemon, type FakeDaemon } from '../support/fake-daemon.ts';
import { objectRoutes } from '../support/object-routes.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';

interface SeenRequest {
  method: string;
  url: string;
  body: string;
}

interface RequestCase {
  args: string[];
  stdin?: string;
  code: number;
  stderr: string;
  requests: SeenRequest[];
}

const reqGolden = JSON.parse(readGolden('config-secret/requests.json')) as {
  files: { data: string; bin: number[] };
  cases: RequestCase[];
};

describe('the requests tsw sends are docker 28\'s (recording fake daemon)', () => {
  let fake: FakeDaemon;
  let dir = '';
  before(async () => {
    fake = await startFakeDaemon(objectRoutes({}));
    dir = mkdtempSync(join(tmpdir(), 'tsw-cs-unit-'));
    writeFileSync(join(dir, 'data'), reqGolden.files.data);
    writeFileSync(join(dir, 'bin'), Buffer.from(reqGolden.files.bin));
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const c of reqGolden.cases) {
    it(`docker ${c.args.join(' ')}`, async () => {
      fake.requests.length = 0;
      const args = c.args.map((a) => (a.startsWith('FILE:') ? join(dir, a.slice(5)) : a));
      const f = fakeIO({ env: { DOCKER_HOST: fake.host }, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) });
      await main(args, f.io);
      assert.deepEqual(
        fake.requests.map((r) => ({ method: r.method, url: r.url, body: r.body })),
        c.requests,
      );
    });
  }

  it('secret data is only ever in the body, base64-encoded', async () => {
    const secret = 'hunter2-very-secret-value';
    const b64 = Buffer.from(secret).toString('base64');
    for (const args of [
      ['secret', 'create', 'pw', '-'],
      ['-D', 'secret', 'create', '-l', 'a=b', 'pw', '-'],
      ['secret', 'create', 'pw', join(dir, 'secretfile')],
    ]) {
      writeFileSync(join(dir, 'secretfile'), secret);
      fake.requests.length = 0;
      const f = fakeIO({ env: { DOCKER_HOST: fake.host }, stdin: secret });
      await main(args, f.io);
      assert.equal(fake.requests.length, 1, args.join(' '));
      const [r] = fake.requests;
      for (const needle of [secret, b64, encodeURIComponent(b64)]) {
        assert.ok(!(r?.url ?? '').includes(needle), `URL ${r?.url} holds the secret`);
        assert.ok(!f.stdout().includes(needle) && !f.stderr().includes(needle), 'printed the secret');
      }
      assert.equal(JSON.parse(r?.body ?? '{}').Data, b64);
    }
  });
});

describe('specJSON (encoding/json of ConfigSpec / SecretSpec)', () => {
  it('is what docker sent for the same spec', () => {
    const c = reqGolden.cases.find((x) => x.args.join(' ').startsWith('config create -l b=2'));
    assert.ok(c);
    assert.equal(
      `${specJSON('configs', { Name: 'c3', Labels: { b: '2', a: '3', solo: '', x: '<y>' }, Data: Buffer.from(reqGolden.files.bin) })}\n`,
      c.requests[0]?.body,
    );
  });
  it('leaves Driver out of configs and Data out of driver-backed secrets', () => {
    assert.equal(specJSON('configs', { Name: 'x', Labels: {}, Data: Buffer.from('d'), Driver: 'v' }), '{"Name":"x","Labels":{},"Data":"ZA=="}');
    assert.equal(specJSON('secrets', { Name: 'x', Labels: {}, Driver: 'v' }), '{"Name":"x","Labels":{},"Driver":{"Name":"v"}}');
  });
});

interface RenderCase {
  args: string[];
  now: number;
  configFile?: boolean;
  singleLabel?: boolean;
  stdout: string;
  stderr: string;
  code: number;
}

interface Fixture {
  id: string;
  raw: string;
  multiLabel?: boolean;
}

const g = JSON.parse(readGolden('config-secret/render.json')) as {
  configJson: ConfigFile;
  configs: Fixture[];
  secrets: Fixture[];
  cases: RenderCase[];
};

/** An Engine that serves the fixtures as the capture's fake daemon did (no socket). */
function stubEngine(kind: 'config' | 'secret', fixtures: readonly Fixture[]): Engine {
  const request = async <T>(o: RequestOptions): Promise<{ value: T; raw: string }> => {
    const base = `/${kind}s`;
    if (o.method === 'GET' && o.path === base) {
      const raw = `[${fixtures.map((f) => f.raw.trim()).join(',')}]\n`;
      return { value: JSON.parse(raw) as T, raw };
    }
    const ref = o.path.slice(base.length + 1);
    const found = fixtures.find((f) => f.id === ref);
    if (!found) throw new DaemonError(`${kind} ${ref} not found`, 404);
    if (o.method === 'DELETE') return { value: undefined as T, raw: '' };
    return { value: JSON.parse(found.raw) as T, raw: found.raw };
  };
  return { request, apiVersion: async () => '1.41' } as unknown as Engine;
}

function sink(): Out & { text: string; bytes: Buffer[] } {
  const s = {
    text: '',
    bytes: [] as Buffer[],
    isTTY: false,
    columns: 0,
    write(t: string) {
      s.bytes.push(Buffer.from(t, 'utf8'));
    },
    writeBytes(b: Uint8Array) {
      s.bytes.push(Buffer.from(b));
    },
  };
  return s;
}

function depsFor(engine: Engine, now: number, config: ConfigFile): Deps & { stdout: ReturnType<typeof sink> } {
  return {
    stdout: sink(),
    stderr: sink(),
    stdin: Readable.from(['']),
    env: {},
    now: () => new Date(now),
    engine: async () => engine,
    config,
    globals: {} as Deps['globals'],
    system: { platform: 'linux', uid: 0, cwd: '/', homedir: '/', argv0: 'tsw', nodeVersion: 'v20', arch: 'amd64' },
  };
}

function lsOptions(args: readonly string[]): { quiet: boolean; format: string; filter: string[] } {
  const i = args.indexOf('--format');
  return { quiet: args.includes('-q'), format: i >= 0 ? (args[i + 1] ?? '') : '', filter: [] };
}

describe('ls, inspect and inspect --pretty print what docker 28 printed (fixtures)', () => {
  for (const c of g.cases) {
    it(`docker ${c.args.join(' ')}${c.configFile ? ' (config.json)' : ''}${c.singleLabel ? ' (one label or none)' : ''}`, async () => {
      const kind = c.args[0] as 'config' | 'secret';
      let fixtures = kind === 'config' ? g.configs : g.secrets;
      if (c.singleLabel) fixtures = fixtures.filter((f) => !f.multiLabel);
      const deps = depsFor(stubEngine(kind, fixtures), c.now, c.configFile ? g.configJson : {});
      let err: unknown;
      try {
        if (c.args[1] === 'ls') await runLs(kind, lsOptions(c.args), deps);
        else if (c.args[1] === 'inspect') {
          const pretty = c.args.includes('--pretty');
          const fi = c.args.indexOf('--format');
          const refs = c.args.slice(2).filter((a, k, all) => a !== '--pretty' && a !== '--format' && all[k - 1] !== '--format');
          await runInspect(kind, { refs, format: fi >= 0 ? (c.args[fi + 1] ?? '') : '', pretty }, deps);
        } else await runRm(kind, c.args.slice(2), deps);
      } catch (e) {
        err = e;
      }
      assert.equal(Buffer.concat(deps.stdout.bytes).toString('latin1'), c.stdout);
      assert.equal(err === undefined ? '' : `${(err as Error).message}\n`, c.stderr);
      assert.equal(err === undefined ? 0 : 1, c.code);
    });
  }

  it('the cases cover what they should', () => {
    const all = g.cases.map((c) => c.stdout).join('');
    for (const text of ['About a minute ago', 'Less than a second ago', '2 years ago', 'weeks ago', '+0000 utc', 'Driver:            vault', ' - b\n', '\xff\xfe']) {
      assert.ok(all.includes(text), text);
    }
  });
});

describe('renderers', () => {
  const fx = (labels: Record<string, string> | null): SwarmSecretLike => ({ ID: 'id1', CreatedAt: '2026-01-01T00:00:00Z', UpdatedAt: '2026-01-01T00:00:00Z', Spec: { Name: 'n', Labels: labels } });
  it('LABELS: pairs sorted by key (docker: Go map order), nil and empty print nothing', () => {
    assert.equal(labelsColumn({ z: '1', a: '', m: '<>' }), 'a=,m=<>,z=1');
    assert.equal(labelsColumn(null), '');
    assert.equal(labelsColumn({}), '');
  });
  it('JSON rows escape HTML characters, keys sorted', () => {
    const out = renderSecretList([fx({ k: '<&>' })], 'json', false, new Date('2026-01-01T00:01:30Z'));
    assert.equal(out, '{"CreatedAt":"About a minute ago","Driver":"","ID":"id1","Labels":"k=\\u003c\\u0026\\u003e","Name":"n","UpdatedAt":"About a minute ago"}\n');
  });
  it('a clock behind the object: Less than a second ago', () => {
    assert.equal(renderConfigList([fx(null)], '{{.CreatedAt}}', false, new Date('2025-01-01T00:00:00Z')), 'Less than a second ago\n');
  });
  it('--pretty data that is not UTF-8 comes out byte for byte', () => {
    const bytes = renderConfigPretty([{ ...fx(null), Spec: { Name: 'n', Data: Buffer.from([0xff, 0x00, 0xc3]).toString('base64') } }]);
    assert.deepEqual([...Buffer.from(bytes).subarray(-4)], [0xff, 0x00, 0xc3, 0x0a]);
  });
});
