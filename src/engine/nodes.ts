/**
 * Node endpoints beyond list/inspect (client/node_update.go, node_remove.go, docker 28) and
 * the CLI's `self` reference (cli/command/node/cmd.go Reference).
 */
import { trimID } from './client.ts';
import { goJSON, strOmitEmpty } from '../go/json.ts';
import type { Engine, SwarmNode } from './types.ts';

/** swarm.NodeSpec as the client sends it: Go's field order, Name/Role/Availability omitempty. */
export interface NodeSpecBody {
  readonly Name?: string;
  readonly Labels: Record<string, string> | null;
  readonly Role?: string;
  readonly Availability?: string;
}

/** The spec docker would marshal from a decoded node (unknown spec fields are dropped). */
export function nodeSpecBody(node: SwarmNode): NodeSpecBody {
  const spec = node.Spec ?? {};
  return {
    ...(spec.Name ? { Name: spec.Name } : {}),
    Labels: spec.Labels ? { ...spec.Labels } : null,
    ...(spec.Role ? { Role: spec.Role } : {}),
    ...(spec.Availability ? { Availability: spec.Availability } : {}),
  };
}

/** The body encoding/json writes for a swarm.NodeSpec (HTML-safe strings, label keys sorted). */
export function nodeSpecJSON(spec: NodeSpecBody): string {
  return goJSON.obj([
    ['Name', strOmitEmpty(spec.Name)],
    ['Labels', goJSON.map(spec.Labels)],
    ['Role', strOmitEmpty(spec.Role)],
    ['Availability', strOmitEmpty(spec.Availability)],
  ]).text;
}

/** POST /nodes/{id}/update?version=N with the spec as body. */
export async function updateNode(engine: Engine, id: string, version: number, spec: NodeSpecBody): Promise<void> {
  await engine.request({
    method: 'POST',
    path: `/nodes/${trimID('node', id)}/update`,
    query: { version: String(version) },
    bodyJSON: nodeSpecJSON(spec),
  });
}

/** DELETE /nodes/{id}, with force=1 when forced (no parameter otherwise). */
export async function removeNode(engine: Engine, id: string, force: boolean): Promise<void> {
  await engine.request({
    method: 'DELETE',
    path: `/nodes/${trimID('node', id)}`,
    query: force ? { force: '1' } : {},
  });
}

/**
 * node.Reference: "self" is the node ID from GET /info; when /info has none, GET /nodes
 * surfaces the daemon's own error, else "node ID not found in /info". Other refs pass through.
 */
export async function nodeReference(engine: Engine, ref: string): Promise<string> {
  if (ref !== 'self') return ref;
  const info = await engine.info();
  const id = info.Swarm?.NodeID ?? '';
  if (id === '') {
    await engine.listNodes();
    throw new Error('node ID not found in /info');
  }
  return id;
}
