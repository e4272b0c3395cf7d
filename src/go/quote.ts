/**
 * Go's strconv quoting (Quote, QuoteToASCII, QuoteRune, CanBackquote), for JS strings and for
 * Go byte strings that may hold invalid UTF-8. The one copy behind every `%q` and quoted value
 * in an error message: flags, spec values, engine errors, log streams and templates.
 */
import { isGraphic, isPrint } from '../render/template/unicode.ts';

const LOWER_HEX = '0123456789abcdef';

function appendEscapedRune(out: string[], r: number, quote: number, asciiOnly: boolean, graphicOnly: boolean): void {
  if (r === quote || r === 0x5c) {
    out.push('\\', String.fromCodePoint(r));
    return;
  }
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) {
      out.push(String.fromCodePoint(r));
      return;
    }
  } else if (isPrint(r) || (graphicOnly && isGraphic(r))) {
    out.push(String.fromCodePoint(r));
    return;
  }
  switch (r) {
    case 0x07:
      out.push('\\a');
      return;
    case 0x08:
      out.push('\\b');
      return;
    case 0x0c:
      out.push('\\f');
      return;
    case 0x0a:
      out.push('\\n');
      return;
    case 0x0d:
      out.push('\\r');
      return;
    case 0x09:
      out.push('\\t');
      return;
    case 0x0b:
      out.push('\\v');
      return;
    default:
      break;
  }
  if (r < 0x20 || r === 0x7f) {
    out.push('\\x', LOWER_HEX[r >> 4] ?? '0', LOWER_HEX[r & 0xf] ?? '0');
    return;
  }
  if (r > 0x10ffff || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  if (r < 0x10000) {
    out.push('\\u', r.toString(16).padStart(4, '0'));
    return;
  }
  out.push('\\U', r.toString(16).padStart(8, '0'));
}

function quoteWith(s: string, quote: number, asciiOnly: boolean, graphicOnly: boolean): string {
  const out: string[] = [String.fromCharCode(quote)];
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    appendEscapedRune(out, cp, quote, asciiOnly, graphicOnly);
  }
  out.push(String.fromCharCode(quote));
  return out.join('');
}

/** strconv.Quote. */
export function quote(s: string): string {
  return quoteWith(s, 0x22, false, false);
}

/** strconv.QuoteToASCII. */
export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true, false);
}

/** strconv.QuoteRune (invalid runes become U+FFFD). */
export function quoteRune(r: number, asciiOnly = false): string {
  if (r > 0x10ffff || r < 0 || (r >= 0xd800 && r <= 0xdfff)) r = 0xfffd;
  const out: string[] = ["'"];
  appendEscapedRune(out, r, 0x27, asciiOnly, false);
  out.push("'");
  return out.join('');
}

/** strconv.CanBackquote. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const r = ch.codePointAt(0) ?? 0;
    if (r >= 0x80) {
      if (r === 0xfeff || (r >= 0xd800 && r <= 0xdfff)) return false;
      continue;
    }
    if ((r < 0x20 && r !== 0x09) || r === 0x60 || r === 0x7f) return false;
  }
  return true;
}

/** strconv.Quote of a Go byte string: invalid UTF-8 bytes print as \xHH. */
export function quoteBytes(bytes: Uint8Array): string {
  const out: string[] = ['"'];
  let i = 0;
  while (i < bytes.length) {
    const [cp, size] = decodeRune(bytes, i);
    if (cp < 0) out.push('\\x', LOWER_HEX[(bytes[i] ?? 0) >> 4] ?? '0', LOWER_HEX[(bytes[i] ?? 0) & 0xf] ?? '0');
    else appendEscapedRune(out, cp, 0x22, false, false);
    i += cp < 0 ? 1 : size;
  }
  out.push('"');
  return out.join('');
}

/** Decodes one UTF-8 rune at i: [codePoint, size], or [-1, 1] when the bytes are invalid. */
function decodeRune(b: Uint8Array, i: number): [number, number] {
  const c0 = b[i] ?? 0;
  if (c0 < 0x80) return [c0, 1];
  const cont = (k: number): number => {
    const c = b[i + k];
    return c !== undefined && (c & 0xc0) === 0x80 ? c & 0x3f : -1;
  };
  if (c0 >= 0xc2 && c0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? [-1, 1] : [((c0 & 0x1f) << 6) | c1, 2];
  }
  if (c0 >= 0xe0 && c0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return [-1, 1];
    const cp = ((c0 & 0x0f) << 12) | (c1 << 6) | c2;
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return [-1, 1];
    return [cp, 3];
  }
  if (c0 >= 0xf0 && c0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return [-1, 1];
    const cp = ((c0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    if (cp < 0x10000 || cp > 0x10ffff) return [-1, 1];
    return [cp, 4];
  }
  return [-1, 1];
}
