/**
 * `tsw stack ls|services|ps` against docker on the lab swarm. Two stacks deployed by the
 * docker client: tswsr1 (four services: replicated with a published port, a second image,
 * global, scale 0; two networks, a secret, a config) and tswsr2 (one service whose task was
 * replaced by `service update --force`, so `stack ps` has a history row). Every flag,
 * config.json's servicesFormat/tasksFormat, the stack name check, the "nothing found"
 * messages, argument and flag errors, and the hidden deprecated --orchestrator.
 *
 * `stack ls` lists every stack of the swarm (other suites' too): compared in a window where
 * two docker runs around tsw's agree (assertSameStable). The "… ago" texts of `stack ps` are
 * compared docker, tsw, docker too (assertSameTimed).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runTsw } from '../support/oracle.ts';
import { assertSame, assertSameStable, assertSameTimed, mustDocker, waitUntil } from '../support/node-lab.ts';
import { deployStack, removeOurStacks, stackObjects, waitRunning } from '../support/stack-lab.ts';

const S1 = 'tswsr1';
const S2 = 'tswsr2';

describe('stack ls, services, ps (differential, lab swarm)', () => {
  let cfgDir = '';

  before(async () => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with the lab (TSW_LAB=1)');
    await removeOurStacks();
    deployStack(S1, 'full.yml');
    deployStack(S2, 'small.yml');
    await waitRunning(S1, 6);
    await waitRunning(S2, 1);
    mustDocker(['service', 'update', '--force', '-d', '-q', `${S2}_app`]);
    await waitUntil(
      async () => {
        const { tasks } = await stackObjects(S2);
        return tasks.length === 2 && tasks.some((t) => t.Status.State === 'running' && t.DesiredState === 'running') && tasks.some((t) => t.Status.State === 'shutdown');
      },
      120_000,
      'the forced update of tswsr2_app',
    );
    cfgDir = mkdtempSync(join(tmpdir(), 'tswsr-cfg-'));
    writeFileSync(
      join(cfgDir, 'config.json'),
      JSON.stringify({ servicesFormat: 'table {{.Name}}\t{{.Replicas}}\t{{.Ports}}', tasksFormat: 'table {{.Name}}\t{{.DesiredState}}\t{{.Node}}' }),
    );
  });

  after(async () => {
    await removeOurStacks();
    if (cfgDir) rmSync(cfgDir, { recursive: true, force: true });
  });

  describe('stack ls', () => {
    it('the table lists both stacks with their service counts', () => {
      const d = assertSameStable(['stack', 'ls']);
      assert.match(d.stdout, /^NAME +SERVICES\n/);
      assert.match(d.stdout, /\ntswsr1 +4\n/);
      assert.match(d.stdout, /\ntswsr2 +1\n/);
      assertSameStable(['stack', 'list']);
    });
    for (const format of ['table', 'json', 'raw', '{{json .}}', '{{.Name}}:{{.Services}}', 'table {{.Services}}\t{{.Name}}', 'table {{.Name}}\\t{{upper .Name}}', '{{.Services | len}}']) {
      it(`--format ${format}`, () => void assertSameStable(['stack', 'ls', '--format', format]));
    }
    it('json rows carry Services as a string', () => {
      const t = runTsw(['stack', 'ls', '--format', 'json']);
      assert.ok(t.stdout.split('\n').includes('{"Name":"tswsr1","Services":"4"}'), t.stdout);
    });
    it('template errors', () => {
      assertSame(['stack', 'ls', '--format', '{{.Nope}}']);
      assertSame(['stack', 'ls', '--format', '{{.Name']);
    });
    it('no -q, no arguments', () => {
      assertSame(['stack', 'ls', '-q']);
      assertSame(['stack', 'ls', 'x']);
      assertSame(['stack', 'ls', '--format']);
    });
  });

  describe('stack services', () => {
    for (const args of [
      [],
      ['-q'],
      ['--quiet'],
      ['--format', 'json'],
      ['--format', 'raw'],
      ['--format', 'raw', '-q'],
      ['--format', 'table'],
      ['--format', 'table', '-q'],
      ['--format', '{{.Name}} {{.Mode}} {{.Replicas}} {{.Image}} {{.Ports}}'],
      ['--format', 'table {{.Name}}\t{{.Ports}}'],
      ['-f', 'label=tier=worker'],
      ['-f', 'label=tier'],
      ['-f', 'mode=global'],
      ['-f', 'mode=replicated', '-q'],
      ['-f', `name=${S1}_w`],
      ['-f', `name=${S1}_web`, '-f', `name=${S1}_db`],
    ]) {
      it(args.join(' ') || 'the default table', () => void assertSame(['stack', 'services', ...args, S1]));
    }
    it('rows: natural order, 12-character IDs, replicas, ports', () => {
      const d = assertSame(['stack', 'services', S1]);
      const names = d.stdout.split('\n').slice(1, -1).map((l) => l.split(/ +/)[1]);
      assert.deepEqual(names, ['tswsr1_db', 'tswsr1_web', 'tswsr1_worker9', 'tswsr1_worker10']);
      assert.match(d.stdout, /tswsr1_web +replicated +2\/2 .*\*:18721->80\/tcp\n/);
      const q = assertSame(['stack', 'services', '-q', S1]);
      assert.ok(q.stdout.split('\n').slice(0, -1).every((id) => id.length === 12), q.stdout);
    });
    it('-f id=<prefix>', async () => {
      const { services } = await stackObjects(S1);
      const web = services.find((s) => s.Spec.Name === `${S1}_web`);
      assert.ok(web);
      assertSame(['stack', 'services', '-f', `id=${web.ID.slice(0, 5)}`, S1]);
    });
    it('servicesFormat from config.json; ignored with -q; --format wins', () => {
      const env = { DOCKER_CONFIG: cfgDir };
      assertSame(['stack', 'services', S1], env);
      assertSame(['stack', 'services', '-q', S1], env);
      assertSame(['stack', 'services', '--format', '{{.ID}}', S1], env);
    });
    it('nothing found: a notice on stderr, exit 0', () => {
      const d = assertSame(['stack', 'services', 'tswsr99']);
      assert.equal(d.stderr, 'Nothing found in stack: tswsr99\n');
      assert.equal(d.code, 0);
      assertSame(['stack', 'services', '-f', 'name=nomatch', S1]);
      assertSame(['stack', 'services', '-q', 'tswsr99']);
    });
    it('errors', () => {
      assertSame(['stack', 'services', '-f', 'bogus=1', S1]);
      assertSame(['stack', 'services', '-f', 'name', S1]);
      assertSame(['stack', 'services', '--format', '{{.Nope}}', S1]);
      assertSame(['stack', 'services']);
      assertSame(['stack', 'services', S1, S2]);
      assertSame(['stack', 'services', '--quiet=maybe', S1]);
    });
  });

  describe('stack ps', () => {
    for (const args of [
      [],
      ['--no-trunc'],
      ['--no-resolve'],
      ['--no-resolve', '--no-trunc'],
      ['-f', 'desired-state=running'],
      ['-f', 'desired-state=shutdown'],
      ['-f', `name=${S2}_app`],
      ['-f', 'node=node-1'],
      ['--format', 'json'],
      ['--format', 'raw'],
      ['--format', 'table'],
      ['--format', 'table {{.Name}}\t{{.Image}}\t{{.Error}}'],
      ['--format', '{{.Name}} {{.DesiredState}} {{.CurrentState}}'],
    ]) {
      it(args.join(' ') || 'the default table', () => {
        assertSameTimed(['stack', 'ps', ...args, S1]);
        assertSameTimed(['stack', 'ps', ...args, S2]);
      });
    }
    it('history: the replaced task is indented under the new one', () => {
      const d = assertSameTimed(['stack', 'ps', S2]);
      assert.match(d.stdout, /\n\w{12} +tswsr2_app\.1 .*Running +Running .*\n\w{12} +\\_ tswsr2_app\.1 .*Shutdown +Shutdown /);
    });
    it('-q prints 12-character IDs (full ones with --no-trunc); --format wins over -q', () => {
      const q = assertSame(['stack', 'ps', '-q', S1]);
      const ids = q.stdout.split('\n').slice(0, -1);
      assert.equal(ids.length, 6);
      assert.ok(ids.every((id) => id.length === 12), q.stdout);
      const full = assertSame(['stack', 'ps', '-q', '--no-trunc', S2]);
      assert.ok(full.stdout.split('\n').slice(0, -1).every((id) => id.length === 25), full.stdout);
      assertSame(['stack', 'ps', '-q', '--format', '{{.Name}}', S2]);
      assertSame(['stack', 'ps', '--quiet', '--format', 'raw', S2]);
    });
    it('tasksFormat from config.json; ignored with -q', () => {
      const env = { DOCKER_CONFIG: cfgDir };
      assertSameTimed(['stack', 'ps', S1], env);
      assertSame(['stack', 'ps', '-q', S1], env);
    });
    it('nothing found is an error (lower case, exit 1)', () => {
      const d = assertSame(['stack', 'ps', 'tswsr99']);
      assert.equal(d.stderr, 'nothing found in stack: tswsr99\n');
      assert.equal(d.code, 1);
      assertSame(['stack', 'ps', '-f', 'name=nomatch', S1]);
    });
    it('errors', () => {
      assertSame(['stack', 'ps', '-f', 'bogus=1', S1]);
      assertSame(['stack', 'ps', '-f', 'node=self', S1]);
      assertSame(['stack', 'ps', '-f', 'x', S1]);
      assertSame(['stack', 'ps', '--format', '{{.Nope}}', S1]);
      assertSame(['stack', 'ps']);
      assertSame(['stack', 'ps', S1, S2]);
      assertSame(['stack', 'ps', '--bogus', S1]);
    });
  });

  describe('common to the verbs', () => {
    it('stack names that are empty once quotes and spaces are trimmed', () => {
      for (const name of ['', ' ', '""', "' '", ' "\t\' ', '\u00a0', '\u3000"']) {
        for (const verb of ['services', 'ps', 'rm']) {
          const d = assertSame(['stack', verb, name]);
          assert.equal(d.code, 1);
          assert.match(d.stderr, /^invalid stack name: /);
        }
      }
      assertSame(['stack', 'rm', 'tswsr99', ' ']);
    });
    it('--orchestrator: hidden, deprecated, accepted before and after the verb', () => {
      const d = assertSame(['stack', '--orchestrator', 'swarm', 'services', S2]);
      assert.match(d.stdout, /^Flag --orchestrator has been deprecated, option will be ignored\n/);
      assertSameTimed(['stack', '--orchestrator=all', 'ps', '--orchestrator', 'x', S2]);
      assertSame(['stack', 'services', '--orchestrator', 'x', '--bogus', S2]);
      assertSame(['stack', '--orchestrator']);
      assertSame(['stack', 'ps', S2, '--orchestrator']);
    });
    it('help of each verb (aliases included)', () => {
      for (const verb of ['ls', 'list', 'services', 'ps', 'rm', 'remove', 'down']) assertSame(['stack', verb, '--help']);
    });
    it('unknown verbs and group flags', () => {
      assertSame(['stack', 'bogus']);
      assertSame(['stack', '--bogus']);
    });
  });
});
