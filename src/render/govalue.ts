/**
 * How JavaScript values stand in for Go values in templates (--format, inspect -f, --pretty).
 *
 * Go's text/template sees typed values: a struct prints as {a b}, a map as map[k:v], a
 * time.Duration as 1m30s, a missing struct field is an error but a missing map key is
 * <no value>. Plain JS objects carry none of that, so values that need Go's behaviour
 * carry these symbols. Plain objects without them behave as Go maps (map[string]any).
 */

/**
 * Marks a struct-like value and names its Go type as fmt prints it with %T
 * ("swarm.Node", "*formatter.nodeContext"). Field access on a name the object does not
 * have is then an error ("can't evaluate field X in type T"), as for a Go struct.
 */
export const goType = Symbol.for('tsw.goType');

/** Optional, with goType: field names in declaration order, for printing a struct as {v1 v2}. */
export const goFields = Symbol.for('tsw.goFields');

/** A method returning how fmt's %v prints the value (a Stringer, Duration, Time, Version). */
export const goFormat = Symbol.for('tsw.goFormat');

/**
 * The scalar underneath a named value (Duration → nanoseconds as number, Time → the
 * RFC 3339 text), used by comparisons (eq, lt, …) and truthiness.
 */
export const goScalar = Symbol.for('tsw.goScalar');

export interface GoStruct {
  readonly [goType]: string;
  readonly [goFields]?: readonly string[];
}

export interface GoFormattable {
  [goFormat](): string;
}

export function isGoStruct(v: unknown): v is GoStruct & Record<string, unknown> {
  return typeof v === 'object' && v !== null && goType in v;
}

export function isGoFormattable(v: unknown): v is GoFormattable {
  return typeof v === 'object' && v !== null && typeof (v as Record<symbol, unknown>)[goFormat] === 'function';
}
