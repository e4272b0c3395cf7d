/**
 * The top-level commands. Each entry loads its group lazily, so `tsw node ls` never
 * parses the code of `stack deploy`.
 */
import type { Command } from 'commander';
import type { CommandContext } from './context.ts';

export interface CatalogEntry {
  readonly name: string;
  readonly short: string;
  /** Commands of tsw's own (not docker's): messages say "tsw", help lists them apart. */
  readonly tswOnly?: boolean;
  /** A single command (like `version`) rather than a group: load() returns its parent. */
  readonly leaf?: boolean;
  /** Builds the group (or leaf) command with its subcommands registered. */
  readonly load: (ctx: CommandContext) => Promise<Command>;
}

export const catalog: readonly CatalogEntry[] = [
  {
    name: 'node',
    short: 'Manage Swarm nodes',
    load: async (ctx) => (await import('./node/index.ts')).group(ctx),
  },
  {
    name: 'service',
    short: 'Manage Swarm services',
    load: async (ctx) => (await import('./service/index.ts')).group(ctx),
  },
  {
    name: 'stack',
    short: 'Manage Swarm stacks',
    load: async (ctx) => (await import('./stack/index.ts')).group(ctx),
  },
  {
    name: 'swarm',
    short: 'Manage Swarm',
    load: async (ctx) => (await import('./swarm/index.ts')).group(ctx),
  },
  {
    name: 'version',
    short: 'Show the Docker version information',
    leaf: true,
    load: async (ctx) => (await import('./version.ts')).command(ctx),
  },
  {
    name: 'lab',
    short: 'Run a local multi-node swarm for trying things out',
    tswOnly: true,
    load: async (ctx) => (await import('./lab/index.ts')).group(ctx),
  },
];
