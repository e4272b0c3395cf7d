/**
 * Shared support for the spec goldens (test/golden/spec/*.json, captured from docker 28.2.2 by
 * test/capture/spec.mjs), and checks that the goldens hold what the other spec tests rely on.
 * (A *.test.ts file so that it lives with them; it only exports helpers and sanity tests.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type CreateContext, distributionPlatforms, pinServiceImage } from '../../src/spec/create.ts';
import type { ServiceSpec } from '../../src/spec/types.ts';
import { readGolden } from '../support/golden.ts';
import type { LabInfo, Recorded } from '../support/replay-routes.ts';

export type { LabInfo, Recorded } from '../support/replay-routes.ts';

/** The context the command layer would build: env, env-file contents, API lookups. */
export function labContext(lab: LabInfo, envFiles: Record<string, string> | undefined): CreateContext & { cwd: string } {
  const files = new Map<string, Uint8Array>();
  for (const [name, b64] of Object.entries(envFiles ?? {})) files.set(`${lab.work}/${name}`, Buffer.from(b64, 'base64'));
  return {
    cwd: lab.cwd,
    lookupEnv: (k) => lab.env[k],
    envFiles: files,
    networks: new Map(Object.entries(lab.networks)),
    secrets: Object.entries(lab.secrets).map(([Name, ID]) => ({ Name, ID })),
    configs: Object.entries(lab.configs).map(([Name, ID]) => ({ Name, ID })),
  };
}

/** The client's resolveContainerSpecImage, from the recorded `GET /distribution/…/json`. */
export function pinFromRecording(spec: ServiceSpec, requests: readonly Recorded[]): ServiceSpec {
  const dist = requests.find((r) => r.method === 'GET' && /\/distribution\//.test(r.url));
  if (dist === undefined || dist.status !== 200 || dist.response === undefined) return spec;
  const d = JSON.parse(dist.response) as { Descriptor: { digest: string }; Platforms?: Array<{ architecture?: string; os?: string }> };
  const image = spec.TaskTemplate?.ContainerSpec?.Image ?? '';
  return pinServiceImage(spec, `${image}@${d.Descriptor.digest}`, distributionPlatforms(d.Platforms ?? []));
}

// Registered only when this file is the one being run (the other spec tests import helpers).
const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

describe('spec goldens', { skip: !isMain && 'helpers only' }, () => {
  for (const file of ['create', 'update', 'errors']) {
    it(`${file}.json was captured from docker 28 with lab objects`, () => {
      const g = JSON.parse(readGolden(`spec/${file}.json`)) as LabInfo & { client: string; cases: unknown[] };
      assert.match(g.client, /^28\./);
      assert.equal(Object.keys(g.networks).length, 2);
      assert.equal(Object.keys(g.secrets).length, 2);
      assert.equal(Object.keys(g.configs).length, 2);
      assert.ok(g.cases.length > 0);
    });
  }
});
