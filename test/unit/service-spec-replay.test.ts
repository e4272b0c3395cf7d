/**
 * Every `service create` / `service update` case docker 28.2.2 ran for test/golden/spec/
 * (test/capture/spec.mjs), run again with tsw in-process against a daemon replaying the lab's
 * answers (test/support/replay-routes.ts): the same stdout, stderr and exit code, and the same
 * requests in the same order, byte for byte: method, URL with query, JSON body and
 * X-Registry-Auth header. That covers what no spec read-back shows: the lookups docker makes
 * (networks, secrets, configs, distribution) and the ones it does not make before an error.
 *
 * Normalised: arrays whose order docker takes from a Go map (a case's `unordered` paths) are
 * sorted in both bodies; logrus's `time="…"` stamp; docker's Go stack trace after a panic (tsw
 * prints the panic line only).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { readGolden, sortedJSON } from '../support/golden.ts';
import { startFakeDaemon } from '../support/fake-daemon.ts';
import { fakeIO } from '../support/fakeio.ts';
import { type LabInfo, type Recorded, recorded, replayRoutes } from '../support/replay-routes.ts';

interface CreateCase {
  id: string;
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: Recorded[];
  envFiles?: Record<string, string>;
  unordered?: string[];
  spoof?: boolean;
}

interface UpdateCase {
  id: string;
  name: string;
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: Recorded[];
  inspected: string;
  unordered?: string[];
  spoof?: boolean;
}

interface ErrorCase {
  id: string;
  command: 'create' | 'update';
  argv: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: Recorded[];
  envFiles?: Record<string, string>;
  inspected?: string;
}

type Golden<T> = LabInfo & { cases: T[] };

/**
 * The capture ran in /tmp/tsw-spec-capture (env files, bind mount sources): the cases run in a
 * directory of their own, so two test runs on one machine do not share files.
 */
const CAPTURED_WORK = '/tmp/tsw-spec-capture';
const work = mkdtempSync(join(tmpdir(), 'tsw-spec-'));
const golden = <T>(name: string): Golden<T> => JSON.parse(readGolden(name).split(CAPTURED_WORK).join(work)) as Golden<T>;
const create = golden<CreateCase>('spec/create.json');
const update = golden<UpdateCase>('spec/update.json');
const errors = golden<ErrorCase>('spec/errors.json');

/** The lab's distribution answers, for the error cases (which did not record them). */
const distribution = new Map<string, string>();
for (const c of create.cases) {
  for (const r of c.requests) {
    if (r.method === 'GET' && r.url.includes('/distribution/') && r.response !== undefined) distribution.set(r.url.replace(/^\/v[\d.]+/, ''), r.response);
  }
}

/** Sorts the arrays at these dotted paths of a JSON body. */
function sortedBody(body: string | undefined, paths: readonly string[] | undefined): string | undefined {
  return body === undefined ? body : sortedJSON(body, paths);
}

const stamp = (s: string) => s.replace(/time="[^"]*"/g, 'time="<time>"');

/** docker's panic output: the panic line (the goroutine trace after it is not reproduced). */
function panicLine(stderr: string): string {
  return stderr.startsWith('panic: ') ? `${stderr.split('\n')[0]}\n` : stderr;
}

async function runCase(
  lab: LabInfo,
  argv: readonly string[],
  opts: { recorded: Recorded[]; stderr: string; spoof?: boolean; service?: { name: string; raw: string } },
): Promise<{ stdout: string; stderr: string; code: number; requests: Recorded[] }> {
  const daemon = await startFakeDaemon(replayRoutes({
    lab,
    apiVersion: opts.spoof ? '1.50' : '1.41',
    recorded: opts.recorded,
    stderr: opts.stderr,
    distribution,
    ...(opts.service ? { service: opts.service } : {}),
  }));
  try {
    const f = fakeIO({ env: { ...lab.env, DOCKER_HOST: daemon.host }, exactEnv: true, now: new Date('2026-11-21T21:53:59Z'), uid: 0, cwd: lab.cwd });
    const code = await main(argv, f.io);
    return { stdout: f.stdout(), stderr: f.stderr(), code, requests: daemon.requests.map(recorded) };
  } finally {
    await daemon.close();
  }
}

function writeEnvFiles(lab: LabInfo, files: Record<string, string> | undefined): void {
  for (const [name, b64] of Object.entries(files ?? {})) writeFileSync(join(lab.work, name), Buffer.from(b64, 'base64'));
}

const view = (r: Recorded, unordered?: string[]) => ({
  method: r.method,
  url: r.url,
  body: sortedBody(r.body, unordered),
  registryAuth: r.registryAuth,
});

describe('service create/update: the requests and output of docker, replayed', () => {
  before(() => mkdirSync(create.work, { recursive: true }));
  after(() => rmSync(create.work, { recursive: true, force: true }));

  describe('create (test/golden/spec/create.json)', () => {
    for (const c of create.cases) {
      it(c.id, async () => {
        writeEnvFiles(create, c.envFiles);
        const t = await runCase(create, c.argv, { recorded: c.requests, stderr: c.stderr, ...(c.spoof ? { spoof: true } : {}) });
        assert.equal(stamp(t.stderr), stamp(c.stderr), 'stderr');
        const id = c.requests.find((r) => r.method === 'POST')?.response;
        const createdID = id !== undefined && c.code === 0 ? (JSON.parse(id) as { ID: string }).ID : undefined;
        assert.equal(createdID !== undefined ? t.stdout.split(createdID).join('<service id>') : t.stdout, c.stdout, 'stdout');
        assert.equal(t.code, c.code, 'exit code');
        assert.deepEqual(
          t.requests.map((r) => view(r, c.unordered)),
          c.requests.map((r) => view(r, c.unordered)),
          'requests',
        );
      });
    }
  });

  describe('errors (test/golden/spec/errors.json)', () => {
    for (const c of errors.cases.filter((x) => x.command === 'create')) {
      it(`${c.id}: ${c.argv.slice(5).join(' ')}`, async () => {
        writeEnvFiles(errors, c.envFiles);
        const t = await runCase(errors, c.argv, { recorded: c.requests, stderr: c.stderr });
        assert.equal(stamp(t.stderr), stamp(panicLine(c.stderr)), 'stderr');
        assert.equal(t.stdout, c.stdout, 'stdout');
        assert.equal(t.code, c.code, 'exit code');
        assert.deepEqual(
          t.requests.filter((r) => r.method !== 'GET' || !/\/services\//.test(r.url)).map((r) => ({ method: r.method, url: r.url, status: r.status })),
          c.requests.map((r) => ({ method: r.method, url: r.url, status: r.status })),
          'requests',
        );
      });
    }
  });

  describe('update (test/golden/spec/update.json)', () => {
    for (const c of update.cases) {
      it(c.id, async () => {
        const argv = ['service', 'update', '-d', ...c.args, c.name];
        const t = await runCase(update, argv, {
          recorded: c.requests,
          stderr: c.stderr,
          service: { name: c.name, raw: c.inspected },
          ...(c.spoof ? { spoof: true } : {}),
        });
        assert.equal(stamp(t.stderr), stamp(c.stderr), 'stderr');
        assert.equal(t.stdout, c.stdout, 'stdout');
        assert.equal(t.code, c.code, 'exit code');
        assert.deepEqual(
          t.requests.map((r) => view(r, c.unordered)),
          c.requests.map((r) => view(r, c.unordered)),
          'requests',
        );
      });
    }
  });

  describe('help (test/golden/spec/help.json): flags newer than the daemon are hidden', () => {
    const help = JSON.parse(readGolden('spec/help.json')) as Record<string, string>;
    for (const key of ['create-1.41', 'create-1.50', 'update-1.41', 'update-1.50']) {
      it(key, async () => {
        const [verb, api] = key.split('-') as [string, string];
        const t = await runCase(create, ['service', verb, '--help'], { recorded: [], stderr: '', ...(api === '1.50' ? { spoof: true } : {}) });
        assert.equal(t.stdout, help[key]);
        assert.equal(t.stderr, '');
        assert.equal(t.code, 0);
      });
    }
  });

  describe('update errors (test/golden/spec/errors.json)', () => {
    for (const c of errors.cases.filter((x) => x.command === 'update')) {
      it(`${c.id}: ${c.argv.slice(2, -1).join(' ')}`, async () => {
        writeEnvFiles(errors, c.envFiles);
        const name = c.argv[c.argv.length - 1] ?? '';
        const t = await runCase(errors, c.argv, { recorded: c.requests, stderr: c.stderr, service: { name, raw: c.inspected ?? '' } });
        assert.equal(stamp(t.stderr), stamp(panicLine(c.stderr)), 'stderr');
        assert.equal(t.stdout, c.stdout, 'stdout');
        assert.equal(t.code, c.code, 'exit code');
        assert.deepEqual(
          t.requests.filter((r) => r.method !== 'GET' || !/\/services\//.test(r.url)).map((r) => ({ method: r.method, url: r.url, status: r.status })),
          c.requests.map((r) => ({ method: r.method, url: r.url, status: r.status })),
          'requests',
        );
      });
    }
  });
});
