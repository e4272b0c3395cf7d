/** What the writing service verbs share: docker's error kinds, warnings, and the wait. */
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { ServiceSpec } from '../../spec/types.ts';

/**
 * Runs a command body, turning the spec layer's GoPanic (where docker panics) into docker's
 * exit status 2 with the panic's first line. SpecErrors pass through (printed as-is, exit 1).
 */
export async function withSpecErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof Error && e.name === 'GoPanic') throw new StatusError(`panic: ${e.message}`, 2);
    throw e;
  }
}

/** The daemon's warnings, then the client's, each with Println on stderr. */
export function printWarnings(deps: Deps, warnings: readonly (string | undefined)[] | null | undefined): void {
  for (const w of warnings ?? []) if (w !== undefined) deps.stderr.write(`${w}\n`);
}

/**
 * WaitOnService (cli/command/service/helpers.go): follows the service until it converges,
 * drawing docker's progress on stdout unless quiet.
 */
export async function waitOnService(deps: Deps, serviceID: string, quiet: boolean): Promise<void> {
  const { followService } = await import('../../progress/service.ts');
  await followService(deps, serviceID, quiet);
}

/**
 * ServiceInspectWithRaw then ServiceUpdate with the spec read (changed by edit), as `service
 * scale` and `service rollback` do: no registry lookup, no registryAuthFrom; the client still
 * tags the image. Returns the daemon's warnings.
 */
export async function resendSpec(
  deps: Deps,
  ref: string,
  edit: (spec: ServiceSpec) => ServiceSpec,
  query: { readonly rollback?: string } = {},
): Promise<readonly string[]> {
  const engine = await deps.engine();
  const { inspectService, updateService } = await import('../../engine/services.ts');
  const { decodeService, encodeServiceSpec } = await import('../../spec/codec.ts');
  const { resolveServiceImage } = await import('./image.ts');
  const current = decodeService((await inspectService(engine, ref, false)).raw);
  const spec = (await resolveServiceImage(engine, edit(current.spec), false, '')).spec;
  const response = await updateService(engine, current.id, current.version, encodeServiceSpec(spec).replace(/\n$/, ''), query);
  return response.Warnings ?? [];
}
