/**
 * Go's encoding/json string encoding, shared by the template engine, request bodies and query
 * filters: \u003c-style escapes for < > & when escapeHTML (json.Marshal's default),
 * \u2028/\u2029 always, and U+FFFD for a lone surrogate (invalid UTF-8 in Go).
 * No imports: the engine uses it at start-up.
 */
const HEX = '0123456789abcdef';

/** Go's JSON string encoding. */
export function jsonString(s: string, escapeHTML: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20) {
      switch (c) {
        case 0x08:
          esc = '\\b';
          break;
        case 0x0c:
          esc = '\\f';
          break;
        case 0x0a:
          esc = '\\n';
          break;
        case 0x0d:
          esc = '\\r';
          break;
        case 0x09:
          esc = '\\t';
          break;
        default:
          esc = '\\u00' + (HEX[c >> 4] ?? '0') + (HEX[c & 0xf] ?? '0');
      }
    } else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (escapeHTML && (c === 0x3c || c === 0x3e || c === 0x26)) esc = '\\u00' + c.toString(16);
    else if (c === 0x2028 || c === 0x2029) esc = '\\u' + c.toString(16);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A well-formed pair passes through; a lone surrogate is invalid UTF-8 in Go.
      const hi = c <= 0xdbff;
      const d = s.charCodeAt(i + 1);
      if (hi && d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}
