/**
 * The flag table (src/spec/flags.ts) against docker 28.2.2's own `service create --help` and
 * `service update --help` (test/golden/spec/help.json): the same flags, shorthands, type names,
 * usage texts and `(default …)` suffixes, and the version annotations that hide flags on the
 * lab's API 1.41. Help is captured for API 1.50 (every flag shown) and 1.41. docker wraps
 * descriptions to the terminal; whitespace is collapsed before comparing (the layout is the
 * help renderer's business, not this table's).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quote } from '../../src/go/quote.ts';
import { type ServiceFlagDef, serviceFlagsFor } from '../../src/spec/flags.ts';
import { readGolden } from '../support/golden.ts';

const help = JSON.parse(readGolden('spec/help.json')) as Record<string, string>;

interface HelpEntry {
  short?: string;
  type: string;
  usage: string;
}

/** pflag FlagUsages lines: `  -x, --name type   usage` with wrapped continuation lines. */
function parseHelp(text: string): Map<string, HelpEntry> {
  const out = new Map<string, HelpEntry>();
  const options = text.slice(text.indexOf('Options:\n') + 'Options:\n'.length);
  let current: HelpEntry | undefined;
  for (const line of options.split('\n')) {
    const m = /^ {2}(?:-(\w), )?\s*--([\w-]+)(?: ([\w-]+))?\s{2,}(.*)$/.exec(line) ?? /^ {2}(?:-(\w), )?\s*--([\w-]+)(?: ([\w-]+))?()$/.exec(line);
    if (m !== null && /^ {2}(-\w, |\s{4})--/.test(line)) {
      current = { type: m[3] ?? '', usage: m[4] ?? '' };
      if (m[1] !== undefined) current.short = m[1];
      out.set(m[2] ?? '', current);
    } else if (current !== undefined && line.trim() !== '') {
      current.usage += ` ${line.trim()}`;
    }
  }
  return out;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** pflag's UnquoteUsage type names. */
function typeName(t: string): string {
  return t === 'bool' ? '' : t === 'int64' ? 'int' : t === 'uint64' ? 'uint' : t === 'float64' ? 'float' : t;
}

/** pflag's defaultIsZeroValue (v1.0.6) for the value types these flags use. */
function isZeroDefault(d: ServiceFlagDef, def: string): boolean {
  switch (d.type) {
    case 'bool':
      return def === 'false';
    case 'duration':
      return def === '0' || def === '0s' || def === '';
    case 'int':
    case 'int64':
    case 'uint64':
      return def === '0';
    case 'string':
      return def === '';
    default:
      return def === '' || def === '0' || def === 'false' || def === '<nil>';
  }
}

function expectedUsage(d: ServiceFlagDef, command: 'create' | 'update'): string {
  const usage = command === 'update' ? (d.updateUsage ?? d.usage) : d.usage;
  const def = command === 'update' ? (d.updateDefValue ?? d.defValue) : d.defValue;
  if (isZeroDefault(d, def)) return usage;
  return `${usage} (default ${d.type === 'string' ? quote(def) : def})`;
}

for (const command of ['create', 'update'] as const) {
  describe(`service ${command} flags vs docker --help`, () => {
    const full = parseHelp(help[`${command}-1.50`] ?? '');
    const lab = parseHelp(help[`${command}-1.41`] ?? '');
    const defs = serviceFlagsFor(command);

    it('the same set of flags', () => {
      assert.deepEqual(defs.map((d) => d.name).sort(), [...full.keys()].sort());
    });
    for (const d of defs) {
      it(`--${d.name}`, () => {
        const h = full.get(d.name);
        assert.ok(h !== undefined, 'in docker help');
        assert.equal(h.short, d.short);
        assert.equal(h.type, typeName(d.type));
        assert.equal(collapse(h.usage), collapse(expectedUsage(d, command)));
        // Hidden at API 1.41 exactly when annotated with a newer version.
        const newer = d.version !== undefined && Number(d.version.split('.')[1]) > 41;
        assert.equal(lab.has(d.name), !newer);
      });
    }
  });
}
