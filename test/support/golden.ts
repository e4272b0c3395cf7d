/**
 * Golden files: expected output captured from the reference docker client (never typed by
 * hand, never written from tsw's own output). Capture scripts live in test/capture/.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const goldenDir = fileURLToPath(new URL('../golden/', import.meta.url));

export function goldenPath(name: string): string {
  return join(goldenDir, name);
}

/** The bytes of a golden file, as text. Throws with a hint when the file is missing. */
export function readGolden(name: string): string {
  const p = goldenPath(name);
  if (!existsSync(p)) throw new Error(`golden file ${name} is missing: capture it from docker (see test/capture/)`);
  return readFileSync(p, 'utf8');
}

/**
 * Sorts the arrays at these dotted paths (where docker's order comes from a Go map and is
 * random) so two specs can be compared (for a JSON text, sortedJSON).
 */
export function sortPaths(spec: unknown, paths: readonly string[]): unknown {
  const v = structuredClone(spec) as Record<string, unknown>;
  for (const p of paths) {
    const keys = p.split('.');
    let o: unknown = v;
    for (const k of keys.slice(0, -1)) o = (o as Record<string, unknown> | undefined)?.[k];
    const last = keys[keys.length - 1] ?? '';
    const arr = (o as Record<string, unknown> | undefined)?.[last];
    if (Array.isArray(arr)) arr.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  }
  return v;
}

/** sortPaths on a JSON text, written back compactly; the text itself when no path is given. */
export function sortedJSON(json: string, paths: readonly string[] | undefined): string {
  return paths === undefined || paths.length === 0 ? json : JSON.stringify(sortPaths(JSON.parse(json), paths));
}
