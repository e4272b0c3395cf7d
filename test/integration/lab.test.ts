/**
 * The lab swarm itself: real nodes with their own hostnames, a registry that resolves
 * digests, idempotent `up`, and the status/env reports.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw } from '../support/oracle.ts';

function head(url: string, accept: string): Promise<{ status: number; digest: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD', headers: { Accept: accept } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, digest: String(res.headers['docker-content-digest'] ?? '') });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tsw lab', () => {
  before(() => assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test'));
  const nodes = Number(process.env['TSW_LAB_NODES'] ?? 3);
  const managers = Number(process.env['TSW_LAB_MANAGERS'] ?? 1);
  const spares = Number(process.env['TSW_LAB_SPARES'] ?? 0);
  const shape = ['--nodes', String(nodes), '--managers', String(managers), '--spares', String(spares)];

  it('env prints the export lines a shell needs', () => {
    const r = runTsw(['lab', 'env']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^export DOCKER_HOST=unix:\/\/\/run\/tsw-lab\/node-1\/docker\.sock\n/m);
    assert.match(r.stdout, /^export TSW_LAB_REGISTRY=192\.168\.250\.1:5000$/m);
  });

  it('up again is idempotent: same environment, nothing restarted', () => {
    const before = runDocker(['node', 'ls', '-q']).stdout;
    const r = runTsw(['lab', 'up', ...shape]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, runTsw(['lab', 'env']).stdout);
    assert.equal(runDocker(['node', 'ls', '-q']).stdout, before);
  });

  it('up with another size refuses while a lab is up', () => {
    const r = runTsw(['lab', 'up', '--nodes', String(nodes + 1)]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /already up; run 'tsw lab down' first/);
  });

  it('status lists every node as running: swarm nodes active, spares inactive', () => {
    const r = runTsw(['lab', 'status']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0] ?? '', /^NODE {2,}ADDRESS {2,}ENGINE {2,}SWARM$/);
    assert.equal(lines.length, nodes + spares + 1);
    lines.slice(1).forEach((l, i) => {
      assert.match(l, /^node-\d+ +192\.168\.250\.\d+ +running \(pid \d+\) +(active|inactive)$/);
      assert.ok(l.endsWith(i < nodes ? ' active' : ' inactive'), l);
    });
  });

  it('each node is its own engine with its own hostname', () => {
    const names = runDocker(['node', 'ls', '--format', '{{.Hostname}}']).stdout.trim().split('\n');
    assert.deepEqual(names, Array.from({ length: nodes }, (_, i) => `node-${i + 1}`));
    for (let n = 1; n <= nodes; n++) {
      const info = runDocker(['info', '--format', '{{.Name}} {{.Swarm.LocalNodeState}}'], {
        env: { DOCKER_HOST: `unix:///run/tsw-lab/node-${n}/docker.sock` },
      });
      assert.equal(info.stdout.trim(), `node-${n} active`);
    }
  });

  it('the registry serves each busybox tag with its own digest', async () => {
    const reg = process.env['TSW_LAB_REGISTRY'] ?? '';
    const accept = 'application/vnd.docker.distribution.manifest.v2+json';
    const digests = [];
    for (const tag of ['latest', '1', '2']) {
      const r = await head(`http://${reg}/v2/busybox/manifests/${tag}`, accept);
      assert.equal(r.status, 200, `tag ${tag}`);
      assert.match(r.digest, /^sha256:[0-9a-f]{64}$/);
      digests.push(r.digest);
    }
    assert.equal(new Set(digests).size, 3);
  });
});
