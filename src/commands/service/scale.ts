/**
 * `docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]` (cli/command/service/scale.go,
 * docker 28.2.2): set the replica count (or a replicated job's total completions) of each
 * service in turn, then, unless -d, wait for each scaled service. Errors are collected, each
 * prefixed with its service, and joined (exit 1).
 */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import { quote } from '../../go/quote.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { printWarnings, resendSpec, waitOnService } from './common.ts';

export interface ScaleOptions {
  /** SERVICE=REPLICAS pairs as given. */
  readonly scales: readonly string[];
  readonly detach: boolean;
}

const USE = 'scale SERVICE=REPLICAS [SERVICE=REPLICAS...]';
const SHORT = 'Scale one or multiple replicated services';

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'scale',
      use: USE,
      short: SHORT,
      args: minArgs(1),
      flags: [{ name: 'detach', short: 'd', type: 'bool', usage: 'Exit immediately instead of waiting for the service to converge' }],
      action: (f, args) => run({ scales: args, detach: f['detach'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

/** scaleArgs: every argument must be NAME=N with both sides non-empty. */
function checkScaleArgs(args: readonly string[]): void {
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0 || eq === arg.length - 1) {
      throw new StatusError(
        `invalid scale specifier '${arg}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service ${USE}\n\n${SHORT}`,
        1,
      );
    }
  }
}

/** strconv.ParseUint(s, 10, 64); the error's text when it fails. */
function parseUint10(s: string): bigint | string {
  const quoted = quote(s);
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${quoted}: invalid syntax`;
  const n = BigInt(s);
  if (n > 0xffff_ffff_ffff_ffffn) return `strconv.ParseUint: parsing ${quoted}: value out of range`;
  return n;
}

export async function run(opts: ScaleOptions, deps: Deps): Promise<void> {
  checkScaleArgs(opts.scales);
  const errs: string[] = [];
  const scaled: string[] = [];
  for (const arg of opts.scales) {
    const eq = arg.indexOf('=');
    const service = arg.slice(0, eq);
    const scaleText = arg.slice(eq + 1);
    const scale = parseUint10(scaleText);
    if (typeof scale === 'string') {
      errs.push(`${service}: invalid replicas value ${scaleText}: ${scale}`);
      continue;
    }
    try {
      const warnings = await resendSpec(deps, service, (spec) => {
        const mode = spec.Mode ?? {};
        if (mode.Replicated !== undefined) mode.Replicated.Replicas = scale;
        else if (mode.ReplicatedJob !== undefined) mode.ReplicatedJob.TotalCompletions = scale;
        else throw new Error('scale can only be used with replicated or replicated-job mode');
        return spec;
      });
      printWarnings(deps, warnings);
      deps.stdout.write(`${service} scaled to ${scale}\n`);
      scaled.push(service);
    } catch (e) {
      errs.push(`${service}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (scaled.length > 0 && !opts.detach) {
    for (const service of scaled) {
      try {
        await waitOnService(deps, service, false);
      } catch (e) {
        errs.push(`${service}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
