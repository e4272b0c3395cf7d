/**
 * `service create`: flags → the exact `POST /services/create` body docker 28.2.2 sent
 * (test/golden/spec/create.json, captured by test/capture/spec.mjs through a recording proxy).
 * Each case feeds docker's own argv to the pure layer (splitServiceArgs → parseServiceFlags →
 * buildServiceSpec → the client's image pinning from the recorded /distribution answer →
 * encodeServiceSpec) and compares the bytes.
 *
 * Key order is never normalised: Go's struct order and sorted map keys are part of the bytes.
 * Only arrays that docker fills from a Go map (random order: port ranges, several secrets,
 * several generic resources) are compared as multisets, and they are listed per case in the
 * golden (`unordered`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitServiceArgs } from '../../src/spec/argv.ts';
import { buildServiceSpec } from '../../src/spec/create.ts';
import { parseServiceFlags } from '../../src/spec/flags.ts';
import { encodeServiceSpec } from '../../src/spec/codec.ts';
import { readGolden, sortedJSON } from '../support/golden.ts';
import { type LabInfo, type Recorded, labContext, pinFromRecording } from './spec-golden.test.ts';

interface CreateCase {
  id: string;
  argv: string[];
  envFiles?: Record<string, string>;
  unordered?: string[];
  code: number;
  stderr: string;
  requests: Recorded[];
  createBody: string;
  specReadBack: string | null;
}

const golden = JSON.parse(readGolden('spec/create.json')) as LabInfo & { cases: CreateCase[] };

describe('service create: request body (docker 28.2.2 goldens)', () => {
  assert.ok(golden.cases.length >= 60, 'at least 60 create cases');
  for (const c of golden.cases) {
    it(c.id, () => {
      const { pairs, positional } = splitServiceArgs('create', c.argv.slice(2));
      const warnings: string[] = [];
      const ctx = { ...labContext(golden, c.envFiles), warn: (m: string) => warnings.push(m) };
      const flags = parseServiceFlags('create', pairs, ctx);
      // docker logs parse-time warnings with logrus (`level=warning msg="…"` on stderr).
      assert.deepEqual(warnings, [...c.stderr.matchAll(/level=warning msg="([^"]*)"/g)].map((m) => m[1]));
      const spec = buildServiceSpec({ image: positional[0] ?? '', args: positional.slice(1) }, flags, ctx);
      const pinned = flags['no-resolve-image'] === true ? spec : pinFromRecording(spec, c.requests);
      const body = encodeServiceSpec(pinned);
      assert.ok(body.endsWith('\n'));
      if (c.unordered === undefined) assert.equal(body, c.createBody);
      else assert.equal(sortedJSON(body, c.unordered), sortedJSON(c.createBody, c.unordered));
    });
  }
});
