/** `docker swarm join-token` (cli/command/swarm/join_token.go). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { swarmInspect, swarmUpdate } from '../../engine/swarm.ts';
import type { Engine } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface JoinTokenOptions {
  readonly role: string;
  readonly rotate: boolean;
  readonly quiet: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'join-token',
      use: 'join-token [OPTIONS] (worker|manager)',
      short: 'Manage join tokens',
      args: exactArgs(1),
      flags: [
        { name: 'rotate', type: 'bool', usage: 'Rotate join token' },
        { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display token' },
      ],
      action: (f, args) => run({ role: args[0] ?? '', rotate: f['rotate'] === true, quiet: f['quiet'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export async function run(opts: JoinTokenOptions, deps: Deps): Promise<void> {
  const worker = opts.role === 'worker';
  const manager = opts.role === 'manager';
  if (!worker && !manager) throw new StatusError(`unknown role ${opts.role}`, 1);
  const engine = await deps.engine();
  if (opts.rotate) {
    const sw = await swarmInspect(engine);
    await swarmUpdate(engine, sw.Version, sw.Spec, { rotateWorkerToken: worker, rotateManagerToken: manager });
    if (!opts.quiet) deps.stdout.write(`Successfully rotated ${opts.role} join token.\n\n`);
  }
  // Read again: a rotation changed the tokens.
  const sw = await swarmInspect(engine);
  if (opts.quiet) {
    deps.stdout.write(`${(worker ? sw.JoinTokens?.Worker : sw.JoinTokens?.Manager) ?? ''}\n`);
    return;
  }
  const info = await engine.info();
  await printJoinCommand(engine, deps, info.Swarm?.NodeID ?? '', worker, manager);
}

/** printJoinCommand: the `docker swarm join --token …` lines, when this node is a manager. */
export async function printJoinCommand(engine: Engine, deps: Deps, nodeID: string, worker: boolean, manager: boolean): Promise<void> {
  const { value: node } = await engine.inspectNode(nodeID);
  const sw = await swarmInspect(engine);
  const addr = node.ManagerStatus?.Addr;
  if (node.ManagerStatus == null) return;
  const line = (role: string, token: string | undefined) =>
    `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${token ?? ''} ${addr ?? ''}\n\n`;
  if (worker) deps.stdout.write(line('worker', sw.JoinTokens?.Worker));
  if (manager) deps.stdout.write(line('manager', sw.JoinTokens?.Manager));
}
