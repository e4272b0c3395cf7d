/**
 * Go's net.ParseCIDR and (*net.IPNet).String(), for pflag's ipNetSlice flags: "10.1.2.3/16"
 * becomes "10.1.0.0/16", "2001:DB8::1/32" becomes "2001:db8::/32". Parsing follows
 * net/netip.ParseAddr (strict dotted decimal, no zones); formatting follows net.IP.String.
 * Both come from src/spec/ip.ts.
 */
import { ipString, parseIP } from '../spec/ip.ts';

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

/** netip.ParseAddr without zones (net.ParseIP, shared with the service flags). */
function parseAddr(s: string): Addr | undefined {
  const ip = parseIP(s);
  if (ip === undefined) return undefined;
  // Textual IPv4 is the form whose first separator is a dot.
  return { bytes: [...ip], is4: /^[^.:%]*\./.test(s) };
}

/** netip's IPv6 text for 16 bytes that are not v4-mapped. */
function ipv6String(b: number[]): string {
  return ipString(Uint8Array.from(b));
}
