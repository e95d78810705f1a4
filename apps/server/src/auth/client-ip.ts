import { BlockList, isIP } from 'node:net';

/**
 * Which `X-Forwarded-For` entries to believe (TRUST_PROXY): none (the socket's address is the
 * client), a number of proxy hops in front of us, or the proxies' addresses and CIDRs.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList };

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim();
  if (!text || text === 'false' || text === '0') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address ?? '');
    if (!family) throw new Error(`TRUST_PROXY: "${entry}" is not an IP address or CIDR`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(normalize(address!), type);
    else list.addSubnet(normalize(address!), Number(prefix), type);
  }
  return { kind: 'list', list };
}

/** `::ffff:127.0.0.1` is 127.0.0.1: one address, one counter. */
export function normalize(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address: the socket's own unless proxies are trusted, and then the first
 * address, walking `X-Forwarded-For` from the right, that is not one of our proxies. Entries a
 * client wrote itself sit further left and are never reached, so rotating them changes nothing.
 */
export function clientIp(trust: TrustProxy, socketAddress: string | undefined, forwardedFor: string | undefined) {
  const remote = normalize(socketAddress ?? 'unknown');
  if (trust.kind === 'none' || !forwardedFor) return remote;
  const chain = [
    ...forwardedFor
      .split(',')
      .map((a) => normalize(a.trim()))
      .filter((a) => isIP(a)),
    remote,
  ];
  if (trust.kind === 'hops') return chain[Math.max(chain.length - 1 - trust.hops, 0)]!;
  for (let i = chain.length - 1; i > 0; i--) {
    const address = chain[i]!;
    if (!trust.list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4')) return address;
  }
  return chain[0]!;
}

/** Loopback addresses: the dev mailbox answers only these. */
export function isLoopback(address: string): boolean {
  const a = normalize(address);
  return a === '::1' || a.startsWith('127.');
}
