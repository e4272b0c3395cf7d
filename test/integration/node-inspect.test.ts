/**
 * `tsw node inspect` against `docker node inspect` on the lab swarm: same stdout, stderr and
 * exit code for JSON, --format json, templates, --pretty, self, several nodes and missing ones.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { labUp } from '../support/oracle.ts';
import { assertSame, hostOf, listNodes, type LabNode } from '../support/node-lab.ts';

describe('node inspect (differential, lab swarm)', () => {
  let nodes: LabNode[] = [];
  const id = (host: string) => nodes.find((n) => n.Description.Hostname === host)?.ID ?? host;

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    nodes = await listNodes();
  });

  it('self: the daemon bodies as an indented array', () => {
    const d = assertSame(['node', 'inspect', 'self']);
    assert.match(d.stdout, /^\[\n {4}\{\n {8}"ID": "/);
    assert.equal(d.code, 0);
  });

  it('by hostname, full ID and ID prefix, several at once', () => {
    assertSame(['node', 'inspect', 'node-1', id('node-2'), id('node-3').slice(0, 6)]);
  });

  it('--format json: one compact line', () => {
    const d = assertSame(['node', 'inspect', '--format', 'json', 'node-1', 'node-2', 'node-3']);
    assert.equal(d.stdout.split('\n').length, 2);
  });

  it('missing nodes: what was found is printed, then every error, exit 1', () => {
    const d = assertSame(['node', 'inspect', 'node-1', 'no-such-node', 'node-3', 'other-missing']);
    assert.equal(d.code, 1);
    assert.equal(d.stderr, 'Error response from daemon: node no-such-node not found\nError response from daemon: node other-missing not found\n');
  });

  it('only missing nodes: [] and the error', () => {
    const d = assertSame(['node', 'inspect', 'no-such-node']);
    assert.equal(d.stdout, '[]\n');
  });

  it('an empty reference', () => void assertSame(['node', 'inspect', '']));

  for (const tmpl of [
    '{{.ID}}',
    '{{.Description.Hostname}} {{.Spec.Role}} {{.Spec.Availability}} {{.Status.State}}',
    '{{json .Spec}}',
    '{{.Spec}}',
    '{{.Status}}',
    '{{.ManagerStatus}}',
    '{{if .ManagerStatus}}{{.ManagerStatus.Leader}} {{.ManagerStatus.Addr}}{{end}}',
    '{{.CreatedAt}} {{.Version}}',
    '{{.Description.Resources.NanoCPUs}} {{.Description.Platform}}',
    '{{range .Description.Engine.Plugins}}{{.Type}}:{{.Name}} {{end}}',
    '{{json .Description.TLSInfo}}',
    '{{.Spec.Labels}}',
    '{{index .Spec.Labels "nope"}}',
    '{{.Nope}}',
    '{{.Spec.Nope}}',
    '{{.ID',
    '{{nofunc .ID}}',
    'table',
    'raw',
    'json ',
    '',
  ]) {
    it(`--format ${JSON.stringify(tmpl)}`, () => void assertSame(['node', 'inspect', '--format', tmpl, 'self', 'node-2', 'missing']));
  }

  it('-f is --format', () => void assertSame(['node', 'inspect', '-f', '{{.ID}}', 'node-3']));

  describe('--pretty', () => {
    it('the manager (TLS info, manager status)', () => {
      const d = assertSame(['node', 'inspect', '--pretty', 'self']);
      assert.match(d.stdout, /^ID:\t\t\t/);
      assert.match(d.stdout, /\nJoined at: {13}\t\d{4}-\d\d-\d\d [\d:.]+ \+0000 utc\n/);
      assert.match(d.stdout, /\nManager Status:\n/);
    });
    it('a worker', () => void assertSame(['node', 'inspect', '--pretty', 'node-2']));
    it('several nodes, back to back', () => void assertSame(['node', 'inspect', '--pretty', 'node-1', 'node-2', 'node-3']));
    it('a missing node: nothing printed, the error, exit 1', () => {
      const d = assertSame(['node', 'inspect', '--pretty', 'node-1', 'missing', 'node-2']);
      assert.equal(d.stdout, '');
      assert.equal(d.code, 1);
    });
    it('wins over --format', () => void assertSame(['node', 'inspect', '--pretty', '--format', '{{.ID}}', 'node-3']));
    it('--format pretty is the same', () => void assertSame(['node', 'inspect', '--format', 'pretty', 'node-3']));
    it('"pretty" with more after it is refused', () => {
      const d = assertSame(['node', 'inspect', '--format', 'pretty {{.ID}}', 'node-3']);
      assert.equal(d.stderr, 'cannot supply extra formatting options to the pretty template\n');
    });
  });

  describe('on a worker', () => {
    const env = { DOCKER_HOST: hostOf(2) };
    it('self: the daemon says it is not a manager', () => {
      const d = assertSame(['node', 'inspect', 'self'], env);
      assert.match(d.stderr, /^Error response from daemon: This node is not a swarm manager\. Worker nodes/);
    });
    it('--pretty self', () => void assertSame(['node', 'inspect', '--pretty', 'self'], env));
  });

  it('daemon unreachable', () => {
    const d = assertSame(['node', 'inspect', 'self', 'node-1'], { DOCKER_HOST: 'unix:///run/tsw-lab/no-such.sock' });
    assert.equal(d.code, 1);
  });
});
