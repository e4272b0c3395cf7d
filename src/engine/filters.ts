import type { Filters } from './types.ts';

/** `--filter k=v` values (already validated and normalised) as the API's filter map. */
export function filtersFrom(pairs: readonly string[]): Filters {
  const out: Record<string, Record<string, boolean>> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    const key = p.slice(0, eq);
    (out[key] ??= {})[p.slice(eq + 1)] = true;
  }
  return out;
}
