import { expect, it } from 'vitest';
import { originChecker } from './guards.ts';

it('trusts the app’s own host, listed origins, and any port of a wildcard host, nothing else', () => {
  const trusted = originChecker(['https://roster.example.com', 'http://localhost:*']);
  expect(trusted('https://roster.example.com', 'internal:3000')).toBe(true);
  expect(trusted('http://10.0.0.5:3000', '10.0.0.5:3000')).toBe(true);
  expect(trusted('http://localhost:5201', 'localhost:3000')).toBe(true);
  expect(trusted('http://localhost.evil.example:5201', 'localhost:3000')).toBe(false);
  expect(trusted('https://evil.example', 'roster.example.com')).toBe(false);
  expect(trusted('not a url', 'roster.example.com')).toBe(false);
});
