/** docker's api/types/versions: API versions ("1.41") compared part by part as integers. */
import { atoi, ok } from './strconv.ts';

/** versions.compare: 1, 0 or -1; a part that is not a number (or is missing) counts as 0. */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0;
  const pa = a.split('.');
  const pb = b.split('.');
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = part(pa[i]);
    const y = part(pb[i]);
    if (x > y) return 1;
    if (y > x) return -1;
  }
  return 0;
}

/** versions.LessThan. */
export function versionLess(a: string, b: string): boolean {
  return compareVersions(a, b) < 0;
}

function part(s: string | undefined): bigint {
  return s === undefined ? 0n : (ok(atoi(s)) ?? 0n);
}
