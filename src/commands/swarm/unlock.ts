/** `docker swarm unlock` (cli/command/swarm/unlock.go): the key from stdin, or a prompt on a terminal. */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { trimSpace } from '../../go/strings.ts';
import { swarmUnlock } from '../../engine/swarm.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';

export type UnlockOptions = Record<string, never>;

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    { name: 'unlock', use: 'unlock', short: 'Unlock swarm', args: noArgs, flags: [], action: () => run({}, ctx.deps) },
    ctx.sink,
  );
}

export async function run(_opts: UnlockOptions, deps: Deps): Promise<void> {
  const engine = await deps.engine();
  // Ask for the key only when the node is actually locked.
  const info = await engine.info();
  switch (info.Swarm?.LocalNodeState) {
    case 'inactive':
      throw new StatusError('Error: This node is not part of a swarm', 1);
    case 'pending':
    case 'active':
    case 'error':
      throw new StatusError('Error: swarm is not locked', 1);
  }
  const key = deps.stdin.isTTY === true ? await readPassword(deps, 'Enter unlock key: ') : trimSpace(await readLine(deps.stdin));
  await swarmUnlock(engine, key);
}

/** bufio.Reader.ReadString('\n'): up to and including the first newline, or all input. */
function readLine(stdin: Deps['stdin']): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (value: string) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      text += chunk.toString();
      const nl = text.indexOf('\n');
      if (nl >= 0) done(text.slice(0, nl + 1));
    };
    const onEnd = () => done(text);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
    stdin.resume();
  });
}

type RawStdin = Deps['stdin'] & { setRawMode?: (raw: boolean) => unknown };

/** term.ReadPassword after a prompt on stdout: no echo, up to Enter, then a newline. */
function readPassword(deps: Deps, prompt: string): Promise<string> {
  deps.stdout.write(prompt);
  const stdin = deps.stdin as RawStdin;
  return new Promise((resolve, reject) => {
    let key = '';
    const finish = (err?: Error) => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.setRawMode?.(false);
      stdin.pause();
      deps.stdout.write('\n');
      if (err) reject(err);
      else resolve(key);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\x03') return finish(new StatusError('', 130));
        if (ch === '\x04' && key === '') return finish(new StatusError('EOF', 1));
        if (ch === '\b' || ch === '\x7f') key = key.slice(0, -1);
        else key += ch;
      }
    };
    const onEnd = () => finish();
    stdin.setRawMode?.(true);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.resume();
  });
}
