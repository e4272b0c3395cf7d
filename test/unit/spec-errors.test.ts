/**
 * Malformed values and invalid combinations: docker 28.2.2's message and exit code for each
 * (test/golden/spec/errors.json, captured by test/capture/spec.mjs; every case also records
 * that docker sent no create/update request and changed nothing).
 *
 * - exit 125: a flag value's Set failed; pflag's line `invalid argument "v" for "--f" flag: …`
 *   must be FlagParseError's message (the usage footer is the command layer's).
 * - exit 1: the flags parsed; building or applying the spec throws SpecError with docker's
 *   text. Lookups that fail in the daemon (`Error response from daemon: network … not found`)
 *   are passed in as the failed lookup, and must surface at the point docker reaches them.
 * - exit 2: docker panicked; GoPanic carries the text after `panic: `.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitServiceArgs } from '../../src/spec/argv.ts';
import { buildServiceSpec } from '../../src/spec/create.ts';
import { SpecError } from '../../src/spec/errors.ts';
import { FlagParseError, parseServiceFlags } from '../../src/spec/flags.ts';
import { decodeService, encodeServiceSpec } from '../../src/spec/codec.ts';
import { GoPanic } from '../../src/spec/kv.ts';
import { applyUpdateFlags } from '../../src/spec/update.ts';
import { readGolden } from '../support/golden.ts';
import { type LabInfo, labContext } from './spec-golden.test.ts';

interface ErrorCase {
  id: string;
  command: 'create' | 'update';
  argv: string[];
  envFiles?: Record<string, string>;
  stdout: string;
  stderr: string;
  code: number;
  posted: boolean;
  changed: boolean;
  inspected?: string;
}

const golden = JSON.parse(readGolden('spec/errors.json')) as LabInfo & { cases: ErrorCase[] };

function run(c: ErrorCase): void {
  const argv = c.argv.slice(2);
  const { pairs, positional } = splitServiceArgs(c.command, argv);
  const base = labContext(golden, c.envFiles);
  const daemonError = /^Error response from daemon: network (\S+) not found/.exec(c.stderr);
  const networks = new Map<string, string | Error>(base.networks ?? []);
  if (daemonError !== null) networks.set(daemonError[1] ?? '', new Error(c.stderr.trim()));
  const ctx = { ...base, networks };
  const flags = parseServiceFlags(c.command, pairs, ctx);
  if (c.command === 'create') {
    encodeServiceSpec(buildServiceSpec({ image: positional[0] ?? '', args: positional.slice(1) }, flags, ctx));
  } else {
    assert.ok(c.inspected !== undefined, 'the update golden records the service docker read');
    encodeServiceSpec(applyUpdateFlags(decodeService(c.inspected).spec, flags, ctx));
  }
}

describe('service create/update: docker 28.2.2 error messages', () => {
  assert.ok(golden.cases.length >= 100);
  for (const c of golden.cases) {
    it(`${c.command} ${c.id} (exit ${c.code})`, () => {
      assert.equal(c.posted, false, 'docker sent no create/update request');
      assert.equal(c.changed, false, 'docker created or changed nothing');
      assert.equal(c.stdout, '');
      const first = c.stderr.split('\n')[0] ?? '';
      switch (c.code) {
        case 125:
          assert.throws(
            () => run(c),
            (e: unknown) => e instanceof FlagParseError && e.message === first,
          );
          break;
        case 1:
          assert.throws(
            () => run(c),
            (e: unknown) => e instanceof SpecError && e.message === c.stderr.replace(/\n$/, ''),
          );
          break;
        case 2:
          assert.throws(
            () => run(c),
            (e: unknown) => e instanceof GoPanic && `panic: ${e.message}` === first,
          );
          break;
        default:
          assert.fail(`unexpected exit code ${c.code}`);
      }
    });
  }
});
