import { expect, it } from 'vitest';
import { createTokenSealer } from './token-sealer.ts';

it('seals a token so it never appears in clear, and opens it only with the same secret', () => {
  const sealer = createTokenSealer('a-secret-long-enough-for-a-test');
  const token = 'tok_abcdefghijklmnopqrstuvwxyz0123456789ABCDE';
  const sealed = sealer.seal(token);
  expect(sealed).not.toContain(token);
  expect(sealer.seal(token)).not.toBe(sealed);
  expect(sealer.open(sealed)).toBe(token);
  expect(() => createTokenSealer('another-secret-long-enough-too').open(sealed)).toThrow();
});
