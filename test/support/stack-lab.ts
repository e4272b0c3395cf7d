/**
 * Stacks for the differential `stack` tests on the lab: deployed with the docker client from
 * test/fixtures/stack-read/*.yml, all named tswsr<N> (services tswsr<N>_<svc>; helper
 * services outside a stack tswsr<N>-<name>), read back through the Engine API, and removed
 * again — only objects with that prefix are ever touched.
 */
import { fileURLToPath } from 'node:url';
import { runDocker } from './oracle.ts';
import { api, mustDocker, waitUntil } from './node-lab.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/stack-read/', import.meta.url));
export const LABEL = 'com.docker.stack.namespace';
const OURS = /^tswsr\d+$/;

/** `docker stack deploy -c <fixture> <name>` (the fixture reads TSW_LAB_REGISTRY). */
export function deployStack(name: string, fixture: string): void {
  if (!OURS.test(name)) throw new Error(`not a stack of this suite: ${name}`);
  mustDocker(['stack', 'deploy', '-c', `${FIXTURES}${fixture}`, name]);
}

export interface StackObjects {
  services: { ID: string; Spec: { Name: string } }[];
  networks: { Id: string; Name: string }[];
  secrets: { ID: string; Spec: { Name: string } }[];
  configs: { ID: string; Spec: { Name: string } }[];
  tasks: { ID: string; ServiceID: string; DesiredState: string; Status: { State: string } }[];
}

function labelFilter(value: string): string {
  return encodeURIComponent(JSON.stringify({ label: { [value]: true } }));
}

/** Everything carrying the stack's namespace label, in the order the daemon lists it. */
export async function stackObjects(name: string): Promise<StackObjects> {
  const f = labelFilter(`${LABEL}=${name}`);
  const get = async <T>(path: string): Promise<T[]> => (await api<T[] | null>('GET', `${path}?filters=${f}`)).value ?? [];
  return {
    services: await get('/services'),
    networks: await get('/networks'),
    secrets: await get('/secrets'),
    configs: await get('/configs'),
    tasks: await get('/tasks'),
  };
}

/** Waits until every task of the stack that should run is running. */
export async function waitRunning(name: string, expected: number, timeoutMs = 120_000): Promise<void> {
  await waitUntil(
    async () => {
      const { tasks } = await stackObjects(name);
      const live = tasks.filter((t) => t.DesiredState === 'running');
      return live.length === expected && live.every((t) => t.Status.State === 'running');
    },
    timeoutMs,
    `the tasks of ${name} to run`,
  );
}

/**
 * Removes this suite's leftovers: services named tswsr<N>-… (outside stacks) first, then
 * every stack tswsr<N> that still has a service, network, secret or config.
 */
export async function removeOurStacks(): Promise<void> {
  const plain = runDocker(['service', 'ls', '--format', '{{.Name}}', '--filter', 'name=tswsr']).stdout.split('\n');
  const helpers = plain.filter((n) => /^tswsr\d+-/.test(n));
  if (helpers.length > 0) runDocker(['service', 'rm', ...helpers]);
  const names = new Set<string>();
  for (const path of ['/services', '/networks', '/secrets', '/configs']) {
    const list = (await api<{ Spec?: { Labels?: Record<string, string> }; Labels?: Record<string, string> }[] | null>('GET', `${path}?filters=${labelFilter(LABEL)}`)).value ?? [];
    for (const o of list) {
      const ns = (o.Spec?.Labels ?? o.Labels ?? {})[LABEL] ?? '';
      if (OURS.test(ns)) names.add(ns);
    }
  }
  if (names.size > 0) runDocker(['stack', 'rm', ...names]);
  // Networks go once their tasks are gone: try again until nothing is left.
  await waitUntil(
    async () => {
      const left: string[] = [];
      for (const n of names) {
        const o = await stackObjects(n);
        if (o.services.length + o.networks.length + o.secrets.length + o.configs.length > 0) left.push(n);
      }
      if (left.length > 0) runDocker(['stack', 'rm', ...left]);
      return left.length === 0;
    },
    60_000,
    'the tswsr stacks to be removed',
  );
}
