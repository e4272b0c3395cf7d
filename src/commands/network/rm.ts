/** `docker network rm` (cli/command/network/remove.go, docker 28). */
import type { Command } from 'commander';
import { addLeaf, minArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { DaemonError, StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export interface RmOptions {
  readonly networks: readonly string[];
  readonly force: boolean;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'rm',
      use: 'rm NETWORK [NETWORK...]',
      aliases: ['remove'],
      short: 'Remove one or more networks',
      args: minArgs(1),
      flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
      action: (f, args) => run({ networks: args, force: f['force'] === true }, ctx.deps),
    },
    ctx.sink,
  );
}

export const INGRESS_WARNING =
  'WARNING! Before removing the routing-mesh network, ' +
  'make sure all the nodes in your swarm run the same docker engine version. ' +
  'Otherwise, removal may not be effective and functionality of newly create ' +
  'ingress networks will be impaired.\nAre you sure you want to continue?';

/**
 * prompt.ErrTerminated: SIGINT at a prompt. It is a "cancelled" error (it has Cancelled()),
 * which docker's main ends on without a message and with status 0; the commands return it at
 * once (`network rm` skips the networks left and its "exit status 1").
 */
export class PromptTerminated extends Error {
  constructor() {
    super('prompt terminated');
  }
}

/**
 * prompt.Confirm: the message and " [y/N] " on stdout, then one line of stdin; "y" or "Y"
 * (surrounding spaces ignored) is yes, anything else, end of input or a read error is no.
 * SIGINT while waiting prints a newline and fails with PromptTerminated.
 */
export function confirm(deps: Deps, message: string): Promise<boolean> {
  deps.stdout.write(`${message} [y/N] `);
  const stdin = deps.stdin;
  return new Promise((resolve, reject) => {
    let text = '';
    const cleanup = () => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onEnd);
      stdin.pause();
      stopInterrupt?.();
    };
    const finish = (answer: string | undefined) => {
      cleanup();
      // bufio.Scanner's line: without "\n" and a trailing "\r"; TrimSpace and EqualFold "y".
      const line = (answer ?? '').replace(/\r$/, '');
      resolve(answer !== undefined && line.trim().toLowerCase() === 'y');
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) finish(text.slice(0, nl));
    };
    // At EOF a last line without "\n" still counts; nothing at all is no answer.
    const onEnd = () => finish(text === '' ? undefined : text);
    const stopInterrupt = deps.onInterrupt?.(() => {
      cleanup();
      deps.stdout.write('\n');
      reject(new PromptTerminated());
    });
    // An earlier prompt may have read stdin to its end already: that is no answer.
    if ((stdin as { readableEnded?: boolean }).readableEnded === true) {
      finish(undefined);
      return;
    }
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onEnd);
    stdin.resume();
  });
}

/**
 * runRemove: each network in turn — the ingress network only after a "y" to the warning
 * (SIGINT there ends the command quietly with status 0); a missing one skipped with -f; other errors printed on stderr at once. Any failure ends with
 * docker's StatusError whose text is "exit status 1".
 */
export async function run(opts: RmOptions, deps: Deps): Promise<void> {
  const { inspectNetwork, removeNetwork } = await import('../../engine/networks.ts');
  const engine = await deps.engine();
  let status = 0;
  for (const name of opts.networks) {
    let ingress = false;
    try {
      ingress = (await inspectNetwork(engine, name)).value?.['Ingress'] === true;
    } catch {
      // docker only looks at the inspect result when it succeeded.
    }
    if (ingress) {
      let yes: boolean;
      try {
        yes = await confirm(deps, INGRESS_WARNING);
      } catch (e) {
        if (e instanceof PromptTerminated) return;
        throw e;
      }
      if (!yes) continue;
    }
    try {
      await removeNetwork(engine, name);
    } catch (e) {
      if (opts.force && e instanceof DaemonError && e.statusCode === 404) continue;
      deps.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
      continue;
    }
    deps.stdout.write(`${name}\n`);
  }
  if (status !== 0) throw new StatusError(`exit status ${status}`, status);
}
