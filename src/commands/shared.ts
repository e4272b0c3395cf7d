/** Helpers several commands share. */
import type { ConfigFile } from '../configfile.ts';
import type { Deps } from '../deps.ts';
import { StatusError } from '../errors.ts';
import type { InspectElement } from '../render/inspect.ts';

/** config.json for this invocation (read once by src/cli.ts, which printed any warning). */
export function clientConfig(deps: Deps): ConfigFile {
  return deps.config;
}

/**
 * inspect.Inspect as docker's inspect commands end it: each ref fetched (getRef) and inspected
 * in order, the output written, then the collected errors joined (exit 1). A template that
 * does not parse exits with the inspector's status 64, which `runInspect` in node, service,
 * config and secret re-wraps into exit 1 (`parseStatus: 1`); network keeps 64.
 */
export async function writeInspect(
  deps: Deps,
  refs: readonly string[],
  format: string,
  getRef: (ref: string) => Promise<InspectElement>,
  parseStatus: 1 | 64,
): Promise<void> {
  const { inspectRefs, inspectFailure } = await import('../render/inspect.ts');
  let result;
  try {
    result = await inspectRefs(refs, format, getRef);
  } catch (e) {
    if (parseStatus === 1 && e instanceof StatusError) throw new StatusError(e.message, 1);
    throw e;
  }
  deps.stdout.write(result.output);
  const failure = inspectFailure(result);
  if (failure) throw failure;
}
