/**
 * `node update`, `promote`, `demote`, `rm`: what tsw prints AND the requests it sends (method,
 * URL with query, JSON body byte for byte) against what docker 28 printed and sent for the same
 * fixture (test/golden/node/writes.json, captured by test/capture/node.mjs through a fake
 * Engine API that records requests).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { nodeSpecBody, nodeSpecJSON } from '../../src/engine/nodes.ts';
import { startFakeDaemon, type FakeDaemon, type SeenRequest } from '../support/fake-daemon.ts';
import { objectRoutes } from '../support/object-routes.ts';
import { fakeIO } from '../support/fakeio.ts';
import { readGolden } from '../support/golden.ts';

interface Case {
  args: string[];
  stdout: string;
  stderr: string;
  code: number;
  requests: SeenRequest[];
}

const g = JSON.parse(readGolden('node/writes.json')) as {
  nodes: { id: string; hostname: string; raw: string }[];
  cases: Case[];
};

describe('node writes replay docker 28: output and requests', () => {
  let fake: FakeDaemon;
  before(async () => {
    fake = await startFakeDaemon(objectRoutes({ nodes: g.nodes }));
  });
  after(() => fake.close());

  for (const c of g.cases) {
    it(`docker ${c.args.join(' ')}`, async () => {
      fake.requests.length = 0;
      const f = fakeIO({ env: { DOCKER_HOST: fake.host } });
      const code = await main(c.args, f.io);
      assert.equal(f.stdout(), c.stdout);
      assert.equal(f.stderr(), c.stderr);
      assert.equal(code, c.code);
      assert.deepEqual(
        fake.requests.map((r) => ({ method: r.method, url: r.url, body: r.body })),
        c.requests.map((r) => ({ method: r.method, url: r.url, body: r.body })),
      );
    });
  }
});

describe('the NodeSpec body', () => {
  it('keeps Go field order, omits empty Name/Role/Availability, sorts and escapes labels', () => {
    const spec = nodeSpecBody({ ID: 'x', Spec: { Labels: { z: '1', 'a<': '&' }, Availability: 'drain' } });
    assert.equal(nodeSpecJSON(spec), '{"Labels":{"a\\u003c":"\\u0026","z":"1"},"Availability":"drain"}');
    assert.equal(nodeSpecJSON(nodeSpecBody({ ID: 'x' })), '{"Labels":null}');
  });
});
