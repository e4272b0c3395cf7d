/**
 * Root CA rotation progress (cli/command/swarm/progress/root_rotation.go): the events docker
 * writes while `swarm ca --rotate` waits for every node to get a certificate from the new
 * root and to trust it.
 */
import { createHash } from 'node:crypto';
import type { Engine, SwarmNode, TLSInfo } from '../../engine/types.ts';
import { swarmInspect } from '../../engine/swarm.ts';
import type { ProgressEvent } from '../../render/progress.ts';

const DIGEST_ID = 'desired root digest';
const CERTS_ID = '  rotated TLS certificates';
const ROOTS_ID = '  rotated CA certificates';
// One space, so that the bars line up: ROOTS_ID is one character shorter than CERTS_ID.
const CERTS_ACTION = '';
const ROOTS_ACTION = ' ';

/** The three updates written before the first poll. */
export const initialEvents: readonly ProgressEvent[] = [
  { id: DIGEST_ID, action: '' },
  { id: CERTS_ID, action: CERTS_ACTION },
  { id: ROOTS_ID, action: ROOTS_ACTION },
];

/** updateProgress: the events for one poll, and whether the rotation has converged. */
export function rotationProgress(
  desired: TLSInfo | undefined,
  nodes: readonly SwarmNode[],
  rotationInProgress: boolean,
): { events: ProgressEvent[]; done: boolean } {
  const trustRoot = desired?.TrustRoot ?? '';
  const events: ProgressEvent[] = [
    { id: DIGEST_ID, action: `sha256:${createHash('sha256').update(trustRoot, 'utf8').digest('hex')}` },
  ];
  let certsRight = 0;
  let rootsRight = 0;
  for (const n of nodes) {
    const tls = n.Description?.TLSInfo;
    if ((tls?.CertIssuerPublicKey ?? '') === (desired?.CertIssuerPublicKey ?? '') && (tls?.CertIssuerSubject ?? '') === (desired?.CertIssuerSubject ?? '')) {
      certsRight++;
    }
    if ((tls?.TrustRoot ?? '') === trustRoot) rootsRight++;
  }
  const total = nodes.length;
  events.push({ id: CERTS_ID, action: CERTS_ACTION, current: certsRight, total, units: 'nodes' });
  if (certsRight === total && !rotationInProgress) {
    events.push({ id: ROOTS_ID, action: ROOTS_ACTION, current: rootsRight, total, units: 'nodes' });
    return { events, done: certsRight === total && rootsRight === total };
  }
  // Certificates still need renewing: no roots count as rotated yet.
  events.push({ id: ROOTS_ID, action: ROOTS_ACTION, current: 0, total, units: 'nodes' });
  return { events, done: false };
}

/**
 * RootRotationProgress: polls every 200 ms until converged, handing each event to emit. A
 * SIGINT while waiting ends it early with docker's two messages (the rotation goes on).
 */
export async function waitForRotation(
  engine: Engine,
  emit: (ev: ProgressEvent) => void,
  onInterrupt?: (handler: () => void) => () => void,
): Promise<'converged' | 'interrupted'> {
  let interrupted = false;
  let wake: (() => void) | undefined;
  const stop = onInterrupt?.(() => {
    interrupted = true;
    wake?.();
  });
  try {
    for (const ev of initialEvents) emit(ev);
    let done = false;
    for (;;) {
      const sw = await swarmInspect(engine);
      if (done) return 'converged';
      const nodes = await engine.listNodes();
      const step = rotationProgress(sw.TLSInfo, nodes, sw.RootRotationInProgress === true);
      for (const ev of step.events) emit(ev);
      done = step.done;
      if (!interrupted) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 200);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      if (interrupted) {
        if (!done) {
          emit({ id: '', message: 'Operation continuing in background.' });
          emit({ id: '', message: 'Use `swarmctl cluster inspect default` to check progress.' });
        }
        return 'interrupted';
      }
    }
  } finally {
    stop?.();
  }
}
