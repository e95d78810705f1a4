import { expect, it } from 'vitest';
import { originChecker } from './guards.ts';

it('trusts listed origins and any port of a wildcard host, nothing else (not even the Host header)', () => {
  const trusted = originChecker(['https://roster.example.com', 'http://localhost:*']);
  expect(trusted('https://roster.example.com')).toBe(true);
  expect(trusted('http://localhost:5201')).toBe(true);
  expect(trusted('http://10.0.0.5:3000')).toBe(false);
  expect(trusted('http://localhost.evil.example:5201')).toBe(false);
  expect(trusted('https://evil.example')).toBe(false);
  expect(trusted('not a url')).toBe(false);
});
