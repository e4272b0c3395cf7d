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
