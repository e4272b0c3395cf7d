/**
 * Stack namespacing (docker/cli v28.2.2 cli/compose/convert/compose.go): `<stack>_<name>`, the
 * stack label every created object carries, and the image label of services.
 */

/** convert.LabelNamespace */
export const LABEL_NAMESPACE = 'com.docker.stack.namespace';
/** convert.LabelImage */
export const LABEL_IMAGE = 'com.docker.stack.image';

export class Namespace {
  constructor(readonly name: string) {}

  /** `<stack>_<name>` */
  scope(name: string): string {
    return `${this.name}_${name}`;
  }

  /** strings.TrimPrefix(name, "<stack>_") */
  descope(name: string): string {
    const p = `${this.name}_`;
    return name.startsWith(p) ? name.slice(p.length) : name;
  }
}

/** AddStackLabel: a copy of labels (a new map when nil) with the namespace label set. */
export function addStackLabel(ns: Namespace, labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  return { ...(labels ?? {}), [LABEL_NAMESPACE]: ns.name };
}

/** container.NetworkMode(name).IsUserDefined() on Linux. */
export function isUserDefinedNetwork(name: string): boolean {
  if (name === 'default' || name === 'bridge' || name === 'host' || name === 'none') return false;
  const colon = name.indexOf(':');
  return !(colon >= 0 && name.slice(0, colon) === 'container');
}
