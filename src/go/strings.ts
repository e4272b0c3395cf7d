/**
 * Go's string order: `a < b` and strings.Compare compare the UTF-8 bytes. For well-formed
 * strings that is code point order, which UTF-16 code units get wrong past U+FFFF (a surrogate
 * 0xd800… sorts below U+E000…U+FFFF as a code unit, above it as a code point). Used for map
 * keys (encoding/json, fmtsort), sort.Strings and the template's comparisons. No imports.
 */

/** strings.Compare(a, b) as a sort comparator: negative, zero or positive. */
export function compare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** unicode.IsSpace as a regular expression class: not U+FEFF, unlike JavaScript's `\s`. */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const IS_SPACE = new RegExp(`^${SPACE}$`);
const EDGES = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
const LEADING = new RegExp(`^${SPACE}+`);
const RUNS = new RegExp(`${SPACE}+`);

/** unicode.IsSpace for one character. */
export function isSpace(ch: string): boolean {
  return IS_SPACE.test(ch);
}

/** strings.TrimSpace (also bytes.TrimSpace on valid UTF-8). */
export function trimSpace(s: string): string {
  return s.replace(EDGES, '');
}

/** strings.TrimLeftFunc(s, unicode.IsSpace). */
export function trimLeftSpace(s: string): string {
  return s.replace(LEADING, '');
}

/** strings.Fields: the runs of non-space characters. */
export function fields(s: string): string[] {
  return s.split(RUNS).filter((p) => p !== '');
}
