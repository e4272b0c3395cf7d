/**
 * updateNodes (cli/command/node/update.go), shared by promote, demote and update: for each
 * ref in turn, inspect the node, merge the change into its spec and send it with the node's
 * version. The first error stops the loop; a node already in the requested role is skipped.
 */
import type { Deps } from '../../deps.ts';
import type { NodeSpecBody } from '../../engine/nodes.ts';
import type { SwarmNode } from '../../engine/types.ts';

/** Returned by a merge when nothing needs sending (errNoRoleChange). */
export const NO_ROLE_CHANGE = Symbol('no role change');

/** Mutable copy of the spec a merge edits. */
export interface MutableSpec {
  Name?: string;
  Labels: Record<string, string> | null;
  Role?: string;
  Availability?: string;
}

export type Merge = (node: SwarmNode, spec: MutableSpec) => typeof NO_ROLE_CHANGE | undefined;

export async function updateNodes(deps: Deps, refs: readonly string[], merge: Merge, success: (ref: string) => void): Promise<void> {
  const { nodeSpecBody, updateNode } = await import('../../engine/nodes.ts');
  const engine = await deps.engine();
  for (const ref of refs) {
    const node = (await engine.inspectNode(ref)).value;
    const spec: MutableSpec = { ...nodeSpecBody(node) };
    if (merge(node, spec) === NO_ROLE_CHANGE) continue;
    await updateNode(engine, node.ID, node.Version?.Index ?? 0, spec as NodeSpecBody);
    success(ref);
  }
}
