/**
 * docker's inspect machinery (src/render/inspect.ts) against docker 28's output for the same
 * objects (test/golden/node/inspect.json and config-inspect.json, captured by
 * test/capture/node.mjs): typed values marshalled again (node), raw bodies re-indented
 * (config), templates with the raw-JSON fallback, and the collected errors.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { main } from '../../src/cli.ts';
import { StatusError } from '../../src/errors.ts';
import { createInspector, inspectFailure, inspectRefs, type InspectElement } from '../../src/render/inspect.ts';
import { typed, type TypedKind } from '../../src/render/typed.ts';
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

interface NodeGolden {
  selfID: string;
  nodes: { id: string; hostname: string; raw: string }[];
  cases: Case[];
}

interface ConfigGolden {
  configs: { id: string; raw: string }[];
  cases: Case[];
}

const nodes = JSON.parse(readGolden('node/inspect.json')) as NodeGolden;
const configs = JSON.parse(readGolden('node/config-inspect.json')) as ConfigGolden;

function split(args: string[]): { format: string; refs: string[] } {
  const refs: string[] = [];
  let format = '';
  for (let i = 2; i < args.length; i++) {
    if (args[i] === '--format' || args[i] === '-f') format = args[++i] ?? '';
    else refs.push(args[i] ?? '');
  }
  return { format, refs };
}

/** What docker printed for an inspect run: stdout, then the joined errors on stderr. */
async function replay(
  c: Case,
  kind: TypedKind,
  objects: { id: string; raw: string }[],
  keepRaw: boolean,
  self = '',
): Promise<void> {
  const { format, refs } = split(c.args);
  const word = kind === 'swarm.Node' ? 'node' : 'config';
  const run = await inspectRefs(refs, format, async (ref): Promise<InspectElement> => {
    const id = ref === 'self' ? self : ref;
    const o = objects.find((x) => x.id === id);
    if (!o) throw new Error(`Error response from daemon: ${word} ${ref} not found`);
    const value = typed(kind, JSON.parse(o.raw));
    return keepRaw ? { value, raw: o.raw } : { value };
  });
  const failure = inspectFailure(run);
  assert.equal(run.output, c.stdout);
  assert.equal(failure ? `${failure.message}\n` : '', c.stderr);
  assert.equal(failure ? failure.status : 0, c.code);
}

describe('inspect without a raw body: the typed value marshalled again (node inspect)', () => {
  for (const c of nodes.cases) {
    it(c.args.slice(2).join(' ').slice(0, 120), () => replay(c, 'swarm.Node', nodes.nodes, false, nodes.selfID));
  }
});

describe('inspect with raw bodies: re-indented, raw-JSON template fallback (config inspect)', () => {
  for (const c of configs.cases) {
    it(c.args.slice(2).join(' ').slice(0, 120), () => replay(c, 'swarm.Config', configs.configs, true));
  }
});

describe('createInspector', () => {
  it('a template that does not parse is status 64 before anything is fetched', async () => {
    let fetched = 0;
    await assert.rejects(
      inspectRefs(['a'], '{{.ID', async () => {
        fetched++;
        return { value: {} };
      }),
      (e: unknown) => e instanceof StatusError && e.status === 64 && /^template parsing error: template: :1: unclosed action/.test(e.message),
    );
    assert.equal(fetched, 0);
  });

  it('nothing found: [] for JSON, one empty line for a template', () => {
    assert.equal(createInspector('').flush(), '[]\n');
    assert.equal(createInspector('json').flush(), '[]\n');
    assert.equal(createInspector('{{.ID}}').flush(), '\n');
  });

  it('raw bodies win over typed-only elements in the JSON output (as docker)', () => {
    const i = createInspector('json');
    i.inspect({ value: { x: 1 } });
    i.inspect({ value: {}, raw: '{"a": 1}' });
    assert.equal(i.flush(), '[{"a":1}]\n');
  });
});

describe('tsw node inspect replays docker 28 (fake daemon serving the fixture)', () => {
  let fake: FakeDaemon;
  before(async () => {
    fake = await startFakeDaemon(objectRoutes({ selfID: nodes.selfID, nodes: nodes.nodes }));
  });
  after(() => fake.close());
  for (const c of nodes.cases) {
    it(`docker ${c.args.join(' ')}`.slice(0, 140), async () => {
      const f = fakeIO({ env: { DOCKER_HOST: fake.host } });
      const code = await main(c.args, f.io);
      assert.equal(f.stdout(), c.stdout);
      assert.equal(f.stderr(), c.stderr);
      assert.equal(code, c.code);
    });
  }
});
