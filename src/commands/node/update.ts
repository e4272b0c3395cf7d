/** `docker node update` (cli/command/node/update.go). */
import type { Command } from 'commander';
import { addLeaf, exactArgs } from '../../cli/define.ts';
import type { Deps } from '../../deps.ts';
import { StatusError } from '../../errors.ts';
import type { CommandContext } from '../context.ts';
import { updateNodes } from './update-nodes.ts';

export interface UpdateOptions {
  readonly node: string;
  /** undefined when the flag was not given (docker checks flags.Changed). */
  readonly role?: string;
  readonly availability?: string;
  readonly labelAdd?: readonly string[];
  readonly labelRm?: readonly string[];
}

export function register(group: Command, ctx: CommandContext): void {
  addLeaf(
    group,
    {
      name: 'update',
      use: 'update [OPTIONS] NODE',
      short: 'Update a node',
      args: exactArgs(1),
      flags: [
        { name: 'role', type: 'string', usage: 'Role of the node ("worker", "manager")' },
        { name: 'availability', type: 'string', usage: 'Availability of the node ("active", "pause", "drain")' },
        { name: 'label-add', type: 'list', usage: 'Add or update a node label ("key=value")' },
        { name: 'label-rm', type: 'list', usage: 'Remove a node label if exists' },
      ],
      action: (f, args) =>
        run(
          {
            node: args[0] ?? '',
            ...(f['role'] !== undefined ? { role: f['role'] as string } : {}),
            ...(f['availability'] !== undefined ? { availability: f['availability'] as string } : {}),
            ...(f['label-add'] !== undefined ? { labelAdd: f['label-add'] as string[] } : {}),
            ...(f['label-rm'] !== undefined ? { labelRm: f['label-rm'] as string[] } : {}),
          },
          ctx.deps,
        ),
    },
    ctx.sink,
  );
}

export async function run(opts: UpdateOptions, deps: Deps): Promise<void> {
  await updateNodes(
    deps,
    [opts.node],
    (_node, spec) => {
      if (opts.role !== undefined) spec.Role = opts.role;
      if (opts.availability !== undefined) spec.Availability = opts.availability;
      const labels = (spec.Labels ??= {});
      // opts.ConvertKVStringsToMap: "k=v", or "k" alone for an empty value.
      for (const kv of opts.labelAdd ?? []) {
        const eq = kv.indexOf('=');
        if (eq < 0) labels[kv] = '';
        else labels[kv.slice(0, eq)] = kv.slice(eq + 1);
      }
      for (const k of opts.labelRm ?? []) {
        if (!Object.prototype.hasOwnProperty.call(labels, k)) {
          throw new StatusError(`key ${k} doesn't exist in node's labels`, 1);
        }
        delete labels[k];
      }
      return undefined;
    },
    () => deps.stdout.write(`${opts.node}\n`),
  );
}
