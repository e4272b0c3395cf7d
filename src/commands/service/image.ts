/**
 * What the client's ServiceCreate/ServiceUpdate do to the image before sending the spec
 * (client/service_create.go, docker 28): tag it (`:latest` when it has no tag or digest), and
 * with QueryRegistry ask `GET /distribution/{image}/json` to pin the digest and record the
 * platforms. A failed lookup leaves the tagged image and gives docker's warning.
 */
import { distributionInspect } from '../../engine/distribution.ts';
import type { Engine } from '../../engine/types.ts';
import { imageWithDigestString, imageWithTagString } from '../../render/reference.ts';
import type { ServiceSpec } from '../../spec/types.ts';

/** digestWarning: printed (with Println) after the daemon's own warnings. */
export function digestWarning(image: string): string {
  return (
    `image ${image} could not be accessed on a registry to record\n` +
    `its digest. Each node will access ${image} independently,\n` +
    'possibly leading to different nodes running different\n' +
    'versions of the image.\n'
  );
}

export interface ResolvedImage {
  readonly spec: ServiceSpec;
  /** The digest warning when the registry lookup failed. */
  readonly warning?: string;
}

/** Tags the image and, when asked, pins it (the spec given is not modified). */
export async function resolveServiceImage(engine: Engine, spec: ServiceSpec, queryRegistry: boolean, encodedAuth: string): Promise<ResolvedImage> {
  const { distributionPlatforms, pinServiceImage } = await import('../../spec/create.ts');
  const task = spec.TaskTemplate ?? {};
  const cs = task.ContainerSpec ?? {};
  const tagged = imageWithTagString(cs.Image ?? '');
  let out: ServiceSpec = { ...spec, TaskTemplate: { ...task, ContainerSpec: { ...cs, ...(tagged !== '' ? { Image: tagged } : {}) } } };
  if (!queryRegistry) return { spec: out };
  const image = out.TaskTemplate?.ContainerSpec?.Image ?? '';
  try {
    const d = await distributionInspect(engine, image, encodedAuth);
    const pinned = imageWithDigestString(image, d.Descriptor?.digest ?? '');
    out = pinServiceImage(out, pinned, distributionPlatforms(d.Platforms ?? []));
    return { spec: out };
  } catch {
    return { spec: out, warning: digestWarning(image) };
  }
}
