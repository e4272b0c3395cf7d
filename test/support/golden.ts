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
