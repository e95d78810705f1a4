import { describe, expect, it } from 'vitest';
import { clientIp, isLoopback, parseTrustProxy } from './client-ip.ts';

describe('clientIp', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientIp(parseTrustProxy(undefined), '::ffff:10.0.0.5', '1.2.3.4')).toBe('10.0.0.5');
  });

  it('counts trusted hops from the right, so a client cannot pick its own address', () => {
    const trust = parseTrustProxy('1');
    expect(clientIp(trust, '10.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
    expect(clientIp(trust, '10.0.0.1', '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(clientIp(trust, '10.0.0.1', '7.7.7.7, 6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('skips listed proxies and CIDRs', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 192.0.2.7');
    expect(clientIp(trust, '10.1.2.3', '6.6.6.6, 203.0.113.9, 192.0.2.7')).toBe('203.0.113.9');
    expect(clientIp(trust, '198.51.100.1', '6.6.6.6')).toBe('198.51.100.1');
  });

  it('refuses a TRUST_PROXY it cannot read', () => {
    expect(() => parseTrustProxy('proxy.local')).toThrow(/TRUST_PROXY/);
  });

  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('192.168.1.2')).toBe(false);
  });
});
