/**
 * `stack ls|services|ps|rm` without a swarm: docker's answers to argument, flag and name
 * errors replayed (test/golden/stack-cli/, captured by test/capture/stack-cli.mjs); the stack
 * list renderer; and `stack rm`'s task wait, which polls without pause and counts polls (not
 * tasks) that saw a stopped task — run against a scripted Engine.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { stackFilter, validateStackName } from '../../src/commands/stack/common.ts';
import { run as runRm } from '../../src/commands/stack/rm.ts';
import type { Deps, Out } from '../../src/deps.ts';
import type { Engine, RequestOptions } from '../../src/engine/types.ts';
import { DaemonError } from '../../src/errors.ts';
import { renderStackList } from '../../src/render/stack-list.ts';
import { goldenPath } from '../support/golden.ts';
import { fakeIO } from '../support/fakeio.ts';

interface Case {
  args: string[];
  env: Record<string, string>;
  stdout: string;
  stderr: string;
  code: number;
}

describe('stack: docker\'s answers without a swarm (goldens)', () => {
  const dir = goldenPath('stack-cli');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Case;
    const env = Object.entries(c.env).map(([k, v]) => `${k}=${v} `).join('');
    it(`${file.replace(/\.json$/, '')}: ${env}docker ${JSON.stringify(c.args)}`, async () => {
      const f = fakeIO({ env: c.env });
      const code = await main(c.args, f.io);
      assert.equal(f.stderr(), c.stderr);
      assert.equal(f.stdout(), c.stdout);
      assert.equal(code, c.code);
    });
  }
});

describe('stack name check', () => {
  it('rejects names made only of Go whitespace and quotes', () => {
    for (const bad of ['', ' ', '\t\n\v\f\r', '"\'', '\u0085', '\u00a0', '\u1680', '\u2000\u200a', '\u2028\u2029', '\u202f\u205f\u3000']) {
      assert.throws(() => validateStackName(bad), /^StatusError: invalid stack name: "/);
    }
  });
  it('accepts anything else, and does not trim what it accepts', () => {
    for (const ok of ['a', ' a ', '"a"', "'", '\ufeff', '\u200b', 'a b', '_']) {
      if (ok === "'") continue;
      assert.doesNotThrow(() => validateStackName(ok), ok);
    }
    assert.deepEqual(stackFilter(' a ', { label: { x: true }, name: { n: true } }), {
      label: { x: true, 'com.docker.stack.namespace= a ': true },
      name: { n: true },
    });
  });
});

describe('stack list rendering', () => {
  const stacks = [
    { name: 's10', services: 1 },
    { name: 's9', services: 12 },
    { name: 'a<b', services: 2 },
  ];
  it('natural order, SERVICES column', () => {
    assert.equal(renderStackList(stacks, ''), 'NAME      SERVICES\na<b       2\ns9        12\ns10       1\n');
    assert.equal(renderStackList(stacks, 'table'), renderStackList(stacks, ''));
    assert.equal(renderStackList([], ''), 'NAME      SERVICES\n');
  });
  it('json: Services as a string, HTML characters escaped', () => {
    assert.equal(renderStackList(stacks.slice(2), 'json'), '{"Name":"a\\u003cb","Services":"2"}\n');
  });
  it('"raw" is not a stack ls format: a literal template', () => {
    assert.equal(renderStackList(stacks, 'raw'), 'raw\nraw\nraw\n');
  });
  it('unknown fields name docker\'s row type', () => {
    assert.throws(() => renderStackList(stacks, '{{.Nope}}'), /can't evaluate field Nope in type \*formatter\.stackContext/);
  });
});

/** An Engine that answers GET /tasks from a script and everything else from a table. */
function scriptedEngine(taskPolls: string[][], other: Record<string, unknown> = {}): Engine & { calls: string[] } {
  const calls: string[] = [];
  let poll = 0;
  const engine = {
    host: 'unix:///scripted.sock',
    calls,
    apiVersion: async () => '1.41',
    async request<T>(opts: RequestOptions) {
      calls.push(`${opts.method} ${opts.path}`);
      if (opts.method === 'GET' && opts.path === '/tasks') {
        const states = taskPolls[Math.min(poll++, taskPolls.length - 1)] ?? [];
        return { value: states.map((s, i) => ({ ID: `t${i}`, Status: { State: s } })) as T, raw: '' };
      }
      const v = other[`${opts.method} ${opts.path}`];
      if (v instanceof Error) throw v;
      return { value: (v ?? (opts.method === 'GET' ? [] : null)) as T, raw: '' };
    },
  };
  return engine as unknown as Engine & { calls: string[] };
}

function sink(): Out & { text: string } {
  const s = { text: '', isTTY: false, columns: 0, write: (t: string) => void (s.text += t) };
  return s;
}

function depsFor(engine: Engine): { deps: Deps; out: Out & { text: string }; err: Out & { text: string } } {
  const out = sink();
  const err = sink();
  const deps = { stdout: out, stderr: err, engine: async () => engine } as unknown as Deps;
  return { deps, out, err };
}

const oneService = { 'GET /services': [{ ID: 'svc1', Spec: { Name: 'st_app' } }] };
const polls = (e: { calls: string[] }) => e.calls.filter((c) => c === 'GET /tasks').length;

describe('stack rm --detach=false: docker 28\'s wait loop', () => {
  it('no tasks: one poll', async () => {
    const e = scriptedEngine([[]], oneService);
    await runRm({ namespaces: ['st'], detach: false }, depsFor(e).deps);
    assert.equal(polls(e), 1);
  });
  it('counts polls that saw a stopped task, until the count equals the number of tasks', async () => {
    const e = scriptedEngine([['running', 'running'], ['running', 'running'], ['shutdown', 'running'], ['shutdown', 'running']], oneService);
    await runRm({ namespaces: ['st'], detach: false }, depsFor(e).deps);
    // polls 3 and 4 each saw a stopped task: 2 == 2 tasks, although one task still runs.
    assert.equal(polls(e), 4);
  });
  it('"complete", "failed" and "rejected" count as stopped; "running" and earlier do not', async () => {
    for (const state of ['complete', 'failed', 'rejected', 'shutdown']) {
      const e = scriptedEngine([['starting'], [state]], oneService);
      await runRm({ namespaces: ['st'], detach: false }, depsFor(e).deps);
      assert.equal(polls(e), 2, state);
    }
  });
  it('detached (the default), and after a failed removal: no wait at all', async () => {
    const e = scriptedEngine([['running']], oneService);
    await runRm({ namespaces: ['st'], detach: true }, depsFor(e).deps);
    assert.equal(polls(e), 0);
    const f = scriptedEngine([['running']], { ...oneService, 'DELETE /services/svc1': new DaemonError('boom', 500) });
    const { deps, err } = depsFor(f);
    await assert.rejects(runRm({ namespaces: ['st'], detach: false }, deps), /^StatusError: failed to remove some resources from stack: st$/);
    assert.equal(err.text, 'Failed to remove service svc1: Error response from daemon: boom');
    assert.equal(polls(f), 0);
  });
  it('a failing poll: "failed to wait on tasks of stack: …", the next stack is still removed', async () => {
    const e = scriptedEngine([], oneService);
    const request = e.request.bind(e);
    e.request = (async (opts: RequestOptions) => {
      if (opts.path === '/tasks') throw new DaemonError('no tasks today', 500);
      return request(opts);
    }) as Engine['request'];
    const { deps, out } = depsFor(e);
    await assert.rejects(
      runRm({ namespaces: ['st', 'st2'], detach: false }, deps),
      /^StatusError: failed to wait on tasks of stack: st: failed to get tasks: Error response from daemon: no tasks today\nfailed to wait on tasks of stack: st2: failed to get tasks: Error response from daemon: no tasks today$/,
    );
    assert.equal(out.text, 'Removing service st_app\nRemoving service st_app\n');
  });
  it('a failing list ends the command at once (errors of earlier stacks dropped)', async () => {
    const e = scriptedEngine([], { ...oneService, 'DELETE /services/svc1': new DaemonError('boom', 500), 'GET /networks': new DaemonError('list failed', 500) });
    const { deps } = depsFor(e);
    await assert.rejects(runRm({ namespaces: ['st'], detach: true }, deps), /^DaemonError: Error response from daemon: list failed$/);
    assert.ok(!e.calls.includes('DELETE /services/svc1'));
  });
});
