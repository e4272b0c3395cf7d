/**
 * `tsw service rm`, `scale` and `rollback` against docker's on the lab swarm: the same starting
 * services for each client, then the same stdout, stderr and exit code, and the same services
 * (or specs) afterwards. Services are named tsw-w-s-* and removed in after().
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { api } from '../support/node-lab.ts';
import { IMAGE, assertSameOutcome, getService, removeServices, serviceName } from '../support/service-writes.ts';

/** Creates a service through the API (replicas 0 unless given: nothing to schedule). */
async function apiCreate(name: string, mode: Record<string, unknown> = { Replicated: { Replicas: 0 } }): Promise<string> {
  const r = await api<{ ID: string }>('POST', '/services/create', {
    Name: name,
    TaskTemplate: { ContainerSpec: { Image: IMAGE } },
    Mode: mode,
  });
  assert.equal(r.status, 201, `create ${name}: ${JSON.stringify(r.value)}`);
  return r.value.ID;
}

describe('service rm / scale / rollback (differential, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await removeServices('tsw-w-s-');
  });
  after(async () => {
    await removeServices('tsw-w-s-');
  });

  describe('service rm', () => {
    /** Runs `service rm` with args built from fresh services, for docker then tsw. */
    async function compareRm(build: (names: string[], ids: string[]) => string[], count: number): Promise<Outcome> {
      const outs: Outcome[] = [];
      for (const client of ['docker', 'tsw'] as const) {
        const names: string[] = [];
        const ids: string[] = [];
        for (let i = 0; i < count; i++) {
          const n = serviceName('s');
          names.push(n);
          ids.push(await apiCreate(n));
        }
        const args = ['service', ...build(names, ids)];
        const o = client === 'docker' ? runDocker(args) : runTsw(args);
        let text = { ...o };
        names.forEach((n, i) => {
          const id = ids[i] ?? '';
          const fix = (s: string) => s.split(id).join(`<id${i}>`).split(id.slice(0, 12)).join(`<id${i}:12>`).split(n).join(`<name${i}>`);
          text = { stdout: fix(text.stdout), stderr: fix(text.stderr), code: text.code };
        });
        for (const n of names) assert.equal(await getService(n), undefined, `${n} still exists after ${client} ${args.join(' ')}`);
        outs.push(text);
      }
      const [d, t] = outs as [Outcome, Outcome];
      assertSameOutcome(['service', 'rm'], t, d);
      return d;
    }

    it('one service by name', async () => {
      const d = await compareRm((n) => ['rm', n[0] ?? ''], 1);
      assert.equal(d.stdout, '<name0>\n');
    });

    it('several, by name and by ID and ID prefix, with the remove alias', async () => {
      await compareRm((n, ids) => ['remove', n[0] ?? '', ids[1] ?? '', (ids[2] ?? '').slice(0, 12)], 3);
    });

    it('partial failure: the others are removed, the errors joined, exit 1', async () => {
      const d = await compareRm((n) => ['rm', 'tsw-w-s-missing-1', n[0] ?? '', 'tsw-w-s-missing-2', n[1] ?? ''], 2);
      assert.equal(d.code, 1);
      assert.equal(d.stderr, 'Error response from daemon: service tsw-w-s-missing-1 not found\nError response from daemon: service tsw-w-s-missing-2 not found\n');
    });

    it('usage errors', () => {
      for (const args of [['service', 'rm'], ['service', 'rm', '--force', 'x'], ['service', 'rm', '']]) {
        const d = runDocker(args);
        const t = runTsw(args);
        assertSameOutcome(args, t, d);
      }
    });
  });
});
