/** `docker version` (cli/command/system/version.go): client and server versions. */
import { Command } from 'commander';
import { addLeaf, createGroup, noArgs } from '../cli/define.ts';
import { INSPECT_FORMAT_HELP } from '../cli/flags.ts';
import type { Deps } from '../deps.ts';
import type { SystemVersion } from '../engine/types.ts';
import { TSW_BUILD_TIME, TSW_COMMIT, TSW_VERSION } from '../version-info.ts';
import type { CommandContext } from './context.ts';

export interface VersionOptions {
  readonly format: string;
}


export function command(ctx: CommandContext): Command {
  const root = createGroup('', { name: 'docker', short: '' }, ctx.sink);
  addLeaf(
    root,
    {
      name: 'version',
      use: 'version [OPTIONS]',
      short: 'Show the Docker version information',
      args: noArgs,
      flags: [{ name: 'format', short: 'f', type: 'string', usage: INSPECT_FORMAT_HELP }],
      action: (f) => run({ format: (f['format'] as string | undefined) ?? '' }, ctx.deps),
    },
    ctx.sink,
  );
  return root;
}

export async function run(opts: VersionOptions, deps: Deps): Promise<void> {
  const { versionTemplate, renderVersion } = await import('../render/version.ts');
  const tmpl = versionTemplate(opts.format);
  const { resolveFromSystem, MAX_API_VERSION } = await import('../engine/index.ts');
  const resolution = resolveFromSystem(deps.globals, deps.env, deps.system);
  const contextName = resolution.ok ? resolution.endpoint.contextName : resolution.contextName;
  const engine = await deps.engine();
  let server: SystemVersion | undefined;
  let failure: unknown;
  try {
    server = await engine.version();
  } catch (err) {
    failure = err;
  }
  // The negotiated version; docker shows its own maximum when negotiation did not happen.
  const apiVersion = failure === undefined ? await engine.apiVersion() : MAX_API_VERSION;
  const { text, error } = renderVersion(
    tmpl,
    {
      platformName: 'tsw',
      version: TSW_VERSION,
      apiVersion,
      defaultAPIVersion: MAX_API_VERSION,
      gitCommit: TSW_COMMIT,
      goVersion: `node ${deps.system.nodeVersion}`,
      os: deps.system.platform,
      arch: deps.system.arch,
      buildTime: TSW_BUILD_TIME,
      context: contextName,
    },
    server,
  );
  deps.stdout.write(text);
  if (failure !== undefined) throw failure;
  if (error) throw error;
}
