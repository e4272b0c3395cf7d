/** Helpers several commands share. */
import type { ConfigFile } from '../configfile.ts';
import type { Deps } from '../deps.ts';

/** config.json for this invocation (read once by src/cli.ts, which printed any warning). */
export function clientConfig(deps: Deps): ConfigFile {
  return deps.config;
}
