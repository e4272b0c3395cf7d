/**
 * Go's net.ParseCIDR and (*net.IPNet).String(), for pflag's ipNetSlice flags: "10.1.2.3/16"
 * becomes "10.1.0.0/16", "2001:DB8::1/32" becomes "2001:db8::/32". Parsing follows
 * net/netip.ParseAddr (strict dotted decimal, no zones); formatting follows net.IP.String.
 */

/** The network of a CIDR as Go prints it, or undefined when Go's ParseCIDR would fail. */
export function parseCIDR(s: string): string | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const addr = s.slice(0, slash);
  const maskText = s.slice(slash + 1);
  const parsed = parseAddr(addr);
  if (parsed === undefined) return undefined;
  if (!/^\d+$/.test(maskText)) return undefined;
  const bits = Number(maskText);
  const is4 = parsed.is4;
  if (bits > (is4 ? 32 : 128)) return undefined;
  const ip16 = parsed.bytes;
  if (is4) {
    const net = ip16.slice(12).map((b, i) => b & maskByte(bits, i));
    return `${net.join('.')}/${bits}`;
  }
  const masked = ip16.map((b, i) => b & maskByte(bits, i));
  // IPNet.String: a network that reads as IPv4 (::ffff:a.b.c.d) prints with the last 4 mask bytes.
  if (isV4Mapped(masked)) {
    const m4 = [12, 13, 14, 15].map((i) => maskByte(bits, i));
    const len = simpleMaskLength(m4);
    const ip = masked.slice(12).join('.');
    return len < 0 ? `${ip}/${m4.map((b) => b.toString(16).padStart(2, '0')).join('')}` : `${ip}/${len}`;
  }
  return `${ipv6String(masked)}/${bits}`;
}

function maskByte(bits: number, i: number): number {
  const n = Math.max(0, Math.min(8, bits - i * 8));
  return (0xff << (8 - n)) & 0xff;
}

function simpleMaskLength(mask: number[]): number {
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

function isV4Mapped(b: number[]): boolean {
  return b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;
}

interface Addr {
  readonly bytes: number[];
  readonly is4: boolean;
}

/** netip.ParseAddr without zones (ParseCIDR rejects them). */
function parseAddr(s: string): Addr | undefined {
  for (const c of s) {
    if (c === '.') {
      const v4 = parseIPv4(s);
      return v4 && { bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4], is4: true };
    }
    if (c === ':') {
      const v6 = parseIPv6(s);
      return v6 && { bytes: v6, is4: false };
    }
    if (c === '%') return undefined;
  }
  return undefined;
}

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    out.push(v);
  }
  return out;
}

function parseIPv6(text: string): number[] | undefined {
  if (text.includes('%')) return undefined;
  let s = text;
  const out: number[] = [];
  let ellipsis = -1;
  if (s.startsWith('::')) {
    ellipsis = 0;
    s = s.slice(2);
    if (s === '') return new Array<number>(16).fill(0);
  }
  while (out.length < 16) {
    const m = /^[0-9a-fA-F]{1,4}/.exec(s);
    if (!m) return undefined;
    // An embedded IPv4 address in the last 32 bits.
    if (s[m[0].length] === '.') {
      if (ellipsis < 0 && out.length !== 12) return undefined;
      if (out.length + 4 > 16) return undefined;
      const v4 = parseIPv4(s);
      if (!v4) return undefined;
      out.push(...v4);
      s = '';
      break;
    }
    const v = parseInt(m[0], 16);
    out.push(v >> 8, v & 0xff);
    s = s.slice(m[0].length);
    if (s === '') break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = out.length;
      s = s.slice(1);
      if (s === '') break;
    }
  }
  if (s !== '') return undefined;
  if (out.length < 16) {
    if (ellipsis < 0) return undefined;
    const fill = new Array<number>(16 - out.length).fill(0);
    out.splice(ellipsis, 0, ...fill);
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return out;
}

/** netip's IPv6 text: lower-case hex, the longest run (≥2) of zero groups as "::". */
function ipv6String(b: number[]): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i] ?? 0) << 8) | (b[i + 1] ?? 0));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > bestLen) {
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
