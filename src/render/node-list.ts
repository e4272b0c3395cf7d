/** `node ls` output: rows sorted by hostname, through docker's format layer. Pure. */
import type { SwarmNode, SystemInfo } from '../engine/types.ts';
import { renderFormat, resolveFormat } from './format.ts';
import { naturalCompare } from './natsort.ts';
import { DEFAULT_NODE_TABLE_FORMAT, NODE_HEADERS, NODE_RAW_FORMAT, NODE_RAW_QUIET_FORMAT, NodeRow } from './nodes.ts';

export function renderNodeList(
  nodes: readonly SwarmNode[],
  info: SystemInfo | undefined,
  source: string,
  quiet: boolean,
): string {
  const format = resolveFormat(source, quiet, {
    table: DEFAULT_NODE_TABLE_FORMAT,
    raw: NODE_RAW_FORMAT,
    rawQuiet: NODE_RAW_QUIET_FORMAT,
  });
  const rows = [...nodes]
    .sort((a, b) => naturalCompare(a.Description?.Hostname ?? '', b.Description?.Hostname ?? ''))
    .map((n) => new NodeRow(n, info?.Swarm));
  return renderFormat({ format, rows, header: NODE_HEADERS });
}
