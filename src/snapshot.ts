/**
 * The start-up snapshot's entry. scripts/build.mjs bundles this file into one CommonJS script
 * (dist/snapshot.cjs) and runs `node --snapshot-blob dist/tsw.blob --build-snapshot` on it:
 * Node executes it once, at build time, and saves the resulting heap. bin/tsw then starts
 * `node --snapshot-blob dist/tsw.blob -- ARGS`, which begins with tsw's code already loaded and
 * its hot modules (argument parsing, the engine client, the node and service commands, the
 * template engine and renderers) already initialised, instead of reading and compiling them.
 *
 * Only modules without environment-dependent top-level code may be pre-initialised here (the
 * heap is frozen at build time): tsw's own modules touch no process state at load (only
 * src/cli.ts does, inside functions), and node:http cannot be loaded in a snapshot builder, so
 * the transport and everything else still load at run time, from the same bundle. Any other
 * command group (the catalog's lazy entries) works unchanged: it is in the bundle and is
 * initialised on first use.
 */
import { startupSnapshot } from 'node:v8';
import { runProcess } from './cli.ts';

/** The modules every engine command needs, and the most used command groups. */
function preload(): Promise<unknown> {
  return Promise.all([
    import('./cli/define.ts'),
    import('./configfile.ts'),
    import('./engine/index.ts'),
    import('./engine/filters.ts'),
    import('./engine/services.ts'),
    import('./engine/tasks.ts'),
    import('./engine/nodes.ts'),
    import('./engine/idresolver.ts'),
    import('./commands/node/index.ts'),
    import('./commands/service/index.ts'),
    import('./render/format.ts'),
    import('./render/node-list.ts'),
    import('./render/service-list.ts'),
    import('./render/tasks.ts'),
  ]);
}

async function warm(): Promise<void> {
  const [{ renderServiceList }, { renderTasks }] = await Promise.all([import('./render/service-list.ts'), import('./render/tasks.ts')]);
  const services = Array.from({ length: 50 }, (_, i) => ({
    ID: `${i}abcdefghijklmnopqrstuvwxyz`,
    Spec: { Name: `svc-${i}`, Mode: { Replicated: { Replicas: i } }, TaskTemplate: { ContainerSpec: { Image: 'busybox:latest@sha256:abc' } } },
    ServiceStatus: { RunningTasks: 0, DesiredTasks: i },
  }));
  renderServiceList(services, 'table', false);
  renderServiceList(services, 'table', true);
  const tasks = Array.from({ length: 50 }, (_, i) => ({
    ID: `${i}abcdefghijklmnopqrstuvwxyz`, ServiceID: 's', Slot: i % 7, NodeID: 'n', DesiredState: 'running',
    CreatedAt: '2026-11-22T00:28:40.123456789Z',
    Spec: { ContainerSpec: { Image: 'busybox:latest@sha256:abc' } },
    Status: { Timestamp: '2026-11-22T00:28:40.123456789Z', State: 'pending', Err: 'no suitable node (scheduling constraints not satisfied)' },
  }));
  const names = new Map([['s', 'svc']]);
  renderTasks({ tasks, format: 'table', quiet: false, trunc: true, serviceNames: names, nodeNames: names, now: new Date(0) });
  renderTasks({ tasks, format: 'table', quiet: true, trunc: false, serviceNames: names, nodeNames: names, now: new Date(0) });
}

// The builder drains the event loop before it takes the snapshot, so the imports above finish.
void preload().then(() => (process.env['TSW_WARM'] ? warm() : undefined));
// At run time: process.argv is [node, ...ARGS] (no script path), and argv[1..] are tsw's.
startupSnapshot.setDeserializeMainFunction(() => runProcess(1));
