/**
 * `node inspect --pretty` (src/render/node-inspect.ts) against docker 28's output for the same
 * nodes (test/golden/node/pretty.json, captured by test/capture/node.mjs): a manager and a
 * worker of the lab, plus variants with a name, labels, a status message, engine labels,
 * plugins of several types, an empty TLS subject and a node with nothing but an ID.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import type { SwarmNode } from '../../src/engine/types.ts';
import { NodeInspectContext, renderNodeInspectPretty } from '../../src/render/node-inspect.ts';
import { startFakeDaemon, type FakeDaemon } from '../support/fake-daemon.ts';
import { objectRoutes } from '../support/object-routes.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
}

const g = JSON.parse(readGolden('node/pretty.json')) as {
  selfID: string;
  nodes: { id: string; hostname: string; raw: string }[];
  cases: Case[];
};

const byID = new Map(g.nodes.map((n) => [n.id, JSON.parse(n.raw) as SwarmNode]));

describe('renderNodeInspectPretty (fixture + docker 28 output)', () => {
  for (const c of g.cases.filter((x) => x.code === 0)) {
    const refs = c.args.slice(3).map((r) => (r === 'self' ? g.selfID : r));
    it(c.args.slice(3).join(' '), () => {
      const list = refs.map((r) => byID.get(r));
      assert.ok(list.every((n) => n !== undefined));
      assert.equal(renderNodeInspectPretty(list as SwarmNode[]), c.stdout);
    });
  }

  it('covers the optional sections', () => {
    const all = g.cases.filter((x) => x.code === 0).map((x) => x.stdout).join('');
    for (const line of ['Name:\t\t\t', 'Labels:\n', ' Message:', 'Manager Status:', 'Plugins:', 'Engine Labels:', 'TLS Info:']) {
      assert.ok(all.includes(line), line);
    }
  });

  it('CPUs are whole (integer division), memory is 1024-based', () => {
    const ctx = new NodeInspectContext({ ID: 'x', Description: { Resources: { NanoCPUs: 2_999_999_999, MemoryBytes: 1536 } } });
    assert.equal(ctx.ResourceNanoCPUs, 2);
    assert.equal(ctx.ResourceMemory, '1.5KiB');
  });
});

describe('tsw node inspect --pretty replays docker 28 (fake daemon serving the fixture)', () => {
  let fake: FakeDaemon;
  before(async () => {
    fake = await startFakeDaemon(objectRoutes({ selfID: g.selfID, nodes: g.nodes }));
  });
  after(() => fake.close());
  for (const c of g.cases) {
    it(`docker ${c.args.join(' ')}`, async () => {
      const f = fakeIO({ env: { DOCKER_HOST: fake.host } });
      const code = await main(c.args, f.io);
      assert.equal(f.stdout(), c.stdout);
      assert.equal(f.stderr(), c.stderr);
      assert.equal(code, c.code);
    });
  }
});
