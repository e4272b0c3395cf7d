/** `docker swarm ca` (cli/command/swarm/ca.go): show the root CA, or rotate it and wait. */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { type Swarm, swarmInspect, swarmUpdate } from '../../engine/swarm.ts';
import { trimSpace } from '../../go/strings.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { caFlags, incUint64, mergeCAFlags, type PEMFile, pemFileFlag, type SwarmOptions, swarmOptionsFrom } from './opts.ts';

export interface CAOptions {
  readonly swarm: SwarmOptions;
  readonly caCert?: PEMFile;
  readonly caKey?: PEMFile;
  readonly rotate: boolean;
  readonly detach: boolean;
  readonly quiet: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'ca',
      use: 'ca [OPTIONS]',
      short: 'Display and rotate the root CA',
      version: '1.30',
      args: noArgs,
      flags: [
        ...caFlags,
        { name: 'rotate', type: 'bool', usage: 'Rotate the swarm CA - if no certificate or key are provided, new ones will be generated' },
        pemFileFlag('ca-cert', 'Path to the PEM-formatted root CA certificate to use for the new cluster'),
        pemFileFlag('ca-key', 'Path to the PEM-formatted root CA key to use for the new cluster'),
        { name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the root rotation to converge' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output' },
      ],
      action: (f) => {
        const caCert = f['ca-cert'] as PEMFile | undefined;
        const caKey = f['ca-key'] as PEMFile | undefined;
        return run(
          {
            swarm: swarmOptionsFrom(f),
            ...(caCert ? { caCert } : {}),
            ...(caKey ? { caKey } : {}),
            rotate: f['rotate'] === true,
            detach: f['detach'] === true,
            quiet: f['quiet'] === true,
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

export async function run(opts: CAOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  const sw = await swarmInspect(engine);
  const externalCAs = opts.swarm.externalCA ?? [];
  if (!opts.rotate) {
    const given = { 'ca-cert': opts.caCert, 'ca-key': opts.caKey, 'cert-expiry': opts.swarm.certExpiry, 'external-ca': opts.swarm.externalCA };
    for (const [flag, value] of Object.entries(given)) {
      if (value !== undefined) throw new StatusError(`\`--${flag}\` flag requires the \`--rotate\` flag to update the CA`, 1);
    }
    return displayTrustRoot(deps, sw);
  }
  if (externalCAs.length > 0 && opts.caCert === undefined) {
    throw new StatusError(
      "rotating to an external CA requires the `--ca-cert` flag to specify the external CA's cert - " +
        'to add an external CA with the current root CA certificate, use the `update` command instead',
      1,
    );
  }
  if (opts.caCert !== undefined && externalCAs.length === 0 && opts.caKey === undefined) {
    throw new StatusError('the --ca-cert flag requires that a --ca-key flag and/or --external-ca flag be provided as well', 1);
  }
  const caCert = opts.caCert?.contents ?? '';
  const caKey = opts.caKey?.contents ?? '';
  const spec = mergeCAFlags(sw.Spec, opts.swarm, caCert);
  spec.CAConfig = { ...spec.CAConfig, SigningCACert: caCert, SigningCAKey: caKey };
  if (caCert === '' && caKey === '') spec.CAConfig.ForceRotate = incUint64(spec.CAConfig.ForceRotate);
  await swarmUpdate(engine, sw.Version, spec);
  if (opts.detach) return;

  const { waitForRotation } = await import('./rotation.ts');
  if (opts.quiet) {
    await waitForRotation(engine, () => {}, deps.onInterrupt);
    return;
  }
  const { ProgressDisplay } = await import('../../render/progress.ts');
  // The terminal's width (even 0); 200 when stdout is not a terminal, as docker.
  const display = new ProgressDisplay({ isTTY: deps.stdout.isTTY, width: deps.stdout.isTTY ? deps.stdout.columns : 200 });
  const end = await waitForRotation(engine, (ev) => deps.stdout.write(display.render(ev)), deps.onInterrupt);
  // Interrupted: docker's command context is cancelled and it ends quietly, with status 0.
  if (end === 'interrupted') return;
  displayTrustRoot(deps, await swarmInspect(engine));
}

function displayTrustRoot(deps: Deps, sw: Swarm): void {
  const root = sw.TLSInfo?.TrustRoot ?? '';
  if (root === '') throw new StatusError('No CA information available', 1);
  deps.stdout.write(`${trimSpace(root)}\n`);
}
