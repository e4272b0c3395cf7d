/**
 * `tsw stack rm` against `docker stack rm` on the lab swarm. Removal cannot be repeated, so
 * each case deploys twin stacks from the same fixture: docker removes one, tsw the other,
 * and the outcomes are compared with the stack names (and the IDs in failure messages)
 * replaced by placeholders. The objects left are read back through the Engine API.
 *
 * Networks are removed in the order the daemon lists them, which differs between twins:
 * the network lines are compared as a set, and tsw's order is checked against the daemon's
 * list taken just before tsw ran.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { assertSame, mustDocker } from '../support/node-lab.ts';
import { deployStack, removeOurStacks, stackObjects, waitRunning, type StackObjects } from '../support/stack-lab.ts';

/** Names → placeholders, IDs → `<kind name>`; the network lines of each block sorted. */
function normalize(o: Outcome, names: Record<string, string>, objects: readonly StackObjects[]): Outcome {
  const swap = (text: string): string => {
    let t = text;
    for (const ob of objects) {
      for (const s of ob.services) t = t.replaceAll(s.ID, `<service ${s.Spec.Name}>`);
      for (const s of ob.secrets) t = t.replaceAll(s.ID, `<secret ${s.Spec.Name}>`);
      for (const c of ob.configs) t = t.replaceAll(c.ID, `<config ${c.Spec.Name}>`);
      for (const n of ob.networks) t = t.replaceAll(n.Id, `<network ${n.Name}>`);
    }
    for (const [name, ph] of Object.entries(names)) t = t.replace(new RegExp(`\\b${name}(?=[_\\s'-]|$)`, 'gm'), ph);
    return t;
  };
  const lines = swap(o.stdout).split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!(lines[i] ?? '').startsWith('Removing network ')) {
      out.push(lines[i++] ?? '');
      continue;
    }
    const block: string[] = [];
    while ((lines[i] ?? '').startsWith('Removing network ')) block.push(lines[i++] ?? '');
    out.push(...block.sort());
  }
  return { stdout: out.join('\n'), stderr: swap(o.stderr), code: o.code };
}

function assertSameOutcome(d: Outcome, t: Outcome, what: string): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${what}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${what}`);
  assert.equal(t.code, d.code, `exit code of ${what}`);
}

/** tsw's network lines follow the daemon's list order. */
function assertNetworkOrder(stdout: string, objects: StackObjects): void {
  const printed = stdout.split('\n').filter((l) => l.startsWith('Removing network ')).map((l) => l.slice('Removing network '.length));
  assert.deepEqual(printed, objects.networks.map((n) => n.Name));
}

const empty = (o: StackObjects) => o.services.length + o.networks.length + o.secrets.length + o.configs.length === 0;

describe('stack rm (differential, lab swarm)', () => {
  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with the lab (TSW_LAB=1)');
    await removeOurStacks();
  });

  after(async () => {
    await removeOurStacks();
  });

  it('one stack: services by name (byte order), then secrets, configs, networks; nothing left', async () => {
    deployStack('tswsr20', 'rmset.yml');
    deployStack('tswsr21', 'rmset.yml');
    const before20 = await stackObjects('tswsr20');
    const before21 = await stackObjects('tswsr21');
    const d = runDocker(['stack', 'rm', 'tswsr20']);
    const t = runTsw(['stack', 'rm', 'tswsr21']);
    assertSameOutcome(normalize(d, { tswsr20: 'S' }, [before20]), normalize(t, { tswsr21: 'S' }, [before21]), 'stack rm');
    assert.equal(
      t.stdout.split('\n').slice(0, 5).join('\n'),
      'Removing service tswsr21_Beta\nRemoving service tswsr21_alpha10\nRemoving service tswsr21_alpha9\nRemoving secret tswsr21_pw\nRemoving config tswsr21_conf',
    );
    assertNetworkOrder(t.stdout, before21);
    assert.equal(t.stderr, '');
    assert.ok(empty(await stackObjects('tswsr20')), 'docker left objects behind');
    assert.ok(empty(await stackObjects('tswsr21')), 'tsw left objects behind');
  });

  it('several stacks, a missing one in between: each in turn, the missing one a notice', async () => {
    for (const s of ['tswsr22', 'tswsr23', 'tswsr24', 'tswsr25']) deployStack(s, 'rmset.yml');
    const dObjs = [await stackObjects('tswsr22'), await stackObjects('tswsr23')];
    const tObjs = [await stackObjects('tswsr24'), await stackObjects('tswsr25')];
    const d = runDocker(['stack', 'rm', 'tswsr22', 'tswsr90', 'tswsr23']);
    const t = runTsw(['stack', 'remove', 'tswsr24', 'tswsr90', 'tswsr25']);
    assertSameOutcome(
      normalize(d, { tswsr22: 'A', tswsr23: 'B' }, dObjs),
      normalize(t, { tswsr24: 'A', tswsr25: 'B' }, tObjs),
      'stack rm of several stacks',
    );
    assert.equal(t.stderr, 'Nothing found in stack: tswsr90\n');
    assert.equal(t.code, 0);
    for (const s of ['tswsr24', 'tswsr25']) assert.ok(empty(await stackObjects(s)), `tsw left objects of ${s}`);
  });

  it('--detach=false waits until the stack\'s tasks have stopped', async () => {
    deployStack('tswsr26', 'small.yml');
    deployStack('tswsr27', 'small.yml');
    await waitRunning('tswsr26', 1);
    await waitRunning('tswsr27', 1);
    const dObjs = await stackObjects('tswsr26');
    const tObjs = await stackObjects('tswsr27');
    const d = runDocker(['stack', 'rm', '--detach=false', 'tswsr26']);
    const t = runTsw(['stack', 'rm', '--detach=false', 'tswsr27']);
    const left = await stackObjects('tswsr27');
    assertSameOutcome(normalize(d, { tswsr26: 'S' }, [dObjs]), normalize(t, { tswsr27: 'S' }, [tObjs]), 'stack rm --detach=false');
    assert.equal(t.stdout, 'Removing service tswsr27_app\nRemoving network tswsr27_default\n');
    const live = left.tasks.filter((task) => ['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running'].includes(task.Status.State));
    assert.deepEqual(live, [], 'tsw returned while a task of the stack was still running');
  });

  it('a secret and a config still used outside the stack: "Failed to remove …" without newline, exit 1; the other parts removed', async () => {
    for (const s of ['tswsr28', 'tswsr29']) {
      deployStack(s, 'shared-config.yml');
      mustDocker(['service', 'create', '-d', '-q', '--name', `${s}-user`, '--replicas', '0', '--config', `${s}_conf`, '--secret', `${s}_pw`, `${process.env['TSW_LAB_REGISTRY'] ?? ''}/busybox:latest`]);
    }
    // An invalid name among valid ones: checked before anything is removed.
    assertSame(['stack', 'rm', 'tswsr28', '""']);
    assert.equal((await stackObjects('tswsr28')).services.length, 1, 'a stack was touched before the name check');

    const dObjs = await stackObjects('tswsr28');
    const tObjs = await stackObjects('tswsr29');
    const d = runDocker(['stack', 'rm', 'tswsr28', 'tswsr91']);
    const t = runTsw(['stack', 'rm', 'tswsr29', 'tswsr91']);
    assertSameOutcome(normalize(d, { tswsr28: 'S' }, [dObjs]), normalize(t, { tswsr29: 'S' }, [tObjs]), 'stack rm with objects in use');
    const secretID = tObjs.secrets[0]?.ID ?? '';
    const configID = tObjs.configs[0]?.ID ?? '';
    assert.match(
      t.stderr,
      new RegExp(
        `^Failed to remove secret ${secretID}: Error response from daemon: [^\\n]*tswsr29-user` +
          `Failed to remove config ${configID}: Error response from daemon: [^\\n]*tswsr29-user` +
          'Nothing found in stack: tswsr91\nfailed to remove some resources from stack: tswsr29\n$',
      ),
    );
    assert.equal(t.code, 1);
    const left = await stackObjects('tswsr29');
    assert.deepEqual([left.services.length, left.networks.length, left.secrets.length, left.configs.length], [0, 0, 1, 1]);

    // Once the users are gone, a second rm removes what was left.
    mustDocker(['service', 'rm', 'tswsr28-user', 'tswsr29-user']);
    const d2 = runDocker(['stack', 'down', 'tswsr28']);
    const t2 = runTsw(['stack', 'down', 'tswsr29']);
    assertSameOutcome(normalize(d2, { tswsr28: 'S' }, [dObjs]), normalize(t2, { tswsr29: 'S' }, [tObjs]), 'the second stack rm');
    assert.equal(t2.stdout, 'Removing secret tswsr29_pw\nRemoving config tswsr29_conf\n');
    assert.ok(empty(await stackObjects('tswsr29')));
  });

  describe('errors', () => {
    it('argument count, flags', () => {
      assertSame(['stack', 'rm']);
      assertSame(['stack', 'down']);
      assertSame(['stack', 'rm', '--detach=maybe', 'tswsr92']);
      assertSame(['stack', 'rm', '-d=maybe', 'tswsr92']);
      assertSame(['stack', 'rm', '--bogus', 'tswsr92']);
      assertSame(['stack', 'rm', '-d']);
    });
    it('missing stacks (every alias, every form of --detach)', () => {
      for (const args of [
        ['rm', 'tswsr92'],
        ['remove', 'tswsr92', 'tswsr93'],
        ['down', '-d=false', 'tswsr92'],
        ['rm', '-d', 'tswsr92'],
        ['rm', '--detach=false', 'tswsr92', 'tswsr92'],
        ['--orchestrator', 'swarm', 'rm', 'tswsr92'],
      ]) {
        const d = assertSame(['stack', ...args]);
        assert.equal(d.code, 0);
        assert.match(d.stderr, /^(Nothing found in stack: tswsr9\d\n)+$/);
      }
    });
  });
});
