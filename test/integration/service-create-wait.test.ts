/**
 * `tsw service create` without -d against docker's on the lab swarm: the wait for
 * convergence, off a terminal. Both clients create the same service (one after the other),
 * print its ID and follow it until it has converged; the specs read back must match too.
 *
 * What is normalised (normaliseProgress in test/support/service-writes.ts), and why;
 * everything else is compared byte for byte:
 * - the new service's ID (in the first line and in `verify: Service <id> converged`) and name;
 * - runs of identical lines collapse to one: docker re-prints `overall progress: …` and
 *   `verify: Waiting N seconds…` at every 200 ms poll, so how many times depends on timing. The
 *   number of repeats is still checked: each `Waiting N seconds` line appears 1 to 7 times
 *   (five polls a second), in both outputs;
 * - `overall progress: k out of N tasks` with 0 < k < N is dropped: which partial counts a poll
 *   happens to see depends on when each task starts;
 * - `overall progress: waiting for new tasks` (global mode) is dropped: whether the first poll
 *   comes before the orchestrator made the tasks is timing too;
 * - of the replicated-job `active tasks: A out of D tasks` lines (one per poll) only the first
 *   and the last are kept: how many tasks are active at each poll in between is timing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { IMAGE, countdownRuns, getService, mapName, normaliseProgress, removeServices, serviceName } from '../support/service-writes.ts';

async function createAndWait(client: 'docker' | 'tsw', flags: readonly string[], rest: readonly string[]): Promise<{ out: Outcome; spec: unknown }> {
  const name = serviceName('cw');
  const argv = ['service', 'create', '--name', name, ...flags, ...rest];
  const o = client === 'docker' ? runDocker(argv) : runTsw(argv);
  const svc = await getService(name);
  await removeServices(name);
  let stdout = o.stdout;
  if (svc) stdout = stdout.split(svc.ID).join('<id>');
  return { out: { stdout: stdout.split(name).join('<name>'), stderr: o.stderr, code: o.code }, spec: mapName(svc?.Spec, name) };
}

async function compareWait(flags: readonly string[], rest: readonly string[] = [IMAGE]): Promise<Outcome> {
  const d = await createAndWait('docker', flags, rest);
  const t = await createAndWait('tsw', flags, rest);
  assert.equal(t.out.code, d.out.code, 'exit code');
  assert.equal(t.out.stderr, d.out.stderr, 'stderr');
  assert.equal(normaliseProgress(t.out.stdout), normaliseProgress(d.out.stdout), 'stdout (normalised)');
  for (const [who, o] of [['docker', d.out], ['tsw', t.out]] as const) {
    for (const n of countdownRuns(o.stdout)) assert.ok(n >= 1 && n <= 7, `${who}: a countdown line repeated ${n} times:\n${o.stdout}`);
  }
  assert.deepEqual(t.spec, d.spec, 'spec');
  return d.out;
}

describe('service create, waiting for convergence (differential, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    await removeServices('tsw-w-cw-');
  });
  after(async () => {
    await removeServices('tsw-w-cw-');
  });

  it('replicated, the default 5 s monitor: the full countdown', async () => {
    const d = await compareWait(['--replicas', '1']);
    assert.match(
      normaliseProgress(d.stdout),
      /^<id>\noverall progress: 0 out of 1 tasks\n1\/1:  \n(overall progress: 0 out of 1 tasks\n)?overall progress: 1 out of 1 tasks\nverify: Waiting 5 seconds to verify that tasks are stable\.\.\.\nverify: Waiting 4 seconds.*\n.*3 seconds.*\n.*2 seconds.*\n.*1 seconds.*\nverify: Service <id> converged\n$/,
    );
  });

  it('replicated, 2 tasks, a 1 s monitor', async () => {
    const d = await compareWait(['--replicas', '2', '--update-monitor', '1s']);
    assert.match(d.stdout, /\n1\/2:  \n2\/2:  \n/);
  });

  it('-q waits without printing progress', async () => {
    const d = await compareWait(['-q', '--update-monitor', '1s']);
    assert.equal(d.stdout, '<id>\n');
  });

  it('global mode', async () => {
    const d = await compareWait(['--mode', 'global', '--update-monitor', '1s']);
    assert.match(d.stdout, /verify: Service <id> converged\n$/);
  });

  it('replicated job: job complete', async () => {
    const d = await compareWait(['--mode', 'replicated-job', '--replicas', '2'], [IMAGE, 'true']);
    assert.match(d.stdout, /\njob complete\n$/);
  });
});
