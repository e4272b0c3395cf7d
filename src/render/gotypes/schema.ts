/**
 * A compact schema of Go types, read from Go-syntax declarations (decls.ts): enough of
 * reflect's view of a type to decode the daemon's JSON into typed template values and to
 * re-encode them as encoding/json would (field order, json names, omitempty, embedding).
 *
 * Accepted syntax (a subset of Go): `package p`, `type T struct {` fields `}`, `type T struct{}`,
 * `type T basic`, `type T = other`. A field is `Name Type` or an embedded `Type`, optionally
 * followed by a backquoted tag with a json key.
 */

/** A Go type expression, resolved against the declarations. */
export type GoTypeExpr =
  | { readonly kind: 'basic'; readonly name: string; readonly basic: BasicName }
  | { readonly kind: 'duration' }
  | { readonly kind: 'time' }
  | { readonly kind: 'filemode' }
  | { readonly kind: 'bytes' }
  | { readonly kind: 'any' }
  | { readonly kind: 'ptr'; readonly elem: GoTypeExpr }
  | { readonly kind: 'slice'; readonly elem: GoTypeExpr }
  | { readonly kind: 'map'; readonly key: GoTypeExpr; readonly elem: GoTypeExpr }
  | { readonly kind: 'struct'; readonly name: string };

export type BasicName =
  | 'string'
  | 'bool'
  | 'int'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float32'
  | 'float64';

const BASICS: ReadonlySet<string> = new Set<BasicName>([
  'string', 'bool', 'int', 'int8', 'int16', 'int32', 'int64',
  'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
]);

export interface FieldDef {
  /** Go field name (for an embedded field, the type's name). */
  readonly name: string;
  readonly type: GoTypeExpr;
  readonly embedded: boolean;
  /** The JSON object key. */
  readonly json: string;
  readonly omitempty: boolean;
  /** json:"-" */
  readonly skip: boolean;
}

export interface StructDef {
  /** Qualified name as %T prints it: "swarm.Node". */
  readonly name: string;
  readonly fields: readonly FieldDef[];
}

/** Resolved declarations: struct definitions and named non-struct types. */
export interface Schema {
  readonly structs: ReadonlyMap<string, StructDef>;
  /** Resolves a type expression text ("*swarm.Node", "[]string") in the given package. */
  resolve(text: string, pkg?: string): GoTypeExpr;
  struct(name: string): StructDef;
}

/** The Go name of a type expression, as %T prints it ("*swarm.ManagerStatus", "map[string]string"). */
export function typeString(t: GoTypeExpr): string {
  switch (t.kind) {
    case 'basic':
      return t.name;
    case 'duration':
      return 'time.Duration';
    case 'time':
      return 'time.Time';
    case 'filemode':
      return 'fs.FileMode';
    case 'bytes':
      return '[]uint8';
    case 'any':
      return 'interface {}';
    case 'ptr':
      return '*' + typeString(t.elem);
    case 'slice':
      return '[]' + typeString(t.elem);
    case 'map':
      return `map[${typeString(t.key)}]${typeString(t.elem)}`;
    case 'struct':
      return t.name;
  }
}

interface RawField {
  name: string;
  typeText: string;
  embedded: boolean;
  tag: string;
  pkg: string;
}

interface RawDecl {
  pkg: string;
  name: string;
  /** struct fields, or the right-hand type text of a named/alias type. */
  fields?: RawField[];
  underlying?: string;
}

function parseTag(tag: string): { json: string | undefined; omitempty: boolean; skip: boolean } {
  const m = /json:"([^"]*)"/.exec(tag);
  if (!m) return { json: undefined, omitempty: false, skip: false };
  const spec = m[1] ?? '';
  if (spec === '-') return { json: undefined, omitempty: false, skip: true };
  const [name = '', ...opts] = spec.split(',');
  return { json: name === '' ? undefined : name, omitempty: opts.includes('omitempty'), skip: false };
}

function parseDecls(text: string): RawDecl[] {
  const decls: RawDecl[] = [];
  let pkg = '';
  let current: RawDecl | null = null;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    if (current) {
      if (line === '}') {
        decls.push(current);
        current = null;
        continue;
      }
      const tagAt = line.indexOf('`');
      const tag = tagAt >= 0 ? line.slice(tagAt) : '';
      const parts = (tagAt >= 0 ? line.slice(0, tagAt) : line).trim().split(/\s+/);
      if (parts.length === 1) {
        const typeText = parts[0] ?? '';
        const bare = typeText.replace(/^\*/, '');
        const name = bare.includes('.') ? bare.slice(bare.indexOf('.') + 1) : bare;
        current.fields?.push({ name, typeText, embedded: true, tag, pkg });
      } else {
        current.fields?.push({ name: parts[0] ?? '', typeText: parts.slice(1).join(''), embedded: false, tag, pkg });
      }
      continue;
    }
    let m = /^package\s+(\w+)$/.exec(line);
    if (m) {
      pkg = m[1] ?? '';
      continue;
    }
    m = /^type\s+(\w+)\s+struct\s*\{\s*\}$/.exec(line);
    if (m) {
      decls.push({ pkg, name: m[1] ?? '', fields: [] });
      continue;
    }
    m = /^type\s+(\w+)\s+struct\s*\{$/.exec(line);
    if (m) {
      current = { pkg, name: m[1] ?? '', fields: [] };
      continue;
    }
    m = /^type\s+(\w+)\s*=?\s*(\S+)$/.exec(line);
    if (m) {
      decls.push({ pkg, name: m[1] ?? '', underlying: m[2] ?? '' });
      continue;
    }
    throw new Error(`gotypes: cannot parse declaration line: ${line}`);
  }
  if (current) throw new Error(`gotypes: unterminated struct ${current.name}`);
  return decls;
}

/** Builds a Schema from Go-syntax declaration texts. */
export function buildSchema(...texts: string[]): Schema {
  const raw = new Map<string, RawDecl>();
  for (const text of texts) for (const d of parseDecls(text)) raw.set(`${d.pkg}.${d.name}`, d);

  const structs = new Map<string, StructDef>();

  const resolve = (text: string, pkg = ''): GoTypeExpr => {
    if (text.startsWith('*')) return { kind: 'ptr', elem: resolve(text.slice(1), pkg) };
    if (text === '[]byte' || text === '[]uint8') return { kind: 'bytes' };
    if (text.startsWith('[]')) return { kind: 'slice', elem: resolve(text.slice(2), pkg) };
    if (text.startsWith('map[')) {
      let depth = 0;
      let close = -1;
      for (let i = 3; i < text.length; i++) {
        if (text[i] === '[') depth++;
        else if (text[i] === ']' && --depth === 0) {
          close = i;
          break;
        }
      }
      return { kind: 'map', key: resolve(text.slice(4, close), pkg), elem: resolve(text.slice(close + 1), pkg) };
    }
    switch (text) {
      case 'time.Duration':
        return { kind: 'duration' };
      case 'time.Time':
        return { kind: 'time' };
      case 'os.FileMode':
      case 'fs.FileMode':
        return { kind: 'filemode' };
      case 'any':
      case 'interface{}':
        return { kind: 'any' };
    }
    if (BASICS.has(text)) return { kind: 'basic', name: text, basic: text as BasicName };
    const qualified = text.includes('.') ? text : `${pkg}.${text}`;
    const decl = raw.get(qualified);
    if (!decl) throw new Error(`gotypes: unknown type ${qualified}`);
    if (decl.fields) return { kind: 'struct', name: qualified };
    const under = resolve(decl.underlying ?? '', decl.pkg);
    // A named basic type (swarm.NodeRole string) keeps its own name for %T; an alias
    // (container.HealthConfig = v1.HealthcheckConfig) is the aliased type itself.
    if (under.kind === 'basic' && !(decl.underlying ?? '').includes('.')) {
      return { kind: 'basic', name: qualified, basic: under.basic };
    }
    return under;
  };

  const struct = (name: string): StructDef => {
    const done = structs.get(name);
    if (done) return done;
    const decl = raw.get(name);
    if (!decl?.fields) throw new Error(`gotypes: ${name} is not a struct`);
    const def: StructDef = {
      name,
      fields: decl.fields.map((f) => {
        const tag = parseTag(f.tag);
        return {
          name: f.name,
          type: resolve(f.typeText, f.pkg),
          embedded: f.embedded,
          json: tag.json ?? f.name,
          omitempty: tag.omitempty,
          skip: tag.skip,
        };
      }),
    };
    structs.set(name, def);
    return def;
  };

  for (const [name, d] of raw) if (d.fields) struct(name);
  return { structs, resolve, struct };
}
