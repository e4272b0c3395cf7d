/**
 * Go's float formatting (strconv.FormatFloat / fmt's %e %f %g %v) for float64 and float32.
 *
 * JS's toPrecision/toFixed round ties away from zero on the exact binary value; Go rounds
 * exact ties to even ("%.4g" of 15.625 is "15.62" in Go, "15.63" in JS), so precision
 * formats here work on the exact decimal expansion of the double.
 * // go/src/strconv/ftoa.go (formatDigits, fmtE, fmtF, %g rules), go/src/fmt/format.go fmtFloat
 */

/** A decimal digit string d (no leading zeros, trailing zeros trimmed) with value 0.d × 10^dp. */
interface Decimal {
  d: string;
  dp: number;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

/** The exact decimal value of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  f64[0] = x;
  const bits = u64[0] as bigint;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) {
    exp = -1074;
  } else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k = mant·5^k / 10^k
    const k = -exp;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { d: trimmed, dp };
}

/** Rounds to nd significant digits, exact ties to even (strconv decimal.Round / ryuFtoaFixed). */
function roundDigits(x: Decimal, nd: number): Decimal {
  if (nd < 0 || x.d.length <= nd) return x;
  const next = x.d.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (nd + 1 < x.d.length) up = true; // more than halfway
  else up = nd > 0 && (x.d.charCodeAt(nd - 1) - 48) % 2 === 1; // exactly halfway: to even
  let d = x.d.slice(0, nd);
  let dp = x.dp;
  if (up) {
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') i--;
    if (i < 0) {
      d = '1';
      dp++;
    } else {
      d = d.slice(0, i) + String.fromCharCode(d.charCodeAt(i) + 1);
    }
  }
  return { d: d.replace(/0+$/, ''), dp };
}

/** Shortest digits that read back as the same float (bitSize 64, or 32 for a float32 value). */
function shortestDigits(x: number, bitSize: 32 | 64): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  let s: string;
  if (bitSize === 64) {
    s = x.toExponential();
  } else {
    const target = Math.fround(x);
    s = target.toExponential(8);
    for (let p = 1; p <= 9; p++) {
      const cand = target.toExponential(p - 1);
      if (Math.fround(Number(cand)) === target) {
        s = cand;
        break;
      }
    }
  }
  const [mant = '0', e = '0'] = s.split('e');
  const d = mant.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

function fmtE(x: Decimal, prec: number, fmt: 'e' | 'E'): string {
  let out = x.d.length === 0 ? '0' : (x.d[0] as string);
  if (prec > 0) {
    out += '.';
    let i = 1;
    const m = Math.min(x.d.length, prec + 1);
    if (i < m) {
      out += x.d.slice(i, m);
      i = m;
    }
    for (; i <= prec; i++) out += '0';
  }
  out += fmt;
  let exp = x.dp - 1;
  if (x.d.length === 0) exp = 0; // special case: 0 has exponent 0
  out += exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  out += exp < 10 ? '0' + exp : String(exp);
  return out;
}

function fmtF(x: Decimal, prec: number): string {
  let out: string;
  if (x.dp > 0) {
    const m = Math.min(x.d.length, x.dp);
    out = x.d.slice(0, m) + '0'.repeat(x.dp - m);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = x.dp + i - 1;
      out += j >= 0 && j < x.d.length ? x.d[j] : '0';
    }
  }
  return out;
}

/**
 * strconv.FormatFloat(x, fmt, prec, bitSize) for fmt 'e', 'E', 'f', 'g', 'G'; prec −1 means
 * the shortest representation that round-trips. Infinities print as "+Inf"/"-Inf", NaN "NaN".
 */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number, bitSize: 32 | 64 = 64): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (bitSize === 32) x = Math.fround(x);
  const neg = x < 0 || Object.is(x, -0);
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs = shortestDigits(ax, bitSize);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      default:
        prec = digs.d.length;
    }
  } else {
    const exact = exactDecimal(ax);
    switch (fmt) {
      case 'e':
      case 'E':
        digs = roundDigits(exact, prec + 1);
        break;
      case 'f':
        digs = roundDigits(exact, exact.dp + prec);
        break;
      default:
        digs = roundDigits(exact, prec === 0 ? 1 : prec);
        if (prec === 0) prec = 1;
    }
  }
  let body: string;
  switch (fmt) {
    case 'e':
    case 'E':
      body = fmtE(digs, prec, fmt);
      break;
    case 'f':
      body = fmtF(digs, prec);
      break;
    default: {
      let eprec = prec;
      if (eprec > digs.d.length && digs.d.length >= digs.dp) eprec = digs.d.length;
      // %e is used if the exponent from the conversion is less than -4 or greater than or
      // equal to the precision. If precision was the shortest possible, use precision 6.
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > digs.d.length) prec = digs.d.length;
        body = fmtE(digs, prec - 1, fmt === 'g' ? 'e' : 'E');
      } else {
        if (prec > digs.dp) prec = digs.d.length;
        body = fmtF(digs, Math.max(prec - digs.dp, 0));
      }
    }
  }
  return neg ? '-' + body : body;
}

/**
 * fmt's %v for a float64 or float32 value: %g with the shortest representation
 * ("0.1", "1e+06", "1.5e-07", "100000").
 * // go/src/fmt/print.go fmtFloat (verb 'v' → 'g', prec -1)
 */
export function formatFloatV(x: number, bitSize: 32 | 64 = 64): string {
  return formatFloat(x, 'g', -1, bitSize);
}
