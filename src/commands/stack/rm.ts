/** `docker stack rm` (cli/command/stack/remove.go, stack/swarm/remove.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import type { Engine } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { stackFilter, validateStackName } from './common.ts';

export interface RmOptions {
  readonly namespaces: readonly string[];
  /** false with --detach=false: wait until the stack's tasks have stopped. */
  readonly detach: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: 'rm [OPTIONS] STACK [STACK...]',
      aliases: ['remove', 'down'],
      short: 'Remove one or more stacks',
      args: minArgs(1),
      flags: [{ name: 'detach', short: 'd', type: 'bool', usage: 'Do not wait for stack removal', defaultText: 'true' }],
      action: (f, args) => run({ namespaces: args, detach: f['detach'] !== false }, ctx.deps),
    },
    ctx.sink,
  );
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A stack object `stack rm` removes: its ID and the name it prints. */
interface Removable {
  readonly id: string;
  readonly name: string;
}

/**
 * Prints `Removing <kind> <name>` for each object and removes it; a failure is reported on
 * stderr without a newline (docker's Fprintf) and removal goes on. Returns whether any failed.
 */
async function removeAll(engine: Engine, deps: Deps, kind: 'service' | 'secret' | 'config' | 'network', objects: readonly Removable[]): Promise<boolean> {
  const [{ removeService }, { removeNetwork }, { removeSecret }, { removeConfig }] = await Promise.all([
    import('../../engine/services.ts'),
    import('../../engine/networks.ts'),
    import('../../engine/secrets.ts'),
    import('../../engine/configs.ts'),
  ]);
  const remove = { service: removeService, network: removeNetwork, secret: removeSecret, config: removeConfig }[kind];
  let failed = false;
  for (const o of objects) {
    deps.stdout.write(`Removing ${kind} ${o.name}\n`);
    try {
      await remove(engine, o.id);
    } catch (e) {
      failed = true;
      deps.stderr.write(`Failed to remove ${kind} ${o.id}: ${errorText(e)}`);
    }
  }
  return failed;
}

/** Task states after "running" (numberedStates in remove.go). */
const TERMINAL = new Set(['complete', 'shutdown', 'failed', 'rejected']);

/**
 * waitOnTasks, as docker 28 writes it: poll the stack's tasks without pause; every poll that
 * sees at least one task in a terminal state adds one to a running count, and the wait ends
 * when that count equals the number of tasks of the latest poll (at once when there are none).
 */
async function waitOnTasks(engine: Engine, namespace: string): Promise<void> {
  const { listTasks } = await import('../../engine/tasks.ts');
  let reached = 0;
  for (;;) {
    let tasks;
    try {
      tasks = await listTasks(engine, stackFilter(namespace));
    } catch (e) {
      throw new Error(`failed to get tasks: ${errorText(e)}`);
    }
    if (tasks.some((t) => TERMINAL.has(t.Status?.State ?? ''))) reached++;
    if (reached === tasks.length) return;
  }
}

/**
 * Per stack: list its services, networks, secrets and configs (a list error ends the command
 * at once); nothing at all is a notice on stderr. Otherwise services (sorted by name), then
 * secrets, configs and networks are removed; a failed removal marks the stack failed
 * (`failed to remove some resources from stack: X`), and only a clean stack is waited on
 * with --detach=false. The errors of all stacks are joined, exit 1.
 */
export async function run(opts: RmOptions, deps: Deps): Promise<void> {
  for (const ns of opts.namespaces) validateStackName(ns);
  const [{ listServices }, { listNetworks }, { listSwarmObjects }, { compareVersions }] = await Promise.all([
    import('../../engine/services.ts'),
    import('../../engine/networks.ts'),
    import('../../engine/secrets.ts'),
    import('../../go/versions.ts'),
  ]);
  const engine = await deps.engine();
  const errs: string[] = [];
  for (const namespace of opts.namespaces) {
    const filter = stackFilter(namespace);
    const services = await listServices(engine, filter);
    const networks = await listNetworks(engine, filter);
    const version = await engine.apiVersion();
    const secrets = compareVersions(version, '1.25') >= 0 ? await listSwarmObjects(engine, 'secrets', filter) : [];
    const configs = compareVersions(version, '1.30') >= 0 ? await listSwarmObjects(engine, 'configs', filter) : [];
    if (services.length + networks.length + secrets.length + configs.length === 0) {
      deps.stderr.write(`Nothing found in stack: ${namespace}\n`);
      continue;
    }
    const byName = services
      .map((s) => ({ id: s.ID, name: s.Spec?.Name ?? '' }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const named = (list: readonly { ID: string; Name: string }[]) => list.map((o) => ({ id: o.ID, name: o.Name }));
    let failed = await removeAll(engine, deps, 'service', byName);
    failed = (await removeAll(engine, deps, 'secret', named(secrets))) || failed;
    failed = (await removeAll(engine, deps, 'config', named(configs))) || failed;
    failed = (await removeAll(engine, deps, 'network', networks.map((n) => ({ id: n.Id ?? '', name: n.Name ?? '' })))) || failed;
    if (failed) {
      errs.push(`failed to remove some resources from stack: ${namespace}`);
      continue;
    }
    if (!opts.detach) {
      try {
        await waitOnTasks(engine, namespace);
      } catch (e) {
        errs.push(`failed to wait on tasks of stack: ${namespace}: ${errorText(e)}`);
      }
    }
  }
  if (errs.length > 0) throw new StatusError(errs.join('\n'), 1);
}
