/**
 * Where the lab lives on the host. One bridge in the root network namespace, one namespace
 * per node (its own hostname, its own dockerd), a registry on the bridge address.
 * Facts behind these choices: shared/LAB.md.
 */
export const LAB_RUN = '/run/tsw-lab';
export const LAB_DATA = '/var/lib/tsw-lab';
export const BRIDGE = 'tswlab0';
export const SUBNET_PREFIX = '192.168.250';
export const BRIDGE_ADDR = `${SUBNET_PREFIX}.1`;
export const REGISTRY = `${BRIDGE_ADDR}:5000`;
/** Tags pushed to the lab registry; each is a distinct image (its own digest). */
export const IMAGE_TAGS = ['latest', '1', '2'] as const;
export const IMAGE_REPO = `${REGISTRY}/busybox`;
export const MAX_NODES = 9;

export interface NodeNames {
  readonly name: string;
  readonly netns: string;
  readonly vethHost: string;
  readonly vethNode: string;
  readonly addr: string;
  readonly runDir: string;
  readonly dataDir: string;
  readonly socket: string;
  readonly pidFile: string;
  readonly logFile: string;
}

/** Names and paths of node n (1-based). */
export function nodeNames(n: number): NodeNames {
  const name = `node-${n}`;
  const runDir = `${LAB_RUN}/${name}`;
  return {
    name,
    netns: `tswlab-${name}`,
    vethHost: `tswlab${n}h`,
    vethNode: `tswlab${n}n`,
    addr: `${SUBNET_PREFIX}.${10 + n}`,
    runDir,
    dataDir: `${LAB_DATA}/${name}`,
    socket: `${runDir}/docker.sock`,
    pidFile: `${runDir}/docker.pid`,
    logFile: `${runDir}/dockerd.log`,
  };
}

export const STATE_FILE = `${LAB_RUN}/state.json`;
export const REGISTRY_PID = `${LAB_RUN}/registry.pid`;
export const REGISTRY_LOG = `${LAB_RUN}/registry.log`;
export const REGISTRY_CONFIG = `${LAB_RUN}/registry.yml`;
export const REGISTRY_DATA = `${LAB_DATA}/registry`;

export interface LabState {
  readonly nodes: number;
  readonly managers: number;
  /** Engines started after the swarm's nodes but left out of it (for trying init, join, leave). */
  readonly spares: number;
}

export function dockerHostOf(n: number): string {
  return `unix://${nodeNames(n).socket}`;
}
