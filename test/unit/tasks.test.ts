/**
 * The task table (src/render/tasks.ts) and `node ps` against docker 28's own output for the
 * same fixture (test/golden/node/ps.json, captured by test/capture/node.mjs): real lab task
 * bodies plus variants (history, global tasks, errors, ports, odd images, unknown services and
 * nodes), at the clock reading saved with them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import type { Task } from '../../src/engine/tasks.ts';
import type { SwarmNode } from '../../src/engine/types.ts';
import { imageWithoutDigest, parseNormalizedNamed } from '../../src/render/reference.ts';
import { defaultTaskFormat, renderTasks, taskFormat, DEFAULT_TASK_TABLE_FORMAT } from '../../src/render/tasks.ts';
import { startFakeDaemon, type FakeDaemon } from '../support/fake-daemon.ts';
import { objectRoutes } from '../support/object-routes.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';

interface Case {
  args: string[];
  config?: Record<string, string>;
  stdout: string;
  stderr: string;
  code: number;
}

interface PsGolden {
  now: string;
  selfID: string;
  nodes: { id: string; hostname: string; raw: string }[];
  services: Record<string, { Spec: { Name: string } }>;
  tasks: Task[];
  cases: Case[];
}

const g = JSON.parse(readGolden('node/ps.json')) as PsGolden;
const now = new Date(g.now);

/** The flags of a captured `node ps` command line. */
function parseArgs(args: string[]) {
  const refs: string[] = [];
  const o = { quiet: false, noTrunc: false, noResolve: false, format: '', refs };
  for (let i = 2; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-q') o.quiet = true;
    else if (a === '--no-trunc') o.noTrunc = true;
    else if (a === '--no-resolve') o.noResolve = true;
    else if (a === '--format') o.format = args[++i] as string;
    else refs.push(a);
  }
  return o;
}

function nodeName(id: string): string {
  const n = g.nodes.find((x) => x.id === id);
  if (!n) return id;
  const v = JSON.parse(n.raw) as SwarmNode;
  return v.Spec?.Name || v.Description?.Hostname || id;
}

describe('renderTasks (fixture + docker 28 output)', () => {
  // Single-node cases without errors: the tasks are those of that node.
  const cases = g.cases.filter((c) => c.code === 0 && c.config === undefined && parseArgs(c.args).refs.length <= 1);
  assert.ok(cases.length >= 1);
  for (const c of cases) {
    it(c.args.slice(2).join(' ') || '(self)', () => {
      const o = parseArgs(c.args);
      const nodeID = o.refs[0] ?? g.selfID;
      const tasks = g.tasks.filter((t) => t.NodeID === nodeID);
      const serviceNames = new Map<string, string>();
      const nodeNames = new Map<string, string>();
      for (const t of tasks) {
        const sid = t.ServiceID ?? '';
        serviceNames.set(sid, o.noResolve ? sid : (g.services[sid]?.Spec.Name ?? sid));
        const nid = t.NodeID ?? '';
        nodeNames.set(nid, o.noResolve ? nid : nodeName(nid));
      }
      const out = renderTasks({
        tasks,
        format: o.format || defaultTaskFormat(undefined, o.quiet),
        quiet: o.quiet,
        trunc: !o.noTrunc,
        serviceNames,
        nodeNames,
        now,
      });
      assert.equal(out, c.stdout);
    });
  }

  it('history rows are indented only in table formats', () => {
    const c = g.cases.find((x) => x.args.includes('{{.Name}}|{{.Image}}|{{.Error}}|{{.Ports}}'));
    assert.ok(c);
    assert.ok(!c.stdout.includes('\\_'));
    assert.match(g.cases[0]?.stdout ?? '', / \\_ web\.1 /);
  });

  it('tasksFormat from config.json, ignored with -q', () => {
    assert.equal(defaultTaskFormat('table {{.Name}}', false), 'table {{.Name}}');
    assert.equal(defaultTaskFormat('table {{.Name}}', true), 'table');
    assert.equal(defaultTaskFormat(undefined, false), 'table');
    assert.equal(taskFormat('table', false), DEFAULT_TASK_TABLE_FORMAT);
    assert.equal(taskFormat('table', true), '{{.ID}}');
    assert.equal(taskFormat('raw', true), 'id: {{.ID}}');
    assert.equal(taskFormat('{{.Name}}', true), '{{.Name}}');
  });
});

describe('IMAGE without digest (distribution/reference) as docker shows it', () => {
  const c = g.cases.find((x) => x.args.includes('{{.ID}}|{{.Image}}'));
  assert.ok(c);
  const shown = new Map(
    c.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('|') as [string, string]),
  );
  // Tasks without a node, or on a node that does not exist, are in no node's list.
  for (const t of g.tasks.filter((x) => shown.has(x.ID.slice(0, 12)))) {
    const image = t.Spec?.ContainerSpec?.Image ?? '';
    it(image, () => {
      assert.equal(imageWithoutDigest(image), shown.get(t.ID.slice(0, 12)));
    });
  }
  it('rejects what ParseNormalizedNamed rejects', () => {
    assert.equal(parseNormalizedNamed('a'.repeat(64)), undefined);
    assert.equal(parseNormalizedNamed('Upper/Case:tag'), undefined);
    assert.equal(parseNormalizedNamed('upper/case:tag')?.domain, 'docker.io');
    assert.equal(parseNormalizedNamed('x:1@sha256:abc'), undefined);
    assert.equal(parseNormalizedNamed('UPPER'), undefined);
    assert.deepEqual(parseNormalizedNamed('index.docker.io/user/app:v1'), { domain: 'docker.io', path: 'user/app', tag: 'v1', digest: '' });
  });
});

describe('tsw node ps replays docker 28 (fake daemon serving the fixture)', () => {
  let fake: FakeDaemon;
  before(async () => {
    fake = await startFakeDaemon(objectRoutes({ selfID: g.selfID, nodes: g.nodes, services: g.services, tasks: g.tasks }));
  });
  after(() => fake.close());

  for (const c of g.cases) {
    it(`docker ${c.args.join(' ')}${c.config ? ' (config.json)' : ''}`, async () => {
      let dir: string | undefined;
      const env: Record<string, string> = { DOCKER_HOST: fake.host };
      if (c.config) {
        dir = mkdtempSync(join(tmpdir(), 'tsw-cfg-'));
        writeFileSync(join(dir, 'config.json'), JSON.stringify(c.config));
        env['DOCKER_CONFIG'] = dir;
      }
      try {
        const f = fakeIO({ env, now });
        const code = await main(c.args, f.io);
        assert.equal(f.stdout(), c.stdout);
        assert.equal(f.stderr(), c.stderr);
        assert.equal(code, c.code);
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('several nodes: one filter set grows, so earlier nodes are asked again (as docker)', async () => {
    fake.requests.length = 0;
    const f = fakeIO({ env: { DOCKER_HOST: fake.host }, now });
    await main(['node', 'ps', '-q', g.nodes[0]?.id ?? '', g.nodes[1]?.id ?? ''], f.io);
    const taskQueries = fake.requests.filter((r) => r.url.includes('/tasks'));
    assert.equal(taskQueries.length, 2);
    const second = decodeURIComponent(taskQueries[1]?.url ?? '');
    assert.ok(second.includes(g.nodes[0]?.id ?? '?') && second.includes(g.nodes[1]?.id ?? '?'));
  });
});
