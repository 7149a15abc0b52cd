/**
 * Server-side request forgery guard: what kind of address a webhook target resolved to.
 * Anything but `public` is refused unless an admin allows private targets, so a webhook URL
 * cannot be used to reach the database, the cloud metadata service or the local network.
 * Pure parsing (no DNS): the dispatcher resolves the host and classifies every address.
 */

export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unique-local'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'invalid';

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const octets = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return octets.every((o) => o >= 0 && o <= 255) ? octets : null;
}

function classifyIpv4([a, b, c, d]: number[]): AddressKind {
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) {
    return 'private';
  }
  if (a === 100 && b! >= 64 && b! <= 127) return 'private'; // carrier-grade NAT
  if (a === 169 && b === 254) return 'link-local';
  if (a! >= 224 && a! <= 239) return 'multicast';
  if (a! >= 240) return 'reserved';
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address; a trailing dotted IPv4 becomes two groups. */
function parseIpv6(text: string): number[] | null {
  let address = text.replace(/^\[|\]$/g, '').split('%')[0]!;
  const lastColon = address.lastIndexOf(':');
  const dotted = address.slice(lastColon + 1);
  if (dotted.includes('.')) {
    const v4 = parseIpv4(dotted);
    if (!v4) return null;
    const hi = ((v4[0]! << 8) | v4[1]!).toString(16);
    const lo = ((v4[2]! << 8) | v4[3]!).toString(16);
    address = `${address.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const left = group(halves[0]!);
  const right = halves.length === 2 ? group(halves[1]!) : [];
  const explicit = left.length + right.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  const hex = [...left, ...Array<string>(8 - explicit).fill('0'), ...right];
  if (hex.some((h) => !/^[0-9a-f]{1,4}$/i.test(h))) return null;
  return hex.map((h) => parseInt(h, 16));
}

function classifyIpv6(g: number[]): AddressKind {
  const zeroHead = g.slice(0, 5).every((x) => x === 0);
  if (zeroHead && g[5] === 0xffff) {
    return classifyIpv4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]); // IPv4-mapped
  }
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return classifyIpv4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]); // NAT64
  }
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g[7] === 0x254) return 'metadata'; // AWS IPv6
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (zeroHead) return 'reserved'; // IPv4-compatible and other ::/80 forms
  return 'public';
}

/** Classifies one literal address (IPv4 dotted quad or IPv6, brackets and zone allowed). */
export function classifyAddress(address: string): AddressKind {
  const v4 = parseIpv4(address);
  if (v4) return classifyIpv4(v4);
  const v6 = address.includes(':') ? parseIpv6(address) : null;
  return v6 ? classifyIpv6(v6) : 'invalid';
}

/** The first address that may not be called, or null when every one is public. */
export function firstRefusedAddress(addresses: readonly string[]): string | null {
  return addresses.find((a) => classifyAddress(a) !== 'public') ?? null;
}
