import { describe, expect, it } from 'vitest';
import { originChecker } from './guards.ts';
import { trustedOriginsFor } from './trusted-origins.ts';

describe('trustedOriginsFor', () => {
  it('trusts every loopback name of the local port while PUBLIC_URL is unset', () => {
    const trusted = originChecker(
      trustedOriginsFor({ publicUrl: undefined, port: 3000, extra: [], development: false }),
    );
    expect(trusted('http://localhost:3000')).toBe(true);
    expect(trusted('http://127.0.0.1:3000')).toBe(true);
    expect(trusted('http://[::1]:3000')).toBe(true);
    expect(trusted('http://127.0.0.1:5173')).toBe(false);
    expect(trusted('http://evil.test')).toBe(false);
  });

  it('trusts any loopback port in development (Vite)', () => {
    const trusted = originChecker(
      trustedOriginsFor({ publicUrl: undefined, port: 3000, extra: [], development: true }),
    );
    expect(trusted('http://localhost:5173')).toBe(true);
    expect(trusted('http://127.0.0.1:5173')).toBe(true);
  });

  it('trusts PUBLIC_URL and TRUSTED_ORIGINS only, once PUBLIC_URL is set', () => {
    const origins = trustedOriginsFor({
      publicUrl: 'https://roster.example.com/',
      port: 3000,
      extra: ['https://admin.example.com'],
      development: true,
    });
    expect(origins).toEqual(['https://roster.example.com', 'https://admin.example.com']);
    const trusted = originChecker(origins);
    expect(trusted('https://roster.example.com')).toBe(true);
    expect(trusted('http://localhost:3000')).toBe(false);
    expect(trusted('http://127.0.0.1:3000')).toBe(false);
  });
});
