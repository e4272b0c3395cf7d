/**
 * cli/command/idresolver (docker 28): best-effort ID → name resolution for task tables.
 * A node resolves to Spec.Name, else Description.Hostname, else its ID; a service to
 * Spec.Name. Any error gives the ID back. One cache keyed by ID, as docker's.
 */
import { inspectService } from './services.ts';
import type { Engine } from './types.ts';

export class IDResolver {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(
    private readonly engine: Engine,
    private readonly noResolve: boolean,
  ) {}

  node(id: string): Promise<string> {
    return this.resolve(id, async () => {
      const node = (await this.engine.inspectNode(id)).value;
      return node.Spec?.Name || node.Description?.Hostname || id;
    });
  }

  service(id: string): Promise<string> {
    return this.resolve(id, async () => (await inspectService(this.engine, id, false)).value.Spec?.Name ?? '');
  }

  private resolve(id: string, get: () => Promise<string>): Promise<string> {
    if (this.noResolve) return Promise.resolve(id);
    let hit = this.cache.get(id);
    if (!hit) {
      hit = get().catch(() => id);
      this.cache.set(id, hit);
    }
    return hit;
  }

  /** Resolves every ID at once: a map from ID to display name. */
  async all(kind: 'node' | 'service', ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const names = await Promise.all(unique.map((id) => (kind === 'node' ? this.node(id) : this.service(id))));
    return new Map(unique.map((id, i) => [id, names[i] as string]));
  }
}
