/**
 * The Swarm endpoints as docker 28's Go client calls them
 * (vendor/github.com/docker/docker/client/swarm_*.go) and the swarm.Spec / InitRequest /
 * JoinRequest types (api/types/swarm/swarm.go). Bodies are encoded as encoding/json encodes
 * those structs: Go's field order, omitempty, unknown fields dropped, 64-bit integers exact.
 * Join tokens and unlock keys travel only in bodies, never in URLs.
 */
import { goJSON, intOmitEmpty, type Int, parseExact, type Raw, strOmitEmpty, toBig } from '../go/json.ts';
import type { Engine, TLSInfo } from './types.ts';

export type { Int } from '../go/json.ts';

export interface ExternalCA {
  Protocol: string;
  URL: string;
  Options?: Record<string, string> | null;
  CACert: string;
}

export interface SwarmSpec {
  Name?: string;
  Labels?: Record<string, string> | null;
  Orchestration?: { TaskHistoryRetentionLimit?: Int | null };
  Raft?: {
    SnapshotInterval?: Int;
    KeepOldSnapshots?: Int | null;
    LogEntriesForSlowFollowers?: Int;
    ElectionTick?: Int;
    HeartbeatTick?: Int;
  };
  Dispatcher?: { HeartbeatPeriod?: Int };
  CAConfig?: {
    NodeCertExpiry?: Int;
    ExternalCAs?: ExternalCA[] | null;
    SigningCACert?: string;
    SigningCAKey?: string;
    ForceRotate?: Int;
  };
  TaskDefaults?: { LogDriver?: { Name?: string; Options?: Record<string, string> | null } | null };
  EncryptionConfig?: { AutoLockManagers?: boolean };
}

export interface Swarm {
  ID?: string;
  Version?: { Index?: Int };
  CreatedAt?: string;
  UpdatedAt?: string;
  Spec: SwarmSpec;
  TLSInfo?: TLSInfo;
  RootRotationInProgress?: boolean;
  DefaultAddrPool?: string[] | null;
  SubnetSize?: number;
  DataPathPort?: number;
  JoinTokens?: { Worker?: string; Manager?: string };
}

export interface InitRequest {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  DataPathPort: number;
  ForceNewCluster: boolean;
  Spec: SwarmSpec;
  AutoLockManagers: boolean;
  Availability: string;
  DefaultAddrPool: string[];
  SubnetSize: number;
}

export interface JoinRequest {
  ListenAddr: string;
  AdvertiseAddr: string;
  DataPathAddr: string;
  RemoteAddrs: string[];
  JoinToken: string;
  Availability: string;
}

export interface UpdateFlags {
  readonly rotateWorkerToken?: boolean;
  readonly rotateManagerToken?: boolean;
  readonly rotateManagerUnlockKey?: boolean;
}

/** GET /swarm, decoded with exact integers. */
export async function swarmInspect(engine: Engine): Promise<Swarm> {
  const { raw } = await engine.request({ method: 'GET', path: '/swarm' });
  const v = (raw.trim() === '' ? {} : parseExact(raw)) as Partial<Swarm> | null;
  return { ...v, Spec: v?.Spec ?? {} };
}

/** POST /swarm/init; returns the new node's ID. */
export async function swarmInit(engine: Engine, req: InitRequest): Promise<string> {
  const body = goJSON.obj([
    ['ListenAddr', goJSON.str(req.ListenAddr)],
    ['AdvertiseAddr', goJSON.str(req.AdvertiseAddr)],
    ['DataPathAddr', goJSON.str(req.DataPathAddr)],
    ['DataPathPort', goJSON.int(req.DataPathPort)],
    ['ForceNewCluster', goJSON.bool(req.ForceNewCluster)],
    ['Spec', encodeSpec(req.Spec)],
    ['AutoLockManagers', goJSON.bool(req.AutoLockManagers)],
    ['Availability', goJSON.str(req.Availability)],
    ['DefaultAddrPool', goJSON.arr(req.DefaultAddrPool.map(goJSON.str))],
    ['SubnetSize', goJSON.int(req.SubnetSize)],
  ]);
  const { value } = await engine.request<string>({ method: 'POST', path: '/swarm/init', bodyJSON: body.text });
  return typeof value === 'string' ? value : '';
}

/** POST /swarm/join. */
export async function swarmJoin(engine: Engine, req: JoinRequest): Promise<void> {
  const body = goJSON.obj([
    ['ListenAddr', goJSON.str(req.ListenAddr)],
    ['AdvertiseAddr', goJSON.str(req.AdvertiseAddr)],
    ['DataPathAddr', goJSON.str(req.DataPathAddr)],
    ['RemoteAddrs', goJSON.arr(req.RemoteAddrs.map(goJSON.str))],
    ['JoinToken', goJSON.str(req.JoinToken)],
    ['Availability', goJSON.str(req.Availability)],
  ]);
  await engine.request({ method: 'POST', path: '/swarm/join', bodyJSON: body.text });
}

/** POST /swarm/leave (?force=1 only when forced). */
export async function swarmLeave(engine: Engine, force: boolean): Promise<void> {
  await engine.request({ method: 'POST', path: '/swarm/leave', ...(force ? { query: { force: '1' } } : {}) });
}

/** POST /swarm/update?version=…&rotateWorkerToken=…&rotateManagerToken=…&rotateManagerUnlockKey=… */
export async function swarmUpdate(engine: Engine, version: Swarm['Version'], spec: SwarmSpec, flags: UpdateFlags = {}): Promise<void> {
  await engine.request({
    method: 'POST',
    path: '/swarm/update',
    query: {
      version: toBig(version?.Index).toString(),
      rotateWorkerToken: flags.rotateWorkerToken === true,
      rotateManagerToken: flags.rotateManagerToken === true,
      rotateManagerUnlockKey: flags.rotateManagerUnlockKey === true,
    },
    bodyJSON: encodeSpec(spec).text,
  });
}

/** GET /swarm/unlockkey. */
export async function unlockKey(engine: Engine): Promise<string> {
  const { value } = await engine.request<{ UnlockKey?: string }>({ method: 'GET', path: '/swarm/unlockkey' });
  return value?.UnlockKey ?? '';
}

/** POST /swarm/unlock {"UnlockKey": key}. */
export async function swarmUnlock(engine: Engine, key: string): Promise<void> {
  await engine.request({ method: 'POST', path: '/swarm/unlock', bodyJSON: goJSON.obj([['UnlockKey', goJSON.str(key)]]).text });
}

/** swarm.Spec as encoding/json writes it (struct fields always, omitempty members only when set). */
export function encodeSpec(spec: SwarmSpec): Raw {
  const o = spec.Orchestration ?? {};
  const r = spec.Raft ?? {};
  const d = spec.Dispatcher ?? {};
  const ca = spec.CAConfig ?? {};
  const td = spec.TaskDefaults ?? {};
  const cas = ca.ExternalCAs ?? [];
  return goJSON.obj([
    ['Name', strOmitEmpty(spec.Name)],
    ['Labels', goJSON.map(spec.Labels)],
    ['Orchestration', goJSON.obj([['TaskHistoryRetentionLimit', o.TaskHistoryRetentionLimit == null ? undefined : goJSON.int(o.TaskHistoryRetentionLimit)]])],
    [
      'Raft',
      goJSON.obj([
        ['SnapshotInterval', intOmitEmpty(r.SnapshotInterval)],
        ['KeepOldSnapshots', r.KeepOldSnapshots == null ? undefined : goJSON.int(r.KeepOldSnapshots)],
        ['LogEntriesForSlowFollowers', intOmitEmpty(r.LogEntriesForSlowFollowers)],
        ['ElectionTick', goJSON.int(r.ElectionTick ?? 0)],
        ['HeartbeatTick', goJSON.int(r.HeartbeatTick ?? 0)],
      ]),
    ],
    ['Dispatcher', goJSON.obj([['HeartbeatPeriod', intOmitEmpty(d.HeartbeatPeriod)]])],
    [
      'CAConfig',
      goJSON.obj([
        ['NodeCertExpiry', intOmitEmpty(ca.NodeCertExpiry)],
        ['ExternalCAs', cas.length === 0 ? undefined : goJSON.arr(cas.map(encodeExternalCA))],
        ['SigningCACert', strOmitEmpty(ca.SigningCACert)],
        ['SigningCAKey', strOmitEmpty(ca.SigningCAKey)],
        ['ForceRotate', intOmitEmpty(ca.ForceRotate)],
      ]),
    ],
    [
      'TaskDefaults',
      goJSON.obj([
        [
          'LogDriver',
          td.LogDriver == null
            ? undefined
            : goJSON.obj([
                ['Name', strOmitEmpty(td.LogDriver.Name)],
                ['Options', td.LogDriver.Options && Object.keys(td.LogDriver.Options).length > 0 ? goJSON.map(td.LogDriver.Options) : undefined],
              ]),
        ],
      ]),
    ],
    ['EncryptionConfig', goJSON.obj([['AutoLockManagers', goJSON.bool(spec.EncryptionConfig?.AutoLockManagers === true)]])],
  ]);
}

function encodeExternalCA(ca: ExternalCA | null): Raw {
  if (ca === null) return goJSON.null;
  return goJSON.obj([
    ['Protocol', goJSON.str(ca.Protocol ?? '')],
    ['URL', goJSON.str(ca.URL ?? '')],
    ['Options', ca.Options && Object.keys(ca.Options).length > 0 ? goJSON.map(ca.Options) : undefined],
    ['CACert', goJSON.str(ca.CACert ?? '')],
  ]);
}
