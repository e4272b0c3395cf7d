/**
 * `-p/--publish`, `--publish-add`, `--publish-rm` values: swarmopts.PortOpt.Set (docker/cli
 * v28.2.2 opts/swarmopts/port.go) with go-connections v0.5.0 nat.ParsePortSpec/ParsePortRange
 * for the short syntax.
 */
import { SpecValueError } from './errors.ts';
import { csvFirstRecord } from '../go/csv.ts';
import { parseIP, splitHostPort } from '../go/net.ts';
import { NumError, numErrReason, parseGoUint } from '../go/strconv.ts';
import type { PortConfig } from './types.ts';

/** The long-syntax trigger: `regexp.MatchString(`\w+=\w+(,\w+=\w+)*`, value)`, unanchored. */
export function isLongSyntax(value: string): boolean {
  return /\w=\w/.test(value);
}

/** nat.ParsePortRange: "80" or "8000-8010". */
export function parsePortRange(ports: string): [bigint, bigint] | undefined {
  if (ports === '') return undefined;
  if (!ports.includes('-')) {
    const v = parseGoUint(ports, 10, 16);
    return v instanceof NumError ? undefined : [v, v];
  }
  const parts = ports.split('-');
  const start = parseGoUint(parts[0] ?? '', 10, 16);
  if (start instanceof NumError) return undefined;
  const end = parseGoUint(parts[1] ?? '', 10, 16);
  if (end instanceof NumError) return undefined;
  if (end < start) return undefined;
  return [start, end];
}

/** nat.SplitProtoPort. */
function splitProtoPort(rawPort: string): [proto: string, port: string] {
  const parts = rawPort.split('/');
  if (rawPort.length === 0 || parts.length === 0 || (parts[0] ?? '').length === 0) return ['', ''];
  if (parts.length === 1) return ['tcp', rawPort];
  if ((parts[1] ?? '').length === 0) return ['tcp', parts[0] ?? ''];
  return [parts[1] ?? '', parts[0] ?? ''];
}

/** nat.splitParts: [ip, hostPort, containerPort]. */
function splitParts(rawport: string): [string, string, string] {
  const parts = rawport.split(':');
  const n = parts.length;
  const containerPort = parts[n - 1] ?? '';
  switch (n) {
    case 1:
      return ['', '', containerPort];
    case 2:
      return ['', parts[0] ?? '', containerPort];
    case 3:
      return [parts[0] ?? '', parts[1] ?? '', containerPort];
    default:
      return [parts.slice(0, n - 2).join(':'), parts[n - 2] ?? '', containerPort];
  }
}

export interface PortMapping {
  containerPort: bigint;
  proto: string;
  hostIP: string;
  hostPort: string;
}

/** nat.ParsePortSpec. */
export function parsePortSpec(rawPort: string): PortMapping[] {
  const [ip0, hostPort, containerPort0] = splitParts(rawPort);
  let ip = ip0;
  const [proto, containerPort] = splitProtoPort(containerPort0);
  if (ip !== '' && ip[0] === '[') {
    // Strip [] from IPv6 addresses.
    try {
      ip = splitHostPort(`${ip}:`).host;
    } catch (e) {
      throw new SpecValueError(`invalid IP address ${ip}: ${(e as Error).message}`);
    }
  }
  if (ip !== '' && parseIP(ip) === undefined) throw new SpecValueError(`invalid IP address: ${ip}`);
  if (containerPort === '') throw new SpecValueError(`no port specified: ${rawPort}<empty>`);
  const cr = parsePortRange(containerPort);
  if (cr === undefined) throw new SpecValueError(`invalid containerPort: ${containerPort}`);
  const [startPort, endPort] = cr;
  let startHostPort = 0n;
  let endHostPort = 0n;
  if (hostPort.length > 0) {
    const hr = parsePortRange(hostPort);
    if (hr === undefined) throw new SpecValueError(`invalid hostPort: ${hostPort}`);
    [startHostPort, endHostPort] = hr;
  }
  if (hostPort !== '' && endPort - startPort !== endHostPort - startHostPort) {
    // A host port range is allowed with a single container port (dynamic allocation range).
    if (endPort !== startPort) {
      throw new SpecValueError(`invalid ranges specified for container and host Ports: ${containerPort} and ${hostPort}`);
    }
  }
  const lproto = proto.toLowerCase();
  if (!['tcp', 'udp', 'sctp'].includes(lproto)) throw new SpecValueError(`invalid proto: ${proto}`);
  const out: PortMapping[] = [];
  for (let i = 0n; i <= endPort - startPort; i++) {
    let hp = hostPort;
    if (hostPort.length > 0) hp = String(startHostPort + i);
    if (startPort === endPort && startHostPort !== endHostPort) hp = `${hp}-${endHostPort}`;
    out.push({ containerPort: startPort + i, proto: lproto, hostIP: ip, hostPort: hp });
  }
  return out;
}

/**
 * One `--publish` value (swarmopts.PortOpt.Set): the PortConfigs it adds.
 *
 * Long syntax `target=80,published=8080,protocol=udp,mode=host` (keys and values lower-cased,
 * defaults tcp/ingress). Short syntax `[published:]target[/proto]` with ranges.
 *
 * Deviation: for a short-syntax range docker iterates a Go map, so the PortConfigs of
 * `8000-8002:80-82` come in random order; tsw returns them by ascending target port.
 */
export function parsePortOpt(value: string): PortConfig[] {
  if (isLongSyntax(value)) {
    const fields = csvFirstRecord(value, SpecValueError);
    const p: PortConfig = {};
    for (const field of fields) {
      const lowered = field.toLowerCase();
      const eq = lowered.indexOf('=');
      const key = eq < 0 ? lowered : lowered.slice(0, eq);
      const val = eq < 0 ? '' : lowered.slice(eq + 1);
      if (eq < 0 || key === '') throw new SpecValueError(`invalid field: ${field}`);
      switch (key) {
        case 'protocol':
          if (val !== 'tcp' && val !== 'udp' && val !== 'sctp') throw new SpecValueError(`invalid protocol value '${val}'`);
          p.Protocol = val;
          break;
        case 'mode':
          if (val !== 'ingress' && val !== 'host') {
            throw new SpecValueError(`invalid publish mode value (${val}): must be either 'ingress' or 'host'`);
          }
          p.PublishMode = val;
          break;
        case 'target':
        case 'published': {
          const n = parseGoUint(val, 10, 16);
          if (n instanceof NumError) {
            throw new SpecValueError(`invalid ${key === 'target' ? 'target' : 'published'} port (${val}): value must be an integer: ${numErrReason(n)}`);
          }
          if (key === 'target') p.TargetPort = Number(n);
          else p.PublishedPort = Number(n);
          break;
        }
        default:
          throw new SpecValueError(`invalid field key: ${key}`);
      }
    }
    if ((p.TargetPort ?? 0) === 0) throw new SpecValueError("missing mandatory field 'target'");
    // Field order is the struct's, so build the result in declaration order.
    return [{ Protocol: p.Protocol ?? 'tcp', TargetPort: p.TargetPort ?? 0, PublishedPort: p.PublishedPort ?? 0, PublishMode: p.PublishMode ?? 'ingress' }];
  }
  const mappings = parsePortSpec(value);
  if (mappings.some((m) => m.hostIP !== '')) throw new SpecValueError('hostip is not supported');
  const out: PortConfig[] = [];
  for (const m of mappings) {
    // ConvertPortToPortConfig: a host port range publishes each port of it.
    let start = 0n;
    let end = 0n;
    if (m.hostPort !== '') {
      const r = parsePortRange(m.hostPort);
      if (r === undefined) throw new SpecValueError(`invalid hostport binding (${m.hostPort}) for port (${m.containerPort})`);
      [start, end] = r;
    }
    for (let i = start; i <= end; i++) {
      out.push({ Protocol: m.proto, TargetPort: Number(m.containerPort), PublishedPort: Number(i), PublishMode: 'ingress' });
    }
  }
  return out;
}

/** swarmopts.PortOpt.String / update.go portConfigToString: `published:target/proto/mode`. */
export function portConfigString(p: PortConfig): string {
  return `${p.PublishedPort ?? 0}:${p.TargetPort ?? 0}/${p.Protocol ?? ''}/${p.PublishMode ?? ''}`;
}
