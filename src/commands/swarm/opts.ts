/**
 * The swarm flag set docker's init, update and ca share (cli/command/swarm/opts.go): flag
 * specs, docker's own flag.Value types (node-addr, external-ca, pem-file), and the merge of
 * the flags the user gave into a swarm.Spec. Only flags given on the command line change
 * the spec; the others keep the daemon's (or current) value.
 */
import { readFileSync } from 'node:fs';
import type { FlagSpec } from '../../cli/flags.ts';
import { quote } from '../../go/quote.ts';
import type { FlagValues } from '../../cli/define.ts';
import { csvFirstRecord } from '../../go/csv.ts';
import { parseTCPAddr } from '../../engine/endpoint.ts';
import { goFileError } from '../../engine/errors.ts';
import { toBig } from '../../go/json.ts';
import type { ExternalCA, Int, SwarmSpec } from '../../engine/swarm.ts';
import { StatusError } from '../../errors.ts';
import { hasPEMBlock } from './pem.ts';

export const DEFAULT_LISTEN_ADDR = '0.0.0.0:2377';

/** The shared swarm options; undefined means the flag was not given (pflag's Changed). */
export interface SwarmOptions {
  readonly taskHistoryLimit?: bigint;
  readonly dispatcherHeartbeat?: bigint;
  readonly maxSnapshots?: bigint;
  readonly snapshotInterval?: bigint;
  readonly autolock?: boolean;
  readonly certExpiry?: bigint;
  readonly externalCA?: readonly ExternalCA[];
}

/** A --ca-cert / --ca-key file: its path and contents. */
export interface PEMFile {
  readonly path: string;
  readonly contents: string;
}

// ---------------------------------------------------------------------------------------------
// docker's flag.Value types

/** NodeAddrOption.Set: opts.ParseTCPAddr against the default, shown without "tcp://". */
function parseNodeAddr(value: string): string {
  return parseTCPAddr(value, DEFAULT_LISTEN_ADDR).replace(/^tcp:\/\//, '');
}

/** Reads a file as os.ReadFile does; the error text is Go's *PathError. */
function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(goFileError(path, e));
  }
}

/** PEMFile.Set. */
function parsePEMFile(value: string): PEMFile {
  const bytes = readFile(value);
  if (!hasPEMBlock(bytes.toString('latin1'))) throw new Error('file contents must be in PEM format');
  return { path: value, contents: bytes.toString('utf8') };
}

/** parseExternalCA: protocol=cfssl,url=…[,cacert=file][,key=value…]; keys case-insensitive. */
export function parseExternalCA(spec: string): ExternalCA {
  const fields = csvFirstRecord(spec);
  const ca: ExternalCA = { Protocol: '', URL: '', Options: {}, CACert: '' };
  let hasProtocol = false;
  let hasURL = false;
  for (const field of fields) {
    const eq = field.indexOf('=');
    if (eq < 0) throw new Error(`invalid field '${field}' must be a key=value pair`);
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    switch (key.toLowerCase()) {
      case 'protocol':
        hasProtocol = true;
        if (value.toLowerCase() !== 'cfssl') throw new Error(`unrecognized external CA protocol ${value}`);
        ca.Protocol = 'cfssl';
        break;
      case 'url':
        hasURL = true;
        ca.URL = value;
        break;
      case 'cacert': {
        let bytes: Buffer;
        try {
          bytes = readFile(value);
        } catch (e) {
          throw new Error(`unable to read CA cert for external CA: ${(e as Error).message}`);
        }
        if (!hasPEMBlock(bytes.toString('latin1'))) throw new Error('CA cert for external CA must be in PEM format');
        ca.CACert = bytes.toString('utf8');
        break;
      }
      default:
        (ca.Options ??= {})[key] = value;
    }
  }
  if (!hasProtocol) throw new Error('the external-ca option needs a protocol= parameter');
  if (!hasURL) throw new Error('the external-ca option needs a url= parameter');
  return ca;
}

// ---------------------------------------------------------------------------------------------
// Flag specs

export const listenAddrFlag: FlagSpec = {
  name: 'listen-addr',
  type: 'node-addr',
  usage: 'Listen address (format: "<ip|interface>[:port]")',
  defaultText: DEFAULT_LISTEN_ADDR,
  parse: parseNodeAddr,
};
export const advertiseAddrFlag: FlagSpec = { name: 'advertise-addr', type: 'string', usage: 'Advertised address (format: "<ip|interface>[:port]")' };
export const dataPathAddrFlag: FlagSpec = {
  name: 'data-path-addr',
  type: 'string',
  usage: 'Address or interface to use for data path traffic (format: "<ip|interface>")',
  version: '1.31',
};
export const availabilityFlag: FlagSpec = {
  name: 'availability',
  type: 'string',
  usage: 'Availability of the node ("active", "pause", "drain")',
  defaultText: 'active',
};

/** addSwarmCAFlags. */
export const caFlags: readonly FlagSpec[] = [
  { name: 'cert-expiry', type: 'duration', usage: 'Validity period for node certificates (ns|us|ms|s|m|h)', defaultText: '2160h0m0s' },
  {
    name: 'external-ca',
    type: 'external-ca',
    usage: 'Specifications of one or more certificate signing endpoints',
    parse: (value, previous) => [...(Array.isArray(previous) ? (previous as ExternalCA[]) : []), parseExternalCA(value)],
  },
];

export const pemFileFlag = (name: string, usage: string): FlagSpec => ({ name, type: 'pem-file', usage, parse: parsePEMFile });

/** addSwarmFlags (init and update add --autolock themselves, with their own usage). */
export const swarmFlags: readonly FlagSpec[] = [
  { name: 'task-history-limit', type: 'int64', usage: 'Task history retention limit', defaultText: '5' },
  { name: 'dispatcher-heartbeat', type: 'duration', usage: 'Dispatcher heartbeat period (ns|us|ms|s|m|h)', defaultText: '5s' },
  { name: 'max-snapshots', type: 'uint64', usage: 'Number of additional Raft snapshots to retain', version: '1.25' },
  { name: 'snapshot-interval', type: 'uint64', usage: 'Number of log entries between Raft snapshots', defaultText: '10000', version: '1.25' },
  ...caFlags,
];

/** The shared options from parsed flag values. */
export function swarmOptionsFrom(f: FlagValues): SwarmOptions {
  const pick = <K extends keyof SwarmOptions>(key: K, flag: string): Partial<SwarmOptions> =>
    f[flag] !== undefined ? ({ [key]: f[flag] } as Partial<SwarmOptions>) : {};
  return {
    ...pick('taskHistoryLimit', 'task-history-limit'),
    ...pick('dispatcherHeartbeat', 'dispatcher-heartbeat'),
    ...pick('maxSnapshots', 'max-snapshots'),
    ...pick('snapshotInterval', 'snapshot-interval'),
    ...pick('autolock', 'autolock'),
    ...pick('certExpiry', 'cert-expiry'),
    ...pick('externalCA', 'external-ca'),
  };
}

// ---------------------------------------------------------------------------------------------
// Spec merging

/** mergeSwarmSpecCAFlags: external CAs without a cert get caCert (when given). Returns a new spec. */
export function mergeCAFlags(spec: SwarmSpec, o: SwarmOptions, caCert?: string): SwarmSpec {
  const ca = { ...spec.CAConfig };
  if (o.certExpiry !== undefined) ca.NodeCertExpiry = o.certExpiry;
  if (o.externalCA !== undefined) {
    ca.ExternalCAs = o.externalCA.map((x) => (caCert !== undefined && x.CACert === '' ? { ...x, CACert: caCert } : { ...x }));
  }
  return { ...spec, CAConfig: ca };
}

/** mergeSwarmSpec: the given flags over spec. Returns a new spec. */
export function mergeSwarmSpec(spec: SwarmSpec, o: SwarmOptions, caCert?: string): SwarmSpec {
  const out: SwarmSpec = { ...spec };
  if (o.taskHistoryLimit !== undefined) out.Orchestration = { ...spec.Orchestration, TaskHistoryRetentionLimit: o.taskHistoryLimit };
  if (o.dispatcherHeartbeat !== undefined) out.Dispatcher = { ...spec.Dispatcher, HeartbeatPeriod: o.dispatcherHeartbeat };
  if (o.maxSnapshots !== undefined || o.snapshotInterval !== undefined) {
    out.Raft = { ...spec.Raft };
    if (o.maxSnapshots !== undefined) out.Raft.KeepOldSnapshots = o.maxSnapshots;
    if (o.snapshotInterval !== undefined) out.Raft.SnapshotInterval = o.snapshotInterval;
  }
  if (o.autolock !== undefined) out.EncryptionConfig = { ...spec.EncryptionConfig, AutoLockManagers: o.autolock };
  return mergeCAFlags(out, o, caCert);
}

/** uint64 increment with Go's wrap-around (CAConfig.ForceRotate++). */
export function incUint64(n: Int | undefined): bigint {
  return BigInt.asUintN(64, toBig(n) + 1n);
}

/** The --availability check of init and join: lower-cased, one of active, pause, drain. */
export function checkAvailability(value: string): string {
  const a = value.toLowerCase();
  if (a === 'active' || a === 'pause' || a === 'drain') return a;
  throw new StatusError(`invalid availability ${quote(value)}, only active, pause and drain are supported`, 1);
}

// ---------------------------------------------------------------------------------------------
// Shared messages

/** printUnlockCommand (nothing for an empty key). */
export function unlockCommandText(key: string): string {
  if (key === '') return '';
  return (
    'To unlock a swarm manager after it restarts, run the `docker swarm unlock`\n' +
    `command and provide the following key:\n\n    ${key}\n\n` +
    'Remember to store this key in a password manager, since without it you\n' +
    'will not be able to restart the manager.\n'
  );
}

/** The unlock key, with docker's "could not fetch unlock key: …" around a failure. */
export async function fetchUnlockKey(get: () => Promise<string>): Promise<string> {
  try {
    return await get();
  } catch (e) {
    throw new StatusError(`could not fetch unlock key: ${(e as Error).message}`, 1);
  }
}
