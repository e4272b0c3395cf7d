/**
 * `tsw version` against `docker version`: the server part is the engine's and must be
 * identical; the client part describes tsw (its version, Node.js) in docker's layout.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { labUp, runBoth, runTsw } from '../support/oracle.ts';

/** The text from the blank line before "Server:" to the end. */
function serverPart(out: string): string {
  const i = out.indexOf('\nServer:');
  return i < 0 ? '' : out.slice(i);
}

describe('version (differential, lab swarm)', () => {
  before(() => assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test'));

  it('prints the same Server section as docker', () => {
    const { docker, tsw } = runBoth(['version']);
    assert.equal(tsw.code, 0, tsw.stderr);
    assert.notEqual(serverPart(docker.stdout), '');
    assert.equal(serverPart(tsw.stdout), serverPart(docker.stdout));
    assert.equal(tsw.stderr, docker.stderr);
  });

  it('client section has docker\'s shape, with the negotiated API version', () => {
    const t = runTsw(['version']).stdout;
    assert.match(t, /^Client: tsw\n Version: {11}\d+\.\d+\.\d+\n API version: {7}1\.41 \(downgraded from 1\.50\)\n/);
    assert.match(t, /\n Context: {11}default\n/);
  });

  for (const format of [
    '{{.Server.Version}}',
    '{{.Server.APIVersion}} {{.Server.MinAPIVersion}} {{.Server.Os}}/{{.Server.Arch}}',
    '{{json .Server}}',
    '{{range .Server.Components}}{{.Name}}={{.Version}} {{end}}',
    '{{.Client.APIVersion}}',
    '{{.Server.KernelVersion}} {{.Server.Experimental}} {{.Server.GitCommit}}',
    '{{.Nope}}',
    '{{.Server.Version',
  ]) {
    it(`--format ${format}`, () => {
      const { docker, tsw } = runBoth(['version', '--format', format]);
      assert.equal(tsw.stdout, docker.stdout);
      assert.equal(tsw.stderr, docker.stderr);
      assert.equal(tsw.code, docker.code);
    });
  }

  it('daemon unreachable: client part, then docker\'s connection error, exit 1', () => {
    const env = { DOCKER_HOST: 'unix:///run/tsw-lab/no-such.sock' };
    const { docker, tsw } = runBoth(['version'], { env });
    assert.equal(tsw.code, docker.code);
    assert.equal(tsw.stderr, docker.stderr);
    assert.equal(serverPart(tsw.stdout), '');
  });
});
