/** `docker swarm init` (cli/command/swarm/init.go). */
import type { Command } from 'commander';
import { addLeaf, noArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { swarmInit, unlockKey } from '../../engine/swarm.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { printJoinCommand } from './join-token.ts';
import {
  advertiseAddrFlag,
  availabilityFlag,
  checkAvailability,
  dataPathAddrFlag,
  DEFAULT_LISTEN_ADDR,
  fetchUnlockKey,
  listenAddrFlag,
  mergeSwarmSpec,
  swarmFlags,
  type SwarmOptions,
  swarmOptionsFrom,
  unlockCommandText,
} from './opts.ts';

export interface InitOptions {
  readonly listenAddr: string;
  readonly advertiseAddr: string;
  readonly dataPathAddr: string;
  readonly dataPathPort: number;
  readonly forceNewCluster: boolean;
  /** Only when given (the daemon's default otherwise). */
  readonly availability?: string;
  readonly defaultAddrPool: readonly string[];
  readonly defaultAddrPoolMaskLength: number;
  readonly swarm: SwarmOptions;
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'init',
      use: 'init [OPTIONS]',
      short: 'Initialize a swarm',
      args: noArgs,
      flags: [
        listenAddrFlag,
        advertiseAddrFlag,
        dataPathAddrFlag,
        {
          name: 'data-path-port',
          type: 'uint32',
          usage: 'Port number to use for data path traffic (1024 - 49151). If no value is set or is set to 0, the default port (4789) is used.',
          version: '1.40',
        },
        { name: 'force-new-cluster', type: 'bool', usage: 'Force create a new cluster from current state' },
        { name: 'autolock', type: 'bool', usage: 'Enable manager autolocking (requiring an unlock key to start a stopped manager)' },
        availabilityFlag,
        { name: 'default-addr-pool', type: 'ipNetSlice', usage: 'default address pool in CIDR format', defaultText: '[]', version: '1.39' },
        { name: 'default-addr-pool-mask-length', type: 'uint32', usage: 'default address pool subnet mask length', defaultText: '24', version: '1.39' },
        ...swarmFlags,
      ],
      action: (f) => {
        const availability = f['availability'] as string | undefined;
        return run(
          {
            listenAddr: (f['listen-addr'] as string | undefined) ?? DEFAULT_LISTEN_ADDR,
            advertiseAddr: (f['advertise-addr'] as string | undefined) ?? '',
            dataPathAddr: (f['data-path-addr'] as string | undefined) ?? '',
            dataPathPort: (f['data-path-port'] as number | undefined) ?? 0,
            forceNewCluster: f['force-new-cluster'] === true,
            ...(availability !== undefined ? { availability } : {}),
            defaultAddrPool: (f['default-addr-pool'] as string[] | undefined) ?? [],
            defaultAddrPoolMaskLength: (f['default-addr-pool-mask-length'] as number | undefined) ?? 24,
            swarm: swarmOptionsFrom(f),
          },
          ctx.deps,
        );
      },
    },
    ctx.sink,
  );
}

const NO_ADDRESS = ['could not choose an IP address to advertise', "could not find the system's IP address"];

export async function run(opts: InitOptions, deps: Deps): Promise<void> {
  const availability = opts.availability !== undefined ? checkAvailability(opts.availability) : '';
  const autolock = opts.swarm.autolock === true;
  const engine = await deps.engine();
  let nodeID: string;
  try {
    nodeID = await swarmInit(engine, {
      ListenAddr: opts.listenAddr,
      AdvertiseAddr: opts.advertiseAddr,
      DataPathAddr: opts.dataPathAddr,
      DataPathPort: opts.dataPathPort,
      ForceNewCluster: opts.forceNewCluster,
      Spec: mergeSwarmSpec({}, opts.swarm),
      AutoLockManagers: autolock,
      Availability: availability,
      DefaultAddrPool: [...opts.defaultAddrPool],
      SubnetSize: opts.defaultAddrPoolMaskLength,
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (NO_ADDRESS.some((s) => message.includes(s))) throw new StatusError(`${message} - specify one with --advertise-addr`, 1);
    throw e;
  }
  deps.stdout.write(`Swarm initialized: current node (${nodeID}) is now a manager.\n\n`);
  await printJoinCommand(engine, deps, nodeID, true, false);
  deps.stdout.write("To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n");
  if (autolock) deps.stdout.write(unlockCommandText(await fetchUnlockKey(() => unlockKey(engine))));
}
