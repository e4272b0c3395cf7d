/**
 * Go's net.ParseIP / IP.String (Go 1.24, on netip.ParseAddr) and net.SplitHostPort, for the
 * flag validators that use them: `--dns` (opts.ValidateIPAddress), `--host`
 * (opts.ValidateExtraHost) and the host-IP part of `--publish` (go-connections nat).
 */

function parseIPv4Fields(s: string, out: number[]): boolean {
  let val = -1;
  let digitsInField = 0;
  let leadingZero = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (c >= '0' && c <= '9') {
      if (digitsInField === 1 && val === 0) leadingZero = true;
      if (leadingZero) return false; // IPv4 field has octet with leading zero
      val = (val < 0 ? 0 : val) * 10 + (c.charCodeAt(0) - 48);
      digitsInField++;
      if (val > 255) return false;
    } else if (c === '.') {
      if (val < 0 || out.length === 3) return false;
      out.push(val);
      val = -1;
      digitsInField = 0;
    } else return false;
  }
  if (val < 0 || out.length !== 3) return false;
  out.push(val);
  return true;
}

function parseIPv6(s0: string): Uint8Array | undefined {
  let s = s0;
  if (s.includes('%')) return undefined; // net.ParseIP rejects zones
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = s[off] ?? '';
      const d = /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1;
      if (d < 0) break;
      acc = acc * 16 + d;
      if (off > 3) return undefined; // more than 4 digits
      if (acc > 0xffff) return undefined;
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const v4: number[] = [];
      if (!parseIPv4Fields(s, v4)) return undefined;
      ip.set(v4, i);
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined; // multiple ::
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] ?? 0;
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) {
    return undefined; // the :: must expand to at least one field of zeros
  }
  return ip;
}

/** net.ParseIP: the 16-byte form, or undefined for an invalid address (zones are invalid). */
export function parseIP(s: string): Uint8Array | undefined {
  for (const c of s) {
    if (c === '.') {
      const v4: number[] = [];
      if (!parseIPv4Fields(s, v4)) return undefined;
      const ip = new Uint8Array(16);
      ip[10] = 0xff;
      ip[11] = 0xff;
      ip.set(v4, 12);
      return ip;
    }
    if (c === ':') return parseIPv6(s);
    if (c === '%') return undefined;
  }
  return undefined;
}

function isV4InV6(ip: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

/** net.IP.String for a 16-byte address: dotted IPv4 for v4-mapped, else RFC 5952 IPv6. */
export function ipString(ip: Uint8Array): string {
  if (isV4InV6(ip)) return `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i] ?? 0) << 8) | (ip[i + 1] ?? 0));
  // The longest run of two or more zero groups (the first one on a tie) becomes "::".
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += (groups[i] ?? 0).toString(16);
  }
  return out;
}

/** Go's net.AddrError text: `address X: why`. */
function addrError(addr: string, why: string): Error {
  return new Error(addr !== '' ? `address ${addr}: ${why}` : why);
}

/** net.SplitHostPort. Throws an Error with Go's AddrError text. */
export function splitHostPort(hostport: string): { host: string; port: string } {
  const missingPort = 'missing port in address';
  const tooManyColons = 'too many colons in address';
  let j = 0;
  let k = 0;
  const i = hostport.lastIndexOf(':');
  if (i < 0) throw addrError(hostport, missingPort);
  let host: string;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) throw addrError(hostport, "missing ']' in address");
    if (end + 1 === hostport.length) throw addrError(hostport, missingPort);
    if (end + 1 !== i) {
      if (hostport[end + 1] === ':') throw addrError(hostport, tooManyColons);
      throw addrError(hostport, missingPort);
    }
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) throw addrError(hostport, tooManyColons);
  }
  if (hostport.slice(j).includes('[')) throw addrError(hostport, "unexpected '[' in address");
  if (hostport.slice(k).includes(']')) throw addrError(hostport, "unexpected ']' in address");
  return { host, port: hostport.slice(i + 1) };
}

/** net.IP.IsUnspecified: 0.0.0.0 or ::. */
export function isUnspecified(ip: Uint8Array): boolean {
  if (isV4InV6(ip)) return ip[12] === 0 && ip[13] === 0 && ip[14] === 0 && ip[15] === 0;
  return ip.every((b) => b === 0);
}
