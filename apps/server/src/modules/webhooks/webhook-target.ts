import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { DomainError } from '../../lib/domain-error.ts';

/**
 * Addresses a webhook may never reach (ADR 33): this machine, private networks, link-local
 * (cloud metadata at 169.254.169.254 and fd00:ec2::254), multicast, unspecified and reserved
 * ranges. IPv4-mapped, IPv4-translated and NAT64 IPv6 addresses are judged by the IPv4 address
 * inside them. The transition blocks that reach an IPv4 host through a relay whose choice is not
 * ours (6to4, Teredo) are refused whole, whatever address they carry.
 */
const refused = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  refused.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  // Local-use NAT64 (RFC 8215): the translator's IPv4 side is a private network's.
  ['64:ff9b:1::', 48],
  // IETF protocol assignments: Teredo (2001::/32), benchmarking, ORCHID.
  ['2001::', 23],
  ['2001:db8::', 32],
  // 6to4 (RFC 3056): the IPv4 address sits in the second and third groups, behind a relay.
  ['2002::', 16],
  // Documentation (RFC 9637) and SRv6 segment identifiers (RFC 9602).
  ['3fff::', 20],
  ['5f00::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  refused.addSubnet(net, bits, 'ipv6');
}

/**
 * The IPv4 address an IPv6 one carries in its last 32 bits (`::ffff:a.b.c.d` mapped,
 * `::ffff:0:a.b.c.d` translated, `::a.b.c.d` compatible, `64:ff9b::a.b.c.d` NAT64), if any.
 */
function embeddedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const head = groups.slice(0, 6);
  const mapped = head.slice(0, 5).every((g) => g === 0) && (head[5] === 0xffff || head[5] === 0);
  const translated = head.slice(0, 4).every((g) => g === 0) && head[4] === 0xffff && head[5] === 0;
  const nat64 = head[0] === 0x64 && head[1] === 0xff9b && head.slice(2).every((g) => g === 0);
  if (!mapped && !translated && !nat64) return null;
  // `::` and `::1` are themselves, not 0.0.0.0 and 0.0.0.1.
  if (head[5] === 0 && !nat64 && groups[6] === 0) return null;
  const [a, b] = [groups[6]!, groups[7]!];
  return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
}

function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, -dotted[1]!.length)}${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const [left, right] = text.split('::') as [string, string | undefined];
  const l = left ? left.split(':') : [];
  const r = right === undefined ? [] : right ? right.split(':') : [];
  const fill = right === undefined ? 0 : 8 - l.length - r.length;
  const groups = [...l, ...Array<string>(Math.max(fill, 0)).fill('0'), ...r].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** Whether a webhook may connect to this address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !refused.check(address, 'ipv4');
  if (family !== 6) return false;
  const inner = embeddedIpv4(address);
  if (inner) return !refused.check(inner, 'ipv4');
  return !refused.check(address, 'ipv6');
}

export interface ResolvedTarget {
  url: URL;
  /** The address checked, to connect to without asking DNS again. */
  address: string;
  family: 4 | 6;
}

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;
/** A name that takes longer than this to resolve is refused (the request waits on it). */
const RESOLVE_TIMEOUT_MS = 5_000;
const systemResolver: Resolver = (host) =>
  Promise.race([
    lookup(host, { all: true, verbatim: true }),
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error('DNS timeout')), RESOLVE_TIMEOUT_MS).unref();
    }),
  ]);

export const urlRefused = (message: string) =>
  new DomainError('WEBHOOK_URL_REFUSED', message, { fields: [{ path: 'url', message }] });

/**
 * Resolves a webhook URL's host and checks every address it has: one private address is enough
 * to refuse (a receiver could otherwise be steered between them). `allowPrivate` is the
 * WEBHOOK_ALLOW_PRIVATE setting: private addresses and plain http, for development and tests.
 */
export async function resolveWebhookTarget(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolver = systemResolver,
): Promise<ResolvedTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw urlRefused('This is not a URL');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw urlRefused('Webhook URLs must use https');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  } catch {
    throw urlRefused(`${host} could not be resolved`);
  }
  if (addresses.length === 0) throw urlRefused(`${host} could not be resolved`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    // A name's address is not told: the refusal must not map the server's own network for a stranger.
    if (bad) {
      throw urlRefused(
        isIP(host) ? `${host} is a private or reserved address` : `${host} resolves to a private or reserved address`,
      );
    }
  }
  const first = addresses[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}
