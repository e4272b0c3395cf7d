/**
 * `tsw service rm`, `scale` and `rollback` against docker's on the lab swarm: the same starting
 * services for each client, then the same stdout, stderr and exit code, and the same services
 * (or specs) afterwards. Services are named tsw-w-s-* and removed in after().
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { api } from '../support/node-lab.ts';
import { mustDocker } from '../support/node-lab.ts';
import {
  IMAGE,
  assertSameOutcome,
  countdownRuns,
  getService,
  mapName,
  normaliseProgress,
  removeServices,
  serviceName,
} from '../support/service-writes.ts';

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

    it('usage errors and help', () => {
      for (const args of [['service', 'rm'], ['service', 'rm', '--force', 'x'], ['service', 'rm', ''], ['service', 'rm', '--help'], ['service', 'remove', '-h']]) {
        const d = runDocker(args);
        const t = runTsw(args);
        assertSameOutcome(args, t, d);
      }
    });
  });

  /**
   * For each client: make fresh services (prepare returns their names), run `service ARGS`
   * built from the names, read the specs back, remove them. Output and specs must match with
   * names mapped; progress output (no -d) is compared after normaliseProgress (see
   * service-create-wait.test.ts).
   */
  async function compareOn(prepare: () => Promise<string[]>, build: (names: string[]) => string[]): Promise<Outcome> {
    const results: Array<{ out: Outcome; specs: unknown[] }> = [];
    for (const client of ['docker', 'tsw'] as const) {
      const names = await prepare();
      const args = ['service', ...build(names)];
      const o = client === 'docker' ? runDocker(args) : runTsw(args);
      const specs: unknown[] = [];
      let out = { ...o };
      for (const [i, n] of names.entries()) {
        const svc = await getService(n);
        specs.push(mapName(svc?.Spec, n));
        const fix = (x: string) => (svc ? x.split(svc.ID).join(`<id${i}>`) : x).split(n).join(`<name${i}>`);
        out = { stdout: fix(out.stdout), stderr: fix(out.stderr), code: out.code };
        await removeServices(n);
      }
      results.push({ out, specs });
    }
    const [d, t] = results as [{ out: Outcome; specs: unknown[] }, { out: Outcome; specs: unknown[] }];
    assert.equal(t.out.code, d.out.code, 'exit code');
    assert.equal(t.out.stderr, d.out.stderr, 'stderr');
    assert.equal(normaliseProgress(t.out.stdout), normaliseProgress(d.out.stdout), 'stdout (normalised)');
    for (const o of [d.out, t.out]) for (const n of countdownRuns(o.stdout)) assert.ok(n >= 1 && n <= 7, `countdown repeated ${n} times`);
    assert.deepEqual(t.specs, d.specs, 'specs');
    return d.out;
  }

  /** n services made through the API (replicated, 0 replicas unless mode says otherwise). */
  const made = (modes: Array<Record<string, unknown>>) => async () => {
    const names: string[] = [];
    for (const m of modes) {
      const n = serviceName('s');
      await apiCreate(n, m);
      names.push(n);
    }
    return names;
  };
  const R0 = { Replicated: { Replicas: 0 } };

  describe('service scale', () => {
    it('several services, detached', async () => {
      const d = await compareOn(made([R0, R0]), (n) => ['scale', '-d', `${n[0]}=3`, `${n[1]}=0`]);
      assert.equal(d.stdout, '<name0> scaled to 3\n<name1> scaled to 0\n');
    });

    it('a replicated job: its total completions', async () => {
      await compareOn(made([{ ReplicatedJob: { MaxConcurrent: 1, TotalCompletions: 1 } }]), (n) => ['scale', '--detach', `${n[0]}=4`]);
    });

    it('refused for a global service, the others scaled (exit 1)', async () => {
      const d = await compareOn(made([{ Global: {} }, R0]), (n) => ['scale', '-d', `${n[0]}=2`, `${n[1]}=1`]);
      assert.equal(d.code, 1);
      assert.equal(d.stderr, '<name0>: scale can only be used with replicated or replicated-job mode\n');
    });

    it('bad replica counts and a missing service', async () => {
      const d = await compareOn(made([R0]), (n) => ['scale', '-d', `${n[0]}=abc`, `${n[0]}=-1`, `${n[0]}=0x10`, 'tsw-w-s-missing=1', `${n[0]}=010`]);
      assert.equal(d.code, 1);
      assert.match(d.stdout, /^<name0> scaled to 10\n$/);
    });

    it('invalid specifiers and usage errors', () => {
      for (const args of [['service', 'scale', '--help'], ['service', 'scale'], ['service', 'scale', 'web'], ['service', 'scale', '=2'], ['service', 'scale', 'web='], ['service', 'scale', 'a=1', 'b'], ['service', 'scale', '-q', 'a=1']]) {
        assertSameOutcome(args, runTsw(args), runDocker(args));
      }
    });

    it('waits for each scaled service in turn', async () => {
      const prepare = async () => {
        const names = [serviceName('s'), serviceName('s')];
        for (const n of names) mustDocker(['service', 'create', '-d', '-q', '--name', n, '--replicas', '0', '--update-monitor', '1s', IMAGE]);
        return names;
      };
      const d = await compareOn(prepare, (n) => ['scale', `${n[0]}=1`, `${n[1]}=2`]);
      assert.match(d.stdout, /^<name0> scaled to 1\n<name1> scaled to 2\noverall progress: 0 out of 1 tasks\n/);
      assert.match(d.stdout, /verify: Service <name1> converged\n$/);
    });
  });

  describe('service rollback', () => {
    /** A service updated once (so it has a previous spec). */
    const updatedOnce = (replicas: number) => async () => {
      const n = serviceName('s');
      mustDocker(['service', 'create', '-d', '-q', '--name', n, '--replicas', String(replicas), '--update-monitor', '1s', '--rollback-monitor', '1s', '--stop-grace-period', '1s', IMAGE]);
      mustDocker(['service', 'update', '-d', '-q', '--env-add', 'V=2', '--replicas', String(replicas), n]);
      return [n];
    };

    it('detached: the previous spec is back', async () => {
      const d = await compareOn(updatedOnce(0), (n) => ['rollback', '-d', n[0] ?? '']);
      assert.equal(d.stdout, '<name0>\n');
    });

    it('without a previous spec: the daemon refuses', async () => {
      const d = await compareOn(made([R0]), (n) => ['rollback', '-d', n[0] ?? '']);
      assert.equal(d.code, 1);
    });

    it('waiting: the manual rollback progress', async () => {
      const d = await compareOn(updatedOnce(1), (n) => ['rollback', n[0] ?? '']);
      assert.match(d.stdout, /^<name0>\nrollback: manually requested rollback\noverall progress: rolling back update: 0 out of 1 tasks\n/);
      assert.match(d.stdout, /verify: Service <name0> converged\n(rollback: rollback completed\n)?$/);
    });

    it('-q waits quietly', async () => {
      const d = await compareOn(updatedOnce(1), (n) => ['rollback', '-q', n[0] ?? '']);
      assert.equal(d.stdout, '<name0>\n');
    });

    it('a missing service and usage errors', () => {
      for (const args of [['service', 'rollback', '--help'], ['service', 'rollback', 'tsw-w-s-missing'], ['service', 'rollback'], ['service', 'rollback', 'a', 'b'], ['service', 'rollback', '--image', 'x', 'a']]) {
        assertSameOutcome(args, runTsw(args), runDocker(args));
      }
    });
  });
});
