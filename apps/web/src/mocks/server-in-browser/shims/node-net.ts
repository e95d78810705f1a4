/**
 * Node's `BlockList` and `isIP`, enough for the server's uses: the webhook URL guard refuses
 * private and reserved addresses in the tab as it does on the server. TRUST_PROXY lists never
 * exist in the tab (every request is in-process), but would match the same way.
 */
type Family = 'ipv4' | 'ipv6';

function ipv4Bits(address: string): bigint | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((bits, p) => (bits << 8n) | BigInt(p), 0n);
}

function ipv6Bits(address: string): bigint | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bits(dotted[1]!);
    if (v4 === null) return null;
    text = `${text.slice(0, -dotted[1]!.length)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - left.length - right.length : 0;
  if (fill < 0) return null;
  const groups = [...left, ...Array<string>(fill).fill('0'), ...right];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.reduce((bits, g) => (bits << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** Every address as 128 bits: an IPv4 one as its IPv4-mapped IPv6 form, so the two families meet as in Node. */
const MAPPED = 0xffffn << 32n;
function bitsOf(address: string, family: Family): bigint | null {
  if (family === 'ipv6') return ipv6Bits(address);
  const v4 = ipv4Bits(address);
  return v4 === null ? null : MAPPED | v4;
}

export class BlockList {
  private readonly rules: Array<{ network: bigint; prefix: bigint }> = [];

  addAddress(address: string, family: Family = 'ipv4'): void {
    this.addSubnet(address, family === 'ipv4' ? 32 : 128, family);
  }

  addSubnet(network: string, prefix: number, family: Family = 'ipv4'): void {
    const bits = bitsOf(network, family);
    if (bits === null) throw new TypeError(`Invalid ${family} address: ${network}`);
    this.rules.push({ network: bits, prefix: BigInt(family === 'ipv4' ? prefix + 96 : prefix) });
  }

  check(address: string, family: Family = 'ipv4'): boolean {
    const bits = bitsOf(address, family);
    if (bits === null) return false;
    return this.rules.some((rule) => bits >> (128n - rule.prefix) === rule.network >> (128n - rule.prefix));
  }
}

export function isIP(address: string): 0 | 4 | 6 {
  if (ipv4Bits(address) !== null) return 4;
  return ipv6Bits(address) !== null ? 6 : 0;
}
