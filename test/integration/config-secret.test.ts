/**
 * `tsw config` and `tsw secret` (create, ls, inspect, rm) against docker 28 on the lab swarm.
 *
 * Reads (ls, inspect) run both clients on the same objects. Writes are judged by what they
 * leave behind: docker creates `tsw-cs-d-…`, tsw creates `tsw-cs-t-…` from the same input, and
 * the specs read back through the API must be equal (apart from the name; configs return their
 * data, secrets never do). Failing writes must print the same and create nothing. `rm` runs
 * each client on the same state (the objects are made again in between).
 *
 * Every object here is named `tsw-cs-…` and removed in after().
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { labUp, runDocker, runTsw, type Outcome } from '../support/oracle.ts';
import { api, assertSame, assertSameTimed, mustDocker } from '../support/node-lab.ts';
import { IMAGE } from '../support/service-reads.ts';

const P = 'tsw-cs-';
type Kind = 'config' | 'secret';

interface ApiObject {
  ID: string;
  Spec: { Name: string; Labels?: Record<string, string> | null; Data?: string; Driver?: unknown; Templating?: unknown };
}

function same(what: string, d: Outcome, t: Outcome): void {
  assert.equal(t.stdout, d.stdout, `stdout of ${what}`);
  assert.equal(t.stderr, d.stderr, `stderr of ${what}`);
  assert.equal(t.code, d.code, `exit code of ${what}`);
}

/** Both clients with the same arguments, environment and stdin. */
function sameWithInput(args: readonly string[], input: string | Buffer, env: Record<string, string> = {}): Outcome {
  const opts = { env, input: input as string };
  const d = runDocker(args, opts);
  const t = runTsw(args, opts);
  same(args.join(' '), d, t);
  return d;
}

async function objects(kind: Kind, prefix: string): Promise<ApiObject[]> {
  const r = await api<ApiObject[]>('GET', `/${kind}s?filters=${encodeURIComponent(JSON.stringify({ name: { [prefix]: true } }))}`);
  assert.equal(r.status, 200);
  return r.value.filter((o) => o.Spec.Name.startsWith(prefix));
}

async function objectNamed(kind: Kind, name: string): Promise<ApiObject | undefined> {
  return (await objects(kind, name)).find((o) => o.Spec.Name === name);
}

function removeAll(prefix: string): void {
  const svcs = runDocker(['service', 'ls', '-q', '--filter', `name=${prefix}`]).stdout.split('\n').filter(Boolean);
  if (svcs.length > 0) runDocker(['service', 'rm', ...svcs]);
  for (const kind of ['config', 'secret'] as const) {
    const ids = runDocker([kind, 'ls', '-q', '--filter', `name=${prefix}`]).stdout.split('\n').filter(Boolean);
    if (ids.length > 0) runDocker([kind, 'rm', ...ids]);
  }
}

function create(kind: Kind, name: string, args: readonly string[], input = '', file = '-'): string {
  const r = runDocker([kind, 'create', ...args, name, file], { input });
  if (r.code !== 0) throw new Error(`docker ${kind} create ${name}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('config and secret (differential, lab swarm)', () => {
  let dir = '';
  const ids: Record<string, string> = {};

  before(() => {
    assert.ok(labUp(), 'the lab swarm is not up: run the tests with npm test');
    removeAll(P);
    dir = mkdtempSync(join(tmpdir(), 'tsw-cs-'));
    writeFileSync(join(dir, 'text'), 'line one\nline <two> & "three"\n');
    writeFileSync(join(dir, 'bin'), Buffer.from([0xff, 0xfe, 0x00, 0x62, 0x69, 0x6e, 0x0a, 0xc3]));
    writeFileSync(join(dir, 'empty'), '');
    writeFileSync(join(dir, 'big'), Buffer.alloc(1001 * 1024, 0x61));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ configFormat: 'table {{.Name}}\t{{.Labels}}', secretFormat: '{{.Name}}|{{.Driver}}|{{.Labels}}' }));
    // List fixtures (tsw-cs-l…): at most one label each, since docker prints several in Go
    // map order (random); natural order puts l2 before l10.
    for (const kind of ['config', 'secret'] as const) {
      ids[`${kind}-l1`] = create(kind, `${P}l1`, ['-l', 'tier=front'], 'one');
      ids[`${kind}-l2`] = create(kind, `${P}l2`, ['-l', 'solo'], 'two');
      ids[`${kind}-l10`] = create(kind, `${P}l10`, ['--template-driver', 'golang'], '{{ env "x" }}');
      // Inspect fixtures (tsw-cs-i…): several labels, odd data.
      ids[`${kind}-i1`] = create(kind, `${P}i1`, ['-l', 'z=1', '-l', 'a=<&>', '-l', 'empty', '--template-driver', 'golang'], 'a\nb');
      ids[`${kind}-ibin`] = create(kind, `${P}ibin`, [], '', join(dir, 'bin'));
      ids[`${kind}-itext`] = create(kind, `${P}itext`, [], '', join(dir, 'text'));
    }
  });

  after(() => {
    removeAll(P);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['config', 'secret'] as const) {
    describe(`${kind} help and usage`, () => {
      for (const args of [[], ['--help'], ['bogus'], ['create', '--help'], ['create', '-h'], ['inspect', '--help'], ['ls', '--help'], ['list', '--help'], ['rm', '--help'], ['remove', '--help']]) {
        it(args.join(' ') || '(group alone)', () => void assertSame([kind, ...args]));
      }
      for (const v of ['1.30', '1.31', '1.36', '1.37']) {
        it(`create --help on API ${v}: newer flags hidden`, () => void assertSame([kind, 'create', '--help'], { DOCKER_API_VERSION: v }));
      }
      it('a daemon that cannot be reached', () => void assertSame([kind, 'ls'], { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }));
      it('a worker node: the daemon refuses', () => void assertSame([kind, 'ls'], { DOCKER_HOST: 'unix:///run/tsw-lab/node-2/docker.sock' }));
    });

    describe(`${kind} ls`, () => {
      const F = ['--filter', `name=${P}l`];
      for (const args of [
        [],
        ['-q'],
        ['--quiet'],
        ['--format', 'json'],
        ['--format', 'table'],
        ['--format', 'table', '-q'],
        ['--format', '{{.ID}}', '-q'],
        ['--format', '{{json .}}'],
        ['--format', 'table {{.Name}}\t{{.Labels}}\t{{.Label "tier"}}'],
        ['--format', 'table {{.Name}}\\t{{.CreatedAt}}\\t{{.UpdatedAt}}'],
        ['--format', '{{.Name}}: {{.Labels}} {{.Label "solo"}}{{if .Label "tier"}} tiered{{end}}'],
        ['--format', '{{.ID}} {{.Name | upper}}'],
        ['-f', 'label=tier'],
        ['-f', 'label=tier=front'],
        ['-f', 'label=solo', '-f', 'label=tier'],
        ['-f', `name=${P}l1`],
        ['-f', `name=${P}l1`, '-f', `name=${P}l2`],
      ]) {
        it(args.join(' ') || '(default table)', () => void assertSameTimed([kind, 'ls', ...F, ...args]));
      }
      it('alias list', () => void assertSameTimed([kind, 'list', ...F]));
      it('natural order: l1, l2, l10', () => {
        const d = assertSameTimed([kind, 'ls', ...F, '--format', '{{.Name}}']);
        assert.equal(d.stdout, `${P}l1\n${P}l2\n${P}l10\n`);
      });
      it('id filter (prefix)', () => void assertSameTimed([kind, 'ls', '-f', `id=${(ids[`${kind}-l2`] ?? '').slice(0, 6)}`]));
      if (kind === 'secret') {
        it('names filter (exact)', () => void assertSameTimed([kind, 'ls', '-f', `names=${P}l1`, '-f', `names=${P}l`]));
      }
      it(`config.json ${kind}Format, ignored with -q, overridden by --format`, () => {
        const env = { DOCKER_CONFIG: dir };
        const d = assertSameTimed([kind, 'ls', ...F], env);
        assert.ok(d.stdout.includes('tier=front'), d.stdout);
        assertSameTimed([kind, 'ls', ...F, '-q'], env);
        assertSameTimed([kind, 'ls', ...F, '--format', 'table'], env);
      });
      it('nothing found: the header alone', () => void assertSame([kind, 'ls', '-f', `name=${P}nothing-here`]));
      for (const args of [
        ['-f', 'bogus=1'],
        ['-f', 'noequals'],
        ['--format', '{{.Nope}}'],
        ['--format', '{{'],
        ['extra'],
        ['--nope'],
      ]) {
        it(`error: ${args.join(' ')}`, () => {
          const d = assertSame([kind, 'ls', ...F, ...args]);
          assert.notEqual(d.code, 0);
        });
      }
    });

    describe(`${kind} inspect`, () => {
      const I = [`${P}i1`, `${P}ibin`, `${P}itext`, `${P}l10`];
      it('raw JSON, several objects', () => void assertSame([kind, 'inspect', ...I]));
      it('by ID and ID prefix', () => void assertSame([kind, 'inspect', ids[`${kind}-i1`] ?? '', (ids[`${kind}-ibin`] ?? '').slice(0, 7)]));
      it('a missing one in the middle: the others printed, exit 1', () => {
        const d = assertSame([kind, 'inspect', `${P}i1`, `${P}missing`, `${P}itext`]);
        assert.equal(d.code, 1);
        assert.match(d.stderr, new RegExp(`${kind} ${P}missing not found`));
      });
      it('only missing ones: []', () => {
        const d = assertSame([kind, 'inspect', `${P}missing`, `${P}missing2`]);
        assert.equal(d.stdout, '[]\n');
      });
      it('an empty reference', () => void assertSame([kind, 'inspect', '', `${P}i1`]));
      for (const f of [
        'json',
        '{{.ID}} {{.Spec.Name}}',
        '{{.Spec.Data}}',
        '{{.Spec.Labels}} {{len .Spec.Labels}}',
        '{{.CreatedAt}} | {{.UpdatedAt}} | {{.Version}} | {{.Version.Index}}',
        '{{.Spec.Templating}} {{if .Spec.Templating}}{{.Spec.Templating.Name}}{{end}}',
        '{{json .Spec}}',
        '{{json .}}',
        '{{.Meta.CreatedAt.Unix}}',
        '{{range $k, $v := .Spec.Labels}}{{$k}}={{$v}};{{end}}',
        '{{.Nope}}',
        '{{.Spec.Nope}}',
        '{{',
        '{{.ID}}\t{{.Spec.Name}}',
        'pretty2',
        'prettyx',
        'pretty',
      ]) {
        it(`-f ${f}`, () => void assertSame([kind, 'inspect', '-f', f, ...I, `${P}missing`]));
      }
      if (kind === 'secret') it('-f {{.Spec.Driver}}', () => void assertSame([kind, 'inspect', '-f', '{{.Spec.Driver}}', ...I]));
      it('--pretty: labels sorted, times lower-cased, data verbatim', () => {
        const d = assertSame([kind, 'inspect', '--pretty', ...I]);
        assert.match(d.stdout, /\+0000 utc\n/);
        assert.match(d.stdout, /Labels:\n - a=<&>\n - empty\n - z=1\n/);
        if (kind === 'config') assert.ok(d.stdout.includes('Data:\na\nb\n'), d.stdout);
      });
      it('--pretty wins over -f', () => void assertSame([kind, 'inspect', '--pretty', '-f', '{{.ID}}', `${P}i1`]));
      it('--pretty with a missing one: nothing printed', () => {
        const d = assertSame([kind, 'inspect', '--pretty', `${P}i1`, `${P}missing`]);
        assert.equal(d.stdout, '');
      });
      it('no argument', () => void assertSame([kind, 'inspect']));
      it('references with characters URLs escape', () => {
        for (const ref of ['a/b', 'a b', '../x', 'x?y', '%', '#x', 'é']) {
          assertSame([kind, 'inspect', ref]);
          assertSame([kind, 'inspect', '--pretty', ref]);
        }
      });
    });

    describe(`${kind} create`, () => {
      let n = 0;
      /**
       * docker creates tsw-cs-d<n>…, tsw creates tsw-cs-t<n>… with the same flags and input; the
       * outputs must match in shape and the specs read back must be equal but for the name.
       */
      async function createBoth(flags: readonly string[], file: string | undefined, input = ''): Promise<void> {
        n++;
        const dn = `${P}d${n}-${kind}`;
        const tn = `${P}t${n}-${kind}`;
        const tail = file === undefined ? [] : [file];
        const d = runDocker([kind, 'create', ...flags, dn, ...tail], { input });
        const t = runTsw([kind, 'create', ...flags, tn, ...tail], { input });
        assert.equal(d.code, 0, d.stderr);
        same(`${kind} create ${flags.join(' ')}`, { ...d, stdout: 'ID' }, { ...t, stdout: 'ID' });
        assert.match(t.stdout, /^[a-z0-9]{25}\n$/);
        const dObj = await objectNamed(kind, dn);
        const tObj = await objectNamed(kind, tn);
        assert.ok(dObj && tObj, 'both created');
        assert.equal(tObj.ID, t.stdout.trim());
        assert.deepEqual({ ...tObj.Spec, Name: '' }, { ...dObj.Spec, Name: '' });
        if (kind === 'config' && file !== undefined) assert.ok(tObj.Spec.Data, 'configs return their data');
        if (kind === 'secret') assert.equal(tObj.Spec.Data, undefined, 'secrets never return data');
      }

      it('from a file', () => createBoth([], join(dir, 'text')));
      it('from a binary file', () => createBoth([], join(dir, 'bin')));
      it('from stdin (-)', () => createBoth([], '-', 'from stdin\n'));
      it('from a relative path', () => createBoth([], 'package.json'));
      it('labels: several, repeated key (last wins), key only', () =>
        createBoth(['-l', 'a=1', '--label', 'b=x=y', '-l', 'a=2', '-l', 'solo', '-l', '  lead=ing'], '-', 'x'));
      it('--template-driver golang', () => createBoth(['--template-driver', 'golang'], '-', '{{ env "HOME" }}'));
      it('--template-driver with an unknown name', async () => {
        // configs accept any name; secrets too (the daemon checks only at use).
        await createBoth(['--template-driver', 'bogus'], '-', 'x');
      });

      /** A failing create: same output, and nothing named `name` exists afterwards. */
      async function failBoth(args: readonly string[], input = '', env: Record<string, string> = {}): Promise<void> {
        const d = sameWithInput([kind, 'create', ...args], input, env);
        assert.notEqual(d.code, 0, `${args.join(' ')} should fail`);
        for (const a of args) if (a.startsWith(`${P}e`)) assert.equal(await objectNamed(kind, a), undefined, `${a} was created`);
      }

      it('a missing file', () => failBoth([`${P}e1`, join(dir, 'nope')]));
      it('a directory', () => failBoth([`${P}e1`, dir]));
      it('an empty file', () => failBoth([`${P}e1`, join(dir, 'empty')]));
      it('empty stdin', () => failBoth([`${P}e1`, '-'], ''));
      it('too big for swarm (the daemon says so)', () => failBoth([`${P}e1`, join(dir, 'big')]));
      it('a label with an empty name', () => failBoth(['-l', '=x', `${P}e1`, '-'], 'x'));
      it('a label with whitespace', () => failBoth(['-l', 'a b=1', `${P}e1`, '-'], 'x'));
      it('a name the daemon refuses', () => failBoth(['bad name!', '-'], 'x'));
      it('an empty name', () => failBoth(['', '-'], 'x'));
      it('a name in use', () => failBoth([`${P}l1`, '-'], 'x'));
      it('no arguments', () => failBoth([]));
      it('too many arguments', () => failBoth([`${P}e1`, '-', 'extra'], 'x'));
      it('an unknown flag', () => failBoth(['--nope', `${P}e1`, '-'], 'x'));
      it('an API version older than the group', () => failBoth([`${P}e1`, '-'], 'x', { DOCKER_API_VERSION: kind === 'config' ? '1.29' : '1.24' }));
      it('--template-driver on API 1.36', () => failBoth(['--template-driver', 'golang', `${P}e1`, '-'], 'x', { DOCKER_API_VERSION: '1.36' }));
      if (kind === 'config') {
        it('a file argument is required', () => failBoth([`${P}e1`]));
      } else {
        it('no file and no driver', () => failBoth([`${P}e1`]));
        it('--driver with a file', () => failBoth(['--driver', 'x', `${P}e1`, join(dir, 'text')]));
        it('--driver (no such plugin on this engine)', () => failBoth(['-d', 'nosuchplugin', `${P}e1`]));
        it('--driver on API 1.30 (with --template-driver: both reported)', () =>
          failBoth(['-d', 'x', '--template-driver', 'golang', `${P}e1`], '', { DOCKER_API_VERSION: '1.30' }));
      }
    });

    describe(`${kind} rm`, () => {
      const name = `${P}r-${kind}`;
      /** The same state for each client: `name` exists (made again by docker) before each run. */
      function rmBoth(args: readonly string[], verb = 'rm'): Outcome {
        if (runDocker([kind, 'inspect', name]).code !== 0) create(kind, name, [], 'x');
        const d = runDocker([kind, verb, ...args]);
        const dGone = runDocker([kind, 'inspect', name]).code !== 0;
        if (runDocker([kind, 'inspect', name]).code !== 0) create(kind, name, [], 'x');
        const t = runTsw([kind, verb, ...args]);
        const tGone = runDocker([kind, 'inspect', name]).code !== 0;
        same(`${kind} rm ${args.join(' ')}`, d, t);
        assert.equal(tGone, dGone, 'removed by both or neither');
        return d;
      }
      it('one', () => assert.equal(rmBoth([name]).stdout, `${name}\n`));
      it('alias remove', () => void rmBoth([name], 'remove'));
      it('several, with missing ones and an empty one: errors joined, exit 1', () => {
        const d = rmBoth([`${P}missing`, name, '', `${P}missing2`]);
        assert.equal(d.code, 1);
        assert.equal(d.stdout, `${name}\n`);
      });
      it('no argument', () => void assertSame([kind, 'rm']));
      it('references with characters URLs escape', () => void assertSame([kind, 'rm', 'a/b', 'x?y', '%', '../x']));
      it('in use by a service: refused', async () => {
        const svc = `${P}svc-${kind}`;
        if (runDocker([kind, 'inspect', name]).code !== 0) create(kind, name, [], 'x');
        mustDocker(['service', 'create', '-d', '-q', '--name', svc, '--replicas', '0', `--${kind}`, name, IMAGE]);
        try {
          const d = rmBoth([name, `${P}missing`]);
          assert.match(d.stderr, /is in use by the following service: tsw-cs-svc-/);
          assert.ok(await objectNamed(kind, name), 'still there');
        } finally {
          runDocker(['service', 'rm', svc]);
        }
      });
    });
  }
});
