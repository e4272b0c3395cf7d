/**
 * Byte-level helpers. Go strings are byte sequences: len, index, slice and truncate count
 * UTF-8 bytes, while JS strings count UTF-16 units. Everything here has an ASCII fast path
 * because almost all template data is ASCII.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** True when every unit of s is below 0x80 (then bytes, runes and JS units coincide). */
export function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) return false;
  }
  return true;
}

/** Go's len(s): the number of UTF-8 bytes. */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** The UTF-8 bytes of s (lone surrogates become U+FFFD, as Go would never see them). */
export function toBytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Bytes back to a JS string. Invalid sequences (a byte slice that cut a rune in two) become
 * U+FFFD: a JS string cannot hold them, which is the one place tsw's output can differ from
 * Go's raw bytes.
 */
export function fromBytes(b: Uint8Array): string {
  return decoder.decode(b);
}

/** s[start:end] in Go byte offsets. */
export function byteSlice(s: string, start: number, end: number): string {
  if (isASCII(s)) return s.slice(start, end);
  return fromBytes(toBytes(s).subarray(start, end));
}

/** The byte at Go offset i (s[i]). */
export function byteAt(s: string, i: number): number {
  if (isASCII(s)) return s.charCodeAt(i);
  return toBytes(s)[i] ?? 0;
}

/** utf8.RuneCountInString. */
export function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The code points of s (lone surrogates read as U+FFFD, like Go decoding bad UTF-8). */
export function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return out;
}

/** Prefix of s holding at most n runes (fmt's precision on strings counts runes). */
export function truncateRunes(s: string, n: number): string {
  let count = 0;
  let i = 0;
  while (i < s.length) {
    if (count === n) return s.slice(0, i);
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    count++;
  }
  return s;
}

/** Go byte offset of JS index idx in s (for error positions). */
export function byteOffset(s: string, idx: number): number {
  return byteLength(s.slice(0, idx));
}
