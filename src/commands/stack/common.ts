/**
 * What the stack verbs share (cli/command/stack/common.go and stack/swarm/common.go,
 * docker 28): the stack name check and the namespace label filters.
 */
import { quote } from '../../go/quote.ts';
import { isSpace } from '../../go/strings.ts';
import type { Filters } from '../../engine/types.ts';
import { StatusError } from '../../errors.ts';

/** convert.LabelNamespace: the label every object of a stack carries. */
export const LABEL_NAMESPACE = 'com.docker.stack.namespace';

const quoteOrSpace = (ch: string): boolean => ch === '"' || ch === "'" || isSpace(ch);

/**
 * validateStackName: only rejects a name that is empty once whitespace and quote
 * characters are trimmed from both ends: `invalid stack name: "<name>"` (exit 1).
 */
export function validateStackName(namespace: string): void {
  const chars = [...namespace];
  let start = 0;
  let end = chars.length;
  while (start < end && quoteOrSpace(chars[start] ?? '')) start++;
  while (end > start && quoteOrSpace(chars[end - 1] ?? '')) end--;
  if (start === end) throw new StatusError(`invalid stack name: ${quote(namespace)}`, 1);
}

/** getStackFilter / getStackFilterFromOpt: the user's filters plus label=<namespace>=<stack>. */
export function stackFilter(namespace: string, user: Filters = {}): Filters {
  const out: Record<string, Record<string, boolean>> = {};
  for (const [k, v] of Object.entries(user)) out[k] = { ...v };
  (out['label'] ??= {})[`${LABEL_NAMESPACE}=${namespace}`] = true;
  return out;
}

/** getAllStacksFilter: every object that has the namespace label. */
export function allStacksFilter(): Filters {
  return { label: { [LABEL_NAMESPACE]: true } };
}
