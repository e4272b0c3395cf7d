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
