/**
 * `stack ls` rows (cli/command/stack/formatter/formatter.go and stack/list.go, docker 28):
 * NAME and SERVICES (a string, also in JSON), sorted by name in natural order. Pure.
 */
import { renderFormat, TABLE_FORMAT_KEY } from './format.ts';
import { goType } from './govalue.ts';
import { sortNatural } from './natsort.ts';
import { marshalJSON } from './template/index.ts';

export const DEFAULT_STACK_TABLE_FORMAT = 'table {{.Name}}\t{{.Services}}';

export const STACK_HEADERS: Readonly<Record<string, string>> = { Name: 'NAME', Services: 'SERVICES' };

/** A stack: its name and how many services carry its namespace label. */
export interface StackSummary {
  readonly name: string;
  readonly services: number;
}

/** One row of `stack ls`: its getters are the template fields (stackContext). */
export class StackRow {
  readonly [goType] = '*formatter.stackContext';
  constructor(private readonly s: StackSummary) {}

  get Name(): string {
    return this.s.name;
  }
  get Services(): string {
    return String(this.s.services);
  }

  /** formatter.MarshalJSON: every field, keys sorted, HTML characters escaped. */
  MarshalJSON(): string {
    return marshalJSON({ Name: this.Name, Services: this.Services }, true);
  }
}

/**
 * format(): "" and "table" mean the default table; anything else ("raw" included, which
 * stack ls does not know) is used as given.
 */
export function renderStackList(stacks: readonly StackSummary[], format: string): string {
  const f = format === '' || format === TABLE_FORMAT_KEY ? DEFAULT_STACK_TABLE_FORMAT : format;
  const sorted = sortNatural([...stacks], (s) => s.name);
  return renderFormat({ format: f, rows: sorted.map((s) => new StackRow(s)), header: STACK_HEADERS });
}
