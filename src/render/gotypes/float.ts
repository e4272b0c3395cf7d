/**
 * Go's strconv.FormatFloat for the typed values and go-units sizes. One implementation serves
 * the whole renderer: the template engine's (src/render/template/strconv.ts).
 */
import { formatFloat as goFormatFloat } from '../template/strconv.ts';

/**
 * strconv.FormatFloat(x, fmt, prec, bitSize) for fmt 'e', 'E', 'f', 'g', 'G'; prec −1 means
 * the shortest representation that round-trips. Infinities print as "+Inf"/"-Inf", NaN "NaN".
 */
export function formatFloat(x: number, fmt: 'e' | 'E' | 'f' | 'g' | 'G', prec: number, bitSize: 32 | 64 = 64): string {
  return goFormatFloat(x, fmt, prec, bitSize);
}

/**
 * fmt's %v for a float64 or float32 value: %g with the shortest representation
 * ("0.1", "1e+06", "1.5e-07", "100000"). // go/src/fmt/print.go fmtFloat (verb 'v' → 'g', prec -1)
 */
export function formatFloatV(x: number, bitSize: 32 | 64 = 64): string {
  return goFormatFloat(x, 'g', -1, bitSize);
}
