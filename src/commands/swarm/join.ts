/** `docker swarm join` (cli/command/swarm/join.go). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { swarmJoin } from '../../engine/swarm.ts';
import type { CommandContext } from '../context.ts';
import { advertiseAddrFlag, availabilityFlag, checkAvailability, dataPathAddrFlag, DEFAULT_LISTEN_ADDR, listenAddrFlag } from './opts.ts';

export interface JoinOptions {
  readonly remote: string;
  readonly listenAddr: string;
  readonly advertiseAddr: string;
  readonly dataPathAddr: string;
  /** A secret: sent in the request body only. */
  readonly token: string;
  /** Only when given (the daemon's default otherwise). */
  readonly availability?: string;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'join',
      use: 'join [OPTIONS] HOST:PORT',
      short: 'Join a swarm as a node and/or manager',
      args: exactArgs(1),
      flags: [
        listenAddrFlag,
        advertiseAddrFlag,
        dataPathAddrFlag,
        { name: 'token', type: 'string', usage: 'Token for entry into the swarm' },
        availabilityFlag,
      ],
      action: (f, args) => {
        const str = (k: string) => (f[k] as string | undefined) ?? '';
        const availability = f['availability'] as string | undefined;
        return run(
          {
            remote: args[0] ?? '',
            listenAddr: (f['listen-addr'] as string | undefined) ?? DEFAULT_LISTEN_ADDR,
            advertiseAddr: str('advertise-addr'),
            dataPathAddr: str('data-path-addr'),
            token: str('token'),
            ...(availability !== undefined ? { availability } : {}),
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

export async function run(opts: JoinOptions, deps: Deps): Promise<void> {
  const availability = opts.availability !== undefined ? checkAvailability(opts.availability) : '';
  const engine = await deps.engine();
  await swarmJoin(engine, {
    ListenAddr: opts.listenAddr,
    AdvertiseAddr: opts.advertiseAddr,
    DataPathAddr: opts.dataPathAddr,
    RemoteAddrs: [opts.remote],
    JoinToken: opts.token,
    Availability: availability,
  });
  const info = await engine.info();
  const role = info.Swarm?.ControlAvailable === true ? 'manager' : 'worker';
  deps.stdout.write(`This node joined a swarm as a ${role}.\n`);
}
