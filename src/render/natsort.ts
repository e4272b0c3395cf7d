/**
 * Natural string order, as github.com/fvbommel/sortorder NaturalLess (v1.1.0, natsort.go),
 * which docker uses to sort nodes by hostname, tasks by name, services, stacks, ….
 *
 * Non-digit runs compare bytewise (UTF-8 bytes, so not JS code-unit order), runs of ASCII
 * digits compare numerically with leading zeros skipped; on equal value the run with fewer
 * leading zeros sorts first ("2" < "02"); digits sort before non-digits; a prefix sorts first.
 */

const utf8 = new TextEncoder();

function isDigit(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

/** Byte-wise comparison of a[i1:j1] and b[i2:j2] (Go string comparison). */
function compareBytes(a: Uint8Array, i1: number, j1: number, b: Uint8Array, i2: number, j2: number): number {
  const n = Math.min(j1 - i1, j2 - i2);
  for (let k = 0; k < n; k++) {
    const d = (a[i1 + k] as number) - (b[i2 + k] as number);
    if (d !== 0) return d;
  }
  return j1 - i1 - (j2 - i2);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function bytesOf(s: string): Uint8Array {
  if (isAscii(s)) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  return utf8.encode(s);
}

/**
 * NaturalLess(str1, str2): whether str1 sorts before str2 in natural order ("abc2" < "abc12").
 * // fvbommel/sortorder natsort.go NaturalLess
 */
export function naturalLess(str1: string, str2: string): boolean {
  // ASCII text: its UTF-16 code units are its bytes, so compare the strings themselves.
  if (isAscii(str1) && isAscii(str2)) return naturalCompareAscii(str1, str2) < 0;
  const s1 = bytesOf(str1);
  const s2 = bytesOf(str2);
  let idx1 = 0;
  let idx2 = 0;
  while (idx1 < s1.length && idx2 < s2.length) {
    const c1 = s1[idx1] as number;
    const c2 = s2[idx2] as number;
    const dig1 = isDigit(c1);
    const dig2 = isDigit(c2);
    if (dig1 !== dig2) return dig1; // Digits before other characters.
    if (!dig1) {
      if (c1 !== c2) return c1 < c2;
      idx1++;
      idx2++;
      continue;
    }
    // Digits. Eat zeros.
    while (idx1 < s1.length && s1[idx1] === 0x30) idx1++;
    while (idx2 < s2.length && s2[idx2] === 0x30) idx2++;
    // Eat all digits.
    const nonZero1 = idx1;
    const nonZero2 = idx2;
    while (idx1 < s1.length && isDigit(s1[idx1] as number)) idx1++;
    while (idx2 < s2.length && isDigit(s2[idx2] as number)) idx2++;
    // If lengths of numbers with non-zero prefix differ, the shorter one is less.
    const len1 = idx1 - nonZero1;
    const len2 = idx2 - nonZero2;
    if (len1 !== len2) return len1 < len2;
    // If they're equally long, string comparison is correct.
    const cmp = compareBytes(s1, nonZero1, idx1, s2, nonZero2, idx2);
    if (cmp !== 0) return cmp < 0;
    // Otherwise, the one with less zeros is less. Everything up to the number is equal,
    // so comparing the index after the zeros is sufficient.
    if (nonZero1 !== nonZero2) return nonZero1 < nonZero2;
    // They're identical so far, so continue comparing.
  }
  // So far they are identical. At least one is ended. If the other continues, it sorts last.
  return s1.length < s2.length;
}

/**
 * A comparator for Array.prototype.sort built on naturalLess (-1, 0 or 1). Every step of
 * NaturalLess decides symmetrically, so one pass over two ASCII strings gives both answers.
 */
export function naturalCompare(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) return naturalCompareAscii(a, b);
  if (naturalLess(a, b)) return -1;
  if (naturalLess(b, a)) return 1;
  return 0;
}

/** NaturalLess's steps on two ASCII strings (code units, nothing allocated), as a comparator. */
function naturalCompareAscii(s1: string, s2: string): number {
  let idx1 = 0;
  let idx2 = 0;
  const n1 = s1.length;
  const n2 = s2.length;
  while (idx1 < n1 && idx2 < n2) {
    const c1 = s1.charCodeAt(idx1);
    const c2 = s2.charCodeAt(idx2);
    const dig1 = isDigit(c1);
    const dig2 = isDigit(c2);
    if (dig1 !== dig2) return dig1 ? -1 : 1;
    if (!dig1) {
      if (c1 !== c2) return c1 < c2 ? -1 : 1;
      idx1++;
      idx2++;
      continue;
    }
    while (idx1 < n1 && s1.charCodeAt(idx1) === 0x30) idx1++;
    while (idx2 < n2 && s2.charCodeAt(idx2) === 0x30) idx2++;
    const nonZero1 = idx1;
    const nonZero2 = idx2;
    while (idx1 < n1 && isDigit(s1.charCodeAt(idx1))) idx1++;
    while (idx2 < n2 && isDigit(s2.charCodeAt(idx2))) idx2++;
    const len1 = idx1 - nonZero1;
    const len2 = idx2 - nonZero2;
    if (len1 !== len2) return len1 < len2 ? -1 : 1;
    for (let k = 0; k < len1; k++) {
      const d = s1.charCodeAt(nonZero1 + k) - s2.charCodeAt(nonZero2 + k);
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    if (nonZero1 !== nonZero2) return nonZero1 < nonZero2 ? -1 : 1;
  }
  return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
}

/**
 * A string whose plain (code unit) order is the natural order of s, for sorting many items
 * with native comparisons; undefined when s is not ASCII. Each non-digit becomes itself + 2,
 * each digit run becomes \u0001 (digits sort first), its significant length, its significant
 * digits and its count of leading zeros (fewer first, as NaturalLess decides on equal values).
 */
export function naturalSortKey(s: string): string | undefined {
  if (!isAscii(s)) return undefined;
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) {
      out += String.fromCharCode(c + 2);
      i++;
      continue;
    }
    let zeros = 0;
    while (i < n && s.charCodeAt(i) === 0x30) {
      zeros++;
      i++;
    }
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    out += '\u0001' + String.fromCharCode(i - start) + s.slice(start, i) + String.fromCharCode(zeros);
  }
  return out;
}

/**
 * Sorts items by a natural-order name, stably, then by `then` for equal names: with precomputed
 * keys when every name is ASCII (thousands of tasks), else with naturalCompare.
 */
export function sortNatural<T>(items: T[], name: (item: T) => string, then: (a: T, b: T) => number = () => 0): T[] {
  const keys = items.map((it) => naturalSortKey(name(it)));
  if (keys.every((k) => k !== undefined)) {
    const idx = items.map((_, i) => i);
    idx.sort((a, b) => {
      const ka = keys[a] as string;
      const kb = keys[b] as string;
      if (ka !== kb) return ka < kb ? -1 : 1;
      return then(items[a] as T, items[b] as T);
    });
    const sorted = idx.map((i) => items[i] as T);
    items.splice(0, items.length, ...sorted);
    return items;
  }
  return items.sort((a, b) => {
    const na = name(a);
    const nb = name(b);
    if (na !== nb) {
      const c = naturalCompare(na, nb);
      if (c !== 0) return c;
    }
    return then(a, b);
  });
}

/** A comparator that orders items by a natural-order key, e.g. byNatural((n) => n.Description.Hostname). */
export function byNatural<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => naturalCompare(key(a), key(b));
}
