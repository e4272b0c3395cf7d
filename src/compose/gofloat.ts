/**
 * Go float64 values of decoded YAML. yaml.v3 keeps `1.0` and `1e6` as float64, which Go prints
 * differently from the int 1000000 (`1e+06`), so the parser wraps every float in a GoFloat and
 * plain JS numbers stand for Go ints.
 */
export class GoFloat {
  constructor(readonly value: number) {}
  /** encoding/json writes the number (gojsonschema and mergo compare through JSON). */
  toJSON(): number {
    return this.value;
  }
}

/** The number of an int or a GoFloat. */
export function num(v: unknown): number {
  if (v instanceof GoFloat) return v.value;
  if (typeof v === 'bigint') return Number(v);
  return Number(v);
}

/** strconv.FormatFloat(f, 'g', -1, bits). */
export function formatFloatG(f: number, bits: 32 | 64): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let digits = '';
  let exp = 0;
  if (bits === 32) {
    const target = Math.fround(f);
    for (let p = 1; p <= 9; p++) {
      const s = Math.abs(target).toExponential(p - 1);
      if (Math.fround(Number(s)) === Math.abs(target)) {
        const [m, e] = s.split('e');
        digits = (m ?? '').replace('.', '');
        exp = Number(e);
        break;
      }
    }
  } else {
    const [m, e] = Math.abs(f).toExponential().split('e');
    digits = (m ?? '').replace('.', '');
    exp = Number(e);
  }
  digits = digits.replace(/0+$/, '') || '0';
  const sign = f < 0 ? '-' : '';
  // %e form when the exponent is < -4 or >= the precision (6 for the shortest form).
  if (exp < -4 || exp >= 6) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

