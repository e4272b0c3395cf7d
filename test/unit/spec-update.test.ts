/**
 * `service update`: the service as docker read it (`GET /services/{id}`, recorded) plus the
 * flags → the exact `POST /services/{id}/update` body docker 28.2.2 sent
 * (test/golden/spec/update.json, captured by test/capture/spec.mjs through a recording proxy).
 * The pipeline is decodeService → splitServiceArgs/parseServiceFlags → applyUpdateFlags →
 * (for --image) the client's digest pin from the recorded /distribution answer →
 * encodeServiceSpec. Bytes are compared as they are; only arrays docker rebuilds from a Go map
 * (`--env-add`) are compared as multisets, as listed per case (`unordered`).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitServiceArgs } from '../../src/spec/argv.ts';
import { parseServiceFlags } from '../../src/spec/flags.ts';
import { decodeService, encodeServiceSpec } from '../../src/spec/codec.ts';
import { applyUpdateFlags } from '../../src/spec/update.ts';
import { readGolden, sortedJSON } from '../support/golden.ts';
import { type LabInfo, type Recorded, labContext, pinFromRecording } from './spec-golden.test.ts';

interface UpdateCase {
  id: string;
  base: string[];
  args: string[];
  unordered?: string[];
  code: number;
  stderr: string;
  requests: Recorded[];
  inspected: string;
  updateUrl: string;
  updateBody: string;
}

const golden = JSON.parse(readGolden('spec/update.json')) as LabInfo & { cases: UpdateCase[] };

describe('service update: request body (docker 28.2.2 goldens)', () => {
  assert.ok(golden.cases.length >= 25, 'at least 25 update cases');
  for (const c of golden.cases) {
    it(c.id, () => {
      const { pairs } = splitServiceArgs('update', c.args);
      const ctx = labContext(golden, undefined);
      const flags = parseServiceFlags('update', pairs, ctx);
      const current = decodeService(c.inspected);
      assert.ok(c.updateUrl.includes(`/services/${current.id}/update?`) && c.updateUrl.includes(`version=${current.version}`));
      let spec = applyUpdateFlags(current.spec, flags, ctx);
      if (flags.image !== undefined && flags['no-resolve-image'] !== true) spec = pinFromRecording(spec, c.requests);
      const body = encodeServiceSpec(spec);
      if (c.unordered === undefined) assert.equal(body, c.updateBody);
      else assert.equal(sortedJSON(body, c.unordered), sortedJSON(c.updateBody, c.unordered));
    });
  }
});
