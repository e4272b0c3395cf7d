/**
 * Routes of the fake daemon (fake-daemon.ts) for `stack deploy`: they answer the calls a deploy
 * makes (info, network/secret/config/service lists, inspects and creates, service updates and
 * removals, the registry's distribution lookup) from a small in-memory swarm.
 * test/capture/stack-deploy.mjs runs docker against it and saves what docker sent (as
 * `recorded`); test/unit/stack-deploy.test.ts runs tsw against the same state and compares.
 * IDs are derived from names, so both clients see the same ones.
 */
import { createHash } from 'node:crypto';
import { type FakeOptions, type Reply, type SeenRequest, fail } from './fake-daemon.ts';

export interface StackDaemonState {
  /** Networks that exist (name → scope); stack networks carry the stack label given. */
  readonly networks?: ReadonlyArray<{ readonly name: string; readonly scope: string; readonly stack?: string }>;
  readonly secrets?: ReadonlyArray<{ readonly name: string; readonly stack?: string }>;
  readonly configs?: ReadonlyArray<{ readonly name: string; readonly stack?: string }>;
  /** Existing services: the stack label, the image label and the deployed image. */
  readonly services?: ReadonlyArray<{ readonly name: string; readonly stack: string; readonly imageLabel: string; readonly image: string; readonly forceUpdate?: number }>;
  /** Not a manager: /_ping says active/worker and /info ControlAvailable false. */
  readonly worker?: boolean;
  /** DELETE /services/{id} answers 500 (a prune that fails). */
  readonly failDelete?: boolean;
  /** Images the registry knows (others get a 404 from /distribution). */
  readonly digests?: Readonly<Record<string, string>>;
}

/** A request as the goldens keep it: the path decoded and without the version, the query apart. */
export interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: string;
  readonly auth?: string;
}

/** A fake daemon's request in the goldens' form. */
export function recorded(r: SeenRequest): Recorded {
  const url = new URL(r.url, 'http://fake');
  const path = decodeURIComponent(url.pathname.replace(/^\/v1\.\d+/, ''));
  return { method: r.method, path, query: url.searchParams.toString(), body: r.body, ...(r.auth !== undefined ? { auth: r.auth } : {}) };
}

export function idOf(kind: string, name: string): string {
  return createHash('sha256').update(`${kind}/${name}`).digest('hex').slice(0, 25);
}

interface Obj {
  id: string;
  name: string;
  labels: Record<string, string>;
  scope?: string;
}

function stackLabels(stack: string | undefined): Record<string, string> {
  return stack === undefined ? {} : { 'com.docker.stack.namespace': stack };
}

/** The label filter of a list request (`label=k=v` only; other filters are not used by deploy). */
function matches(query: URLSearchParams, o: Obj): boolean {
  const raw = query.get('filters');
  if (raw === null) return true;
  const f = JSON.parse(raw) as Record<string, Record<string, boolean>>;
  for (const l of Object.keys(f['label'] ?? {})) {
    const eq = l.indexOf('=');
    if (eq < 0 ? !(l in o.labels) : o.labels[l.slice(0, eq)] !== l.slice(eq + 1)) return false;
  }
  const names = Object.keys(f['name'] ?? {});
  if (names.length > 0 && !names.some((n) => o.name.startsWith(n))) return false;
  return true;
}

const API = { 'Api-Version': '1.41' };

export function stackRoutes(state: StackDaemonState): FakeOptions {
  const networks: Obj[] = (state.networks ?? []).map((n) => ({ id: idOf('network', n.name), name: n.name, labels: stackLabels(n.stack), scope: n.scope }));
  const secrets: Obj[] = (state.secrets ?? []).map((n) => ({ id: idOf('secret', n.name), name: n.name, labels: stackLabels(n.stack) }));
  const configs: Obj[] = (state.configs ?? []).map((n) => ({ id: idOf('config', n.name), name: n.name, labels: stackLabels(n.stack) }));
  const services = (state.services ?? []).map((s) => ({
    ID: idOf('service', s.name),
    Version: { Index: 10 },
    Spec: {
      Name: s.name,
      Labels: { 'com.docker.stack.namespace': s.stack, 'com.docker.stack.image': s.imageLabel },
      TaskTemplate: { ContainerSpec: { Image: s.image }, ForceUpdate: s.forceUpdate ?? 0 },
    },
  }));
  const json = (value: unknown, status = 200): Reply => ({ status, json: value, headers: API });
  const notFound = (message: string): Reply => fail(404, message, API);
  return {
    ...(state.worker === true ? { ping: () => ({ Swarm: 'active/worker' }) } : {}),
    route({ method, path: encoded, query, body }) {
      const path = decodeURIComponent(encoded);
      if (path === '/info') return json({ Swarm: { NodeID: 'node1', LocalNodeState: 'active', ControlAvailable: state.worker !== true } });
      if (path === '/networks' && method === 'GET') {
        return json(networks.filter((n) => matches(query, n)).map((n) => ({ Name: n.name, Id: n.id, Scope: n.scope, Labels: n.labels })));
      }
      if (path === '/networks/create') {
        const b = JSON.parse(body) as { Name: string; Labels?: Record<string, string> };
        const n = { id: idOf('network', b.Name), name: b.Name, labels: b.Labels ?? {}, scope: 'swarm' };
        networks.push(n);
        return json({ Id: n.id, Warning: '' }, 201);
      }
      let m = /^\/networks\/(.+)$/.exec(path);
      if (m && method === 'GET') {
        const n = networks.find((x) => x.name === m?.[1] || x.id === m?.[1]);
        return n ? json({ Name: n.name, Id: n.id, Scope: n.scope, Labels: n.labels }) : notFound(`network ${m[1]} not found`);
      }
      for (const [kind, list] of [['secrets', secrets], ['configs', configs]] as const) {
        const one = kind.slice(0, -1);
        if (path === `/${kind}` && method === 'GET') {
          return json(list.filter((o) => matches(query, o)).map((o) => ({ ID: o.id, Version: { Index: 5 }, Spec: { Name: o.name, Labels: o.labels } })));
        }
        if (path === `/${kind}/create`) {
          const b = JSON.parse(body) as { Name: string; Labels?: Record<string, string> };
          const o = { id: idOf(one, b.Name), name: b.Name, labels: b.Labels ?? {} };
          list.push(o);
          return json({ ID: o.id }, 201);
        }
        m = new RegExp(`^/${kind}/([^/]+)/update$`).exec(path);
        if (m) return json({});
        m = new RegExp(`^/${kind}/([^/]+)$`).exec(path);
        if (m && method === 'GET') {
          const o = list.find((x) => x.name === m?.[1] || x.id === m?.[1]);
          return o ? json({ ID: o.id, Version: { Index: 5 }, Spec: { Name: o.name, Labels: o.labels } }) : notFound(`${one} ${m[1]} not found`);
        }
      }
      if (path === '/services' && method === 'GET') {
        return json(services.filter((s) => matches(query, { id: s.ID, name: s.Spec.Name, labels: s.Spec.Labels })));
      }
      if (path === '/services/create') {
        const b = JSON.parse(body) as { Name: string };
        return json({ ID: idOf('service', b.Name) }, 201);
      }
      m = /^\/services\/([^/]+)\/update$/.exec(path);
      if (m) return json({ Warnings: null });
      m = /^\/services\/([^/]+)$/.exec(path);
      if (m && method === 'DELETE') {
        if (state.failDelete === true) return json({ message: `cannot remove service ${m[1] ?? ''}: fake failure` }, 500);
        return { status: 200, text: '' };
      }
      m = /^\/distribution\/(.+)\/json$/.exec(path);
      if (m) {
        const digest = state.digests?.[m[1] ?? ''];
        if (digest === undefined) return notFound('manifest unknown');
        return json({ Descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: 100 }, Platforms: [{ architecture: 'amd64', os: 'linux' }] });
      }
      return fail(500, `fake stack daemon: unexpected ${method} ${path}`, API);
    },
  };
}
