/**
 * Routes of the fake daemon (fake-daemon.ts) serving fixed objects: the fixtures saved by
 * test/capture/node.mjs, which docker rendered through the same routes. Lets unit tests run
 * tsw's whole path (transport, engine, command, renderer) without a lab.
 */
import { type FakeOptions, type Reply, fail } from './fake-daemon.ts';

export interface FakeState {
  readonly selfID?: string;
  /** Raw node bodies; found by ID or by hostname. */
  readonly nodes?: ReadonlyArray<{ readonly id: string; readonly hostname: string; readonly raw: string }>;
  readonly services?: Readonly<Record<string, unknown>>;
  readonly configs?: ReadonlyArray<{ readonly id: string; readonly raw: string }>;
  /** Tasks; /tasks honours the `node` filter only. */
  readonly tasks?: ReadonlyArray<{ readonly NodeID?: string }>;
}

const JSON_200 = { 'Content-Type': 'application/json', 'Api-Version': '1.41' };

export function objectRoutes(state: FakeState): FakeOptions {
  const raw = (text: string): Reply => ({ status: 200, text, headers: JSON_200 });
  const json = (value: unknown): Reply => ({ status: 200, json: value, headers: JSON_200 });
  return {
    route({ method, path, query }) {
      if (path === '/info') return json({ Swarm: { NodeID: state.selfID ?? '', LocalNodeState: 'active', ControlAvailable: true } });
      let m = /^\/nodes\/([^/]+)(\/update)?$/.exec(path);
      if (m && (method === 'POST' || method === 'DELETE')) {
        // Writes are accepted (nothing changes) for nodes that exist.
        const ref = decodeURIComponent(m[1] ?? '');
        if (!state.nodes?.some((n) => n.id === ref || n.hostname === ref)) return fail(404, `node ${ref} not found`);
        return raw(method === 'POST' ? '{}\n' : '');
      }
      m = /^\/nodes\/(.+)$/.exec(path);
      if (m) {
        const ref = decodeURIComponent(m[1] ?? '');
        const body = state.nodes?.find((n) => n.id === ref || n.hostname === ref);
        return body ? raw(body.raw) : fail(404, `node ${ref} not found`);
      }
      m = /^\/services\/(.+)$/.exec(path);
      if (m) {
        const ref = decodeURIComponent(m[1] ?? '');
        const svc = state.services?.[ref];
        return svc ? json(svc) : fail(404, `service ${ref} not found`);
      }
      m = /^\/configs\/(.+)$/.exec(path);
      if (m) {
        const ref = decodeURIComponent(m[1] ?? '');
        const c = state.configs?.find((x) => x.id === ref);
        return c ? raw(c.raw) : fail(404, `config ${ref} not found`);
      }
      if (path === '/tasks') {
        const filters = JSON.parse(query.get('filters') ?? '{}') as { node?: Record<string, boolean> };
        const nodes = Object.keys(filters.node ?? {});
        return json((state.tasks ?? []).filter((t) => nodes.length === 0 || nodes.includes(t.NodeID ?? '')));
      }
      return fail(404, `page not found: ${path}`);
    },
  };
}
