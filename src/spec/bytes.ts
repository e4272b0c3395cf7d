/**
 * go-units size parsing (github.com/docker/go-units v0.5.0 size.go, vendored by docker 28.2.2):
 * RAMInBytes (1024-based; `--limit-memory`, `--reserve-memory`, `--mount tmpfs-size=`) and
 * FromHumanSize (1000-based). Errors are go-units' texts, or strconv.ParseFloat's NumError.
 */
import { SpecValueError } from './errors.ts';
import { NumError, float64ToInt64, parseGoFloat } from '../go/strconv.ts';

const KB = 1000;
const KIB = 1024;
const DECIMAL: Readonly<Record<string, number>> = { k: KB, m: KB ** 2, g: KB ** 3, t: KB ** 4, p: KB ** 5 };
const BINARY: Readonly<Record<string, number>> = { k: KIB, m: KIB ** 2, g: KIB ** 3, t: KIB ** 4, p: KIB ** 5 };

const utf8 = new TextEncoder();

/** go-units parseSize. Throws SpecValueError with go-units' (or strconv's) message. */
function parseSize(sizeStr: string, units: Readonly<Record<string, number>>): bigint {
  // strings.LastIndexAny(sizeStr, "01234567890. "): the set is ASCII, so UTF-16 indexes work.
  let sep = -1;
  for (let i = sizeStr.length - 1; i >= 0; i--) {
    if ('01234567890. '.includes(sizeStr[i] ?? 'x')) {
      sep = i;
      break;
    }
  }
  if (sep === -1) throw new SpecValueError(`invalid size: '${sizeStr}'`);
  let num: string;
  let sfx: string;
  if (sizeStr[sep] !== ' ') {
    num = sizeStr.slice(0, sep + 1);
    sfx = sizeStr.slice(sep + 1);
  } else {
    // Omit the space separator.
    num = sizeStr.slice(0, sep);
    sfx = sizeStr.slice(sep + 1);
  }
  const parsed = parseGoFloat(num, 64);
  if (parsed instanceof NumError) throw new SpecValueError(parsed.message);
  let size = parsed;
  // Backward compatibility: reject negative sizes.
  if (size < 0) throw new SpecValueError(`invalid size: '${sizeStr}'`);
  if (sfx.length === 0) return float64ToInt64(size);
  const badSuffix = (s: string): SpecValueError => new SpecValueError(`invalid suffix: '${s}'`);
  // len(sfx) counts bytes in Go.
  if (utf8.encode(sfx).length > 3) throw badSuffix(sfx);
  sfx = sfx.toLowerCase();
  if (sfx[0] === 'b') {
    if (sfx.length > 1) throw badSuffix(sfx); // no extra characters allowed after b
    return float64ToInt64(size);
  }
  const mul = units[sfx[0] ?? ''];
  if (mul === undefined) throw badSuffix(sfx);
  size *= mul;
  // The suffix may have an extra "b" or "ib" (e.g. KiB or MB).
  const bytes = utf8.encode(sfx).length;
  if (bytes === 2 && sfx[1] !== 'b') throw badSuffix(sfx);
  if (bytes === 3 && sfx.slice(1) !== 'ib') throw badSuffix(sfx);
  return float64ToInt64(size);
}

/**
 * go-units RAMInBytes: "64m", "1g", "512KiB", "1.5 GB" (1024-based, case-insensitive, optional
 * b/ib). Used by opts.MemBytes (`--limit-memory`, `--reserve-memory`) and `tmpfs-size`.
 */
export function ramInBytes(size: string): bigint {
  return parseSize(size, BINARY);
}

/** go-units FromHumanSize: as {@link ramInBytes} but 1000-based. */
export function fromHumanSize(size: string): bigint {
  return parseSize(size, DECIMAL);
}
