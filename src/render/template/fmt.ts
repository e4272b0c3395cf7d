/**
 * The low-level formatter of Go's fmt (format.go): padding, integers, floats, strings and
 * quoting under the current flags, width and precision, appending to a buffer.
 */
import { canBackquote, quote, quoteRune, quoteToASCII } from '../../go/quote.ts';
import { formatFloat } from '../../go/strconv.ts';
import { isPrint } from './unicode.ts';
import { runeCount, truncateRunes } from './utf8.ts';

export const LDIGITS = '0123456789abcdefx';
export const UDIGITS = '0123456789ABCDEFX';
export const MASK64 = (1n << 64n) - 1n;

/** fmt's flags, width, precision, and the buffer it appends to. */
export class Fmt {
  protected buf: string[] = [];
  // fmt flags
  protected wid = 0;
  protected prec = 0;
  protected widPresent = false;
  protected precPresent = false;
  protected minus = false;
  protected plus = false;
  protected sharp = false;
  protected space = false;
  protected zero = false;
  protected plusV = false;
  protected sharpV = false;

  result(): string {
    return this.buf.join('');
  }

  protected clearflags(): void {
    this.wid = 0;
    this.prec = 0;
    this.widPresent = false;
    this.precPresent = false;
    this.minus = false;
    this.plus = false;
    this.sharp = false;
    this.space = false;
    this.zero = false;
    this.plusV = false;
    this.sharpV = false;
  }

  protected write(s: string): void {
    this.buf.push(s);
  }

  protected writePadding(n: number): void {
    if (n <= 0) return;
    // Zero padding is allowed only to the left.
    this.buf.push((this.zero && !this.minus ? '0' : ' ').repeat(n));
  }

  protected pad(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.write(s);
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.write(s);
    } else {
      this.write(s);
      this.writePadding(width);
    }
  }

  protected fmtBoolean(v: boolean): void {
    this.pad(v ? 'true' : 'false');
  }

  protected fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let hex = u.toString(16).toUpperCase();
    if (hex.length < prec) hex = '0'.repeat(prec - hex.length) + hex;
    let s = 'U+' + hex;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  protected fmtInteger(u0: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    let u = u0 & MASK64;
    const negative = isSigned && u >= 1n << 63n;
    if (negative) u = (-u) & MASK64;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      // Precision of 0 and value of 0 means "print nothing" but padding.
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--; // leave room for sign
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + (digits[16] ?? 'x') + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    const oldZero = this.zero;
    this.zero = false;
    this.pad(s);
    this.zero = oldZero;
  }

  protected truncateString(s: string): string {
    return this.precPresent ? truncateRunes(s, this.prec) : s;
  }

  protected fmtS(s: string): void {
    this.pad(this.truncateString(s));
  }

  protected fmtSbx(bytes: Uint8Array, digits: string): void {
    let length = bytes.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    const out: string[] = [];
    const prefix = '0' + (digits[16] ?? 'x');
    if (this.sharp) out.push(prefix);
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out.push(' ');
        if (this.sharp) out.push(prefix);
      }
      const c = bytes[i] ?? 0;
      out.push((digits[c >> 4] ?? '0') + (digits[c & 0xf] ?? '0'));
    }
    this.write(out.join(''));
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  protected fmtQ(s0: string): void {
    const s = this.truncateString(s0);
    if (this.sharp && canBackquote(s)) {
      this.pad('`' + s + '`');
      return;
    }
    this.pad(this.plus ? quoteToASCII(s) : quote(s));
  }

  protected fmtC(c: bigint): void {
    const r = c > 0x10ffffn || (c >= 0xd800n && c <= 0xdfffn) ? 0xfffd : Number(c);
    this.pad(String.fromCodePoint(r));
  }

  protected fmtQc(c: bigint): void {
    const r = c > 0x10ffffn ? 0xfffd : Number(c);
    this.pad(quoteRune(r, this.plus));
  }

  protected fmtFloatRaw(v: number, verb: string, prec0: number, bitSize = 64): void {
    let prec = prec0;
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, bitSize);
    if (num[0] === '-' || num[0] === '+') {
      // keep sign
    } else num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    // Infinities and NaN don't look like numbers and are not zero-padded.
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.pad(num);
      this.zero = oldZero;
      return;
    }
    // The sharp flag forces a decimal point and keeps trailing zeros.
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let body = num;
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < body.length; i++) {
        const c = body[i] ?? '';
        if (c === '.') {
          hasDecimalPoint = true;
        } else if (c === 'p' || c === 'P' || ((c === 'e' || c === 'E') && verb !== 'x' && verb !== 'X')) {
          tail = body.slice(i);
          body = body.slice(0, i);
          break;
        } else {
          if (c !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (body.length === 2 && body[1] === '0') digits--;
        body += '.';
      }
      if (digits > 0) body += '0'.repeat(digits);
      num = body + tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.write(num[0] ?? '');
        this.writePadding(this.wid - num.length);
        this.write(num.slice(1));
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }
}
