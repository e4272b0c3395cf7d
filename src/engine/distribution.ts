/**
 * GET /distribution/{image}/json (client/distribution_inspect.go, docker 28): the digest and
 * platforms the registry reports for an image, asked by the daemon on the client's behalf.
 */
import type { Engine } from './types.ts';

export interface DistributionInspect {
  readonly Descriptor?: { readonly digest?: string; readonly mediaType?: string; readonly size?: number };
  readonly Platforms?: ReadonlyArray<{ readonly architecture?: string; readonly os?: string }> | null;
}

/** The header is sent only when there is an encoded auth; an empty image is refused unsent. */
export async function distributionInspect(engine: Engine, image: string, encodedAuth = ''): Promise<DistributionInspect> {
  if (image === '') throw new Error('Error: No such distribution: ');
  const { value } = await engine.request<DistributionInspect>({
    method: 'GET',
    path: `/distribution/${image}/json`,
    ...(encodedAuth !== '' ? { headers: { 'X-Registry-Auth': encodedAuth } } : {}),
  });
  if (value === undefined || value === null || typeof value !== 'object') throw new Error('unexpected distribution response');
  return value;
}
