/**
 * `--network` / `--network-add` values: opts.NetworkOpt.Set (docker/cli v28.2.2 opts/network.go).
 * A plain value is the network name or ID; the long syntax (any `\w=\w` in the value) is CSV
 * of name, alias (repeatable), driver-opt=k=v, ip, ip6, mac-address, link-local-ip,
 * gw-priority. Services use only the target, aliases and driver options.
 */
import { SpecValueError } from './errors.ts';
import { csvFirstRecord } from '../go/csv.ts';
import { isLongSyntax } from './ports.ts';
import { NumError, atoi, numErrReason } from '../go/strconv.ts';

/** opts.NetworkAttachmentOpts, the parts a service attachment uses. */
export interface NetworkOpt {
  /** The network name or ID as given (lower-cased in the long syntax, as docker does). */
  readonly target: string;
  /** `[]` in the long syntax (sent as `"Aliases":[]`… omitted by omitempty), absent otherwise. */
  readonly aliases?: readonly string[];
  readonly driverOpts?: Readonly<Record<string, string>>;
}

/**
 * Parses one `--network` value. Quirk kept: the long syntax lower-cases each whole field, so
 * `name=MyNet,alias=Web` targets network "mynet" with alias "web".
 */
export function parseNetworkOpt(value: string): NetworkOpt {
  if (!isLongSyntax(value)) return { target: value };
  const fields = csvFirstRecord(value, SpecValueError);
  let target = '';
  const aliases: string[] = [];
  let driverOpts: Record<string, string> | undefined;
  for (const field of fields) {
    const lowered = field.toLowerCase();
    const eq = lowered.indexOf('=');
    let key = eq < 0 ? lowered : lowered.slice(0, eq);
    let val = eq < 0 ? '' : lowered.slice(eq + 1);
    if (eq < 0 || key === '') throw new SpecValueError(`invalid field ${field}`);
    key = key.trim();
    val = val.trim();
    switch (key) {
      case 'name':
        target = val;
        break;
      case 'alias':
        aliases.push(val);
        break;
      case 'ip':
      case 'ip6':
      case 'mac-address':
      case 'link-local-ip':
        break; // parsed but unused by services
      case 'driver-opt': {
        const deq = val.indexOf('=');
        const dk = deq < 0 ? val : val.slice(0, deq);
        if (deq < 0 || dk === '') throw new SpecValueError('invalid key value pair format in driver options');
        driverOpts ??= {};
        driverOpts[dk.trim()] = val.slice(deq + 1).trim();
        break;
      }
      case 'gw-priority': {
        const n = atoi(val);
        if (n instanceof NumError) throw new SpecValueError(`invalid gw-priority (${val}): ${numErrReason(n)}`);
        break;
      }
      default:
        throw new SpecValueError(`invalid field key ${key}`);
    }
  }
  if (target.length === 0) throw new SpecValueError('network name/id is not specified');
  return driverOpts === undefined ? { target, aliases } : { target, aliases, driverOpts };
}
