/**
 * Go's net.ParseIP / IP.String (Go 1.24, on netip.ParseAddr), net.ParseCIDR with
 * (*IPNet).String and Contains, and net.SplitHostPort: the one copy for the flag validators
 * (`--dns`, `--host`, the host IP of `--publish`), pflag's ipNetSlice flags
 * (`--default-addr-pool`) and `network create`'s IPAM flags.
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

/** net.IP.String for a 4- or 16-byte address: dotted IPv4 for v4-mapped, else RFC 5952 IPv6. */
export function ipString(ip: Uint8Array): string {
  if (ip.length === 4) return ip.join('.');
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

/** A net.IPNet: the network number and its mask (4 or 16 bytes each). */
export interface IPNet {
  readonly ip: Uint8Array;
  readonly mask: Uint8Array;
}

/**
 * net.ParseCIDR: the address (16 bytes) and its network, or undefined where Go errors
 * (no mask, a bad address, a zone, a mask that is not a decimal prefix length in range).
 */
export function parseCIDR(s: string): { ip: Uint8Array; net: IPNet } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const maskText = s.slice(slash + 1);
  const ip = parseIP(addr);
  if (ip === undefined) return undefined;
  // netip.ParseAddr: Is4 for the dotted form only ("::ffff:1.2.3.4" is an IPv6 address).
  const bits = /^[^.:%]*\./.test(addr) ? 32 : 128;
  if (!/^\d+$/.test(maskText) || Number(maskText) > bits) return undefined;
  const ones = Number(maskText);
  const mask = Uint8Array.from({ length: bits / 8 }, (_, i) => (0xff << (8 - Math.max(0, Math.min(8, ones - i * 8)))) & 0xff);
  // IP.Mask: a 4-byte mask takes the IPv4 part of the 16-byte address.
  const base = bits === 32 ? ip.subarray(12) : ip;
  return { ip, net: { ip: base.map((b, i) => b & (mask[i] ?? 0)), mask } };
}

/** IP.To4: the 4-byte form of an IPv4 or v4-mapped address. */
function to4(ip: Uint8Array): Uint8Array | undefined {
  if (ip.length === 4) return ip;
  if (ip.length === 16 && isV4InV6(ip)) return ip.subarray(12);
  return undefined;
}

/** net.networkNumberAndMask. */
function networkNumberAndMask(n: IPNet): IPNet | undefined {
  let ip = to4(n.ip);
  if (ip === undefined) {
    ip = n.ip;
    if (ip.length !== 16) return undefined;
  }
  let mask = n.mask;
  if (mask.length === 4) {
    if (ip.length !== 4) return undefined;
  } else if (mask.length === 16) {
    if (ip.length === 4) mask = mask.subarray(12);
  } else {
    return undefined;
  }
  return { ip, mask };
}

/** IPMask.Size's ones for a canonical mask, -1 for any other. */
function simpleMaskLength(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) {
    const v = mask[i] ?? 0;
    if (v === 0xff) {
      n += 8;
      continue;
    }
    let b = v;
    while (b & 0x80) {
      n++;
      b = (b << 1) & 0xff;
    }
    if (b !== 0) return -1;
    for (let j = i + 1; j < mask.length; j++) if ((mask[j] ?? 0) !== 0) return -1;
    break;
  }
  return n;
}

/** (*IPNet).String: "10.1.0.0/16", "2001:db8::/32"; a non-canonical mask in hex. */
export function ipNetString(n: IPNet): string {
  const nm = networkNumberAndMask(n);
  if (nm === undefined) return '<nil>';
  const len = simpleMaskLength(nm.mask);
  const mask = len < 0 ? [...nm.mask].map((b) => b.toString(16).padStart(2, '0')).join('') : String(len);
  return `${ipString(nm.ip)}/${mask}`;
}

/** (*IPNet).Contains; an unparsable address (nil IP) is never contained. */
export function ipNetContains(n: IPNet, addr: Uint8Array | undefined): boolean {
  const nm = networkNumberAndMask(n);
  if (addr === undefined || nm === undefined) return false;
  const ip = to4(addr) ?? addr;
  if (ip.length !== nm.ip.length) return false;
  for (let i = 0; i < ip.length; i++) {
    if (((nm.ip[i] ?? 0) & (nm.mask[i] ?? 0)) !== ((ip[i] ?? 0) & (nm.mask[i] ?? 0))) return false;
  }
  return true;
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
