/**
 * Routes of the fake daemon (fake-daemon.ts) for the swarm commands: it answers /info, /swarm,
 * /swarm/init|join|leave|update|unlock|unlockkey and /nodes from a scenario.
 * test/capture/swarm.mjs points the docker client at it and stores docker's output and requests
 * as goldens; the unit tests point tsw at it and compare both. Nothing here is docker's output:
 * only the daemon's side is scripted.
 */
import type { FakeOptions, Reply } from './fake-daemon.ts';

export const TRUST_ROOT =
  '-----BEGIN CERTIFICATE-----\nMIIBajCCARCgAwIBAgIUeT4Hyt9pORK0FMUbkMZNpw6Ys5cwCgYIKoZIzj0EAwIw\nEzERMA8GA1UEAxMIc3dhcm0tY2EwHhcNMjYxMTIxMjEzNjAwWhcNNDYxMTE2MjEz\nNjAwWjATMREwDwYDVQQDEwhzd2FybS1jYTBZMBMGByqGSM49AgEGCCqGSM49AwEH\nA0IABFk2DxnACjqJ0vI1JUmYIBIKCG0E6OMnKuvOdOq+RyKJj5gvT6YDAbMXzHNj\nVWkKzUK5oDeMrJr3tEA7iJ6vbXyjQjBAMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMB\nAf8EBTADAQH/MB0GA1UdDgQWBBRiqGD3v4/xMpy9vFyOvqvQY1kK6DAKBggqhkjO\nPQQDAgNIADBFAiEAsL9k9GwUYPsa9ZPZ9yqcZMhhZVz7Ug7IxQw9d5rIxUQCIGU8\nN1YAgxk7bsxLYS3sN3pGUdCRnL9FXk5nqXIZ8t2u\n-----END CERTIFICATE-----\n';
export const NODE_ID = 'x9k2m4p6r8t0v1w3y5a7c9e1g';
export const WORKER_TOKEN = 'SWMTKN-1-3c4tgq0wnnxb4yqv0b1u9ldjfxzupsl5yxl6m8ojw3b2ciuxkz-8oxhno9rlylm2bjg1wlxs9g3z';
export const MANAGER_TOKEN = 'SWMTKN-1-3c4tgq0wnnxb4yqv0b1u9ldjfxzupsl5yxl6m8ojw3b2ciuxkz-5z7l0h2ys0o3qzmwe1i6p6k6s';
export const UNLOCK_KEY = 'SWMKEY-1-9bS2ZyJcV0e6QWq2f0mJb2k3p6rG0oU5p9nWnq8xYtA';

const SUBJECT = 'MBMxETAPBgNVBAMTCHN3YXJtLWNh';
const PUBKEY = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEWTYPGcAKOonS8jUlSZggEgoIbQTo4ycq6850675HIomPmC9PpgMBsxfMc2NVaQrNQrmgN4ysmve0QDuInq9tfA==';

/** A swarm as a 20.10 daemon returns it (GET /swarm). `big` puts 64-bit values above 2^53 in it. */
export function swarmFixture(opts: { autolock?: boolean; big?: boolean; externalCA?: boolean } = {}): Record<string, unknown> {
  return {
    ID: 'q1w2e3r4t5y6u7i8o9p0a1s2d',
    Version: { Index: opts.big ? 9007199254740993n : 42 },
    CreatedAt: '2026-11-21T21:36:00.123456789Z',
    UpdatedAt: '2026-11-21T21:37:00.987654321Z',
    Spec: {
      Name: 'default',
      Labels: {},
      Orchestration: { TaskHistoryRetentionLimit: 5 },
      Raft: {
        SnapshotInterval: opts.big ? 18446744073709551615n : 10000,
        KeepOldSnapshots: 0,
        LogEntriesForSlowFollowers: 500,
        ElectionTick: 10,
        HeartbeatTick: 1,
      },
      Dispatcher: { HeartbeatPeriod: 5000000000 },
      CAConfig: {
        NodeCertExpiry: opts.big ? 9223372036854775807n : 7776000000000000,
        ...(opts.externalCA
          ? { ExternalCAs: [{ Protocol: 'cfssl', URL: 'https://old.example.com', Options: { a: 'b' }, CACert: 'old' }], ForceRotate: 3 }
          : {}),
      },
      TaskDefaults: {},
      EncryptionConfig: { AutoLockManagers: opts.autolock === true },
    },
    TLSInfo: { TrustRoot: TRUST_ROOT, CertIssuerSubject: SUBJECT, CertIssuerPublicKey: PUBKEY },
    RootRotationInProgress: false,
    DefaultAddrPool: ['10.0.0.0/8'],
    SubnetSize: 24,
    DataPathPort: 4789,
    JoinTokens: { Worker: WORKER_TOKEN, Manager: MANAGER_TOKEN },
  };
}

/** A node as GET /nodes/<id> returns it; a manager has ManagerStatus. */
export function nodeFixture(manager: boolean, tls: { TrustRoot: string; CertIssuerSubject: string; CertIssuerPublicKey: string } | undefined = undefined): Record<string, unknown> {
  return {
    ID: NODE_ID,
    Version: { Index: 9 },
    Spec: { Labels: {}, Role: manager ? 'manager' : 'worker', Availability: 'active' },
    Description: {
      Hostname: 'node-4',
      TLSInfo: tls ?? { TrustRoot: TRUST_ROOT, CertIssuerSubject: SUBJECT, CertIssuerPublicKey: PUBKEY },
    },
    Status: { State: 'ready', Addr: '192.168.250.14' },
    ...(manager ? { ManagerStatus: { Leader: true, Reachability: 'reachable', Addr: '192.168.250.14:2377' } } : {}),
  };
}

export interface Scenario {
  /** LocalNodeState reported by /info and the ping's Swarm header. */
  readonly state?: 'inactive' | 'active' | 'locked' | 'pending' | 'error';
  readonly manager?: boolean;
  readonly swarm?: Record<string, unknown>;
  readonly unlockKey?: string;
  /**
   * Replies that replace the default for a route ("POST /swarm/init"); a list is consumed
   * one reply per request, the last one repeating.
   */
  readonly replies?: Readonly<Record<string, Reply | readonly Reply[]>>;
  /**
   * Root rotation, poll by poll (the last repeating): how many of `total` nodes have a
   * certificate from the new root and trust it, and the swarm's RootRotationInProgress.
   */
  readonly rotation?: ReadonlyArray<{ readonly certsRight: number; readonly rootsRight: number; readonly total: number; readonly inProgress: boolean }>;
}

export function swarmRoutes(scenario: Scenario): FakeOptions {
  const counters = new Map<string, number>();
  const state = scenario.state ?? 'active';
  const manager = scenario.manager ?? true;
  const swarm = scenario.swarm ?? swarmFixture();
  let nodesPolls = 0;

  const route = (method: string, path: string): Reply => {
    const key = `${method} ${path}`;
    const canned = scenario.replies?.[key];
    if (canned !== undefined) {
      const list = Array.isArray(canned) ? (canned as readonly Reply[]) : [canned as Reply];
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      const r = list[Math.min(n, list.length - 1)];
      if (r) return r;
    }
    const rot = scenario.rotation;
    // GET /swarm of poll k comes before its GET /nodes: it reports the state of node list k.
    const step = rot?.[Math.min(nodesPolls, rot.length - 1)];
    switch (key) {
      case 'GET /info':
        return {
          status: 200,
          json: { ID: 'ENGINE', Name: 'node-4', Swarm: { NodeID: state === 'inactive' ? '' : NODE_ID, NodeAddr: '192.168.250.14', LocalNodeState: state, ControlAvailable: manager && state === 'active', Error: '' } },
        };
      case 'GET /swarm':
        return { status: 200, json: step ? { ...swarm, RootRotationInProgress: step.inProgress } : swarm };
      case `GET /nodes/${NODE_ID}`:
        return { status: 200, json: nodeFixture(manager) };
      case 'GET /nodes': {
        nodesPolls++;
        const s = rot?.[Math.min(nodesPolls - 1, rot.length - 1)] ?? { certsRight: 1, rootsRight: 1, total: 1, inProgress: false };
        const nodes = [];
        for (let i = 0; i < s.total; i++) {
          const tls = {
            TrustRoot: i < s.rootsRight ? TRUST_ROOT : 'old root',
            CertIssuerSubject: SUBJECT,
            CertIssuerPublicKey: i < s.certsRight ? PUBKEY : 'b2xk',
          };
          nodes.push({ ...nodeFixture(i === 0, tls), ID: `${NODE_ID.slice(0, -1)}${i}` });
        }
        return { status: 200, json: nodes };
      }
      case 'GET /swarm/unlockkey':
        return { status: 200, json: { UnlockKey: scenario.unlockKey ?? '' } };
      case 'POST /swarm/init':
        return { status: 200, json: NODE_ID };
      case 'POST /swarm/join':
      case 'POST /swarm/leave':
      case 'POST /swarm/update':
      case 'POST /swarm/unlock':
        return { status: 200, text: '' };
      default:
        return { status: 404, json: { message: `page not found: ${key}` } };
    }
  };

  return {
    route: ({ method, path }) => route(method, path),
    ping: () => ({
      Swarm: state === 'inactive' ? 'inactive' : `${state}/${manager ? 'manager' : 'worker'}`,
      'Content-Type': 'text/plain; charset=utf-8',
    }),
  };
}
