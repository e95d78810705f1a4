import { describe, expect, it } from 'vitest';
import { judgePassword } from './password-strength.ts';

describe('judgePassword', () => {
  it.each(['password123', 'qwertyuiop', '1234567890', 'iloveyou2020', 'aaaaaaaaaaaa'])(
    'refuses the common and guessable "%s" with a reason',
    async (password) => {
      const verdict = await judgePassword(password);
      expect(verdict.ok).toBe(false);
      if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(10);
    },
  );

  it('refuses short and overlong passwords', async () => {
    expect(await judgePassword('Xk9#mq2')).toEqual({ ok: false, reason: 'Use at least 10 characters.' });
    expect(await judgePassword('x'.repeat(129))).toEqual({ ok: false, reason: 'Use at most 128 characters.' });
  });

  it('refuses a password made of the person’s own name', async () => {
    expect((await judgePassword('margaret hamilton', ['Margaret Hamilton', 'margaret@acme.test'])).ok).toBe(false);
    expect((await judgePassword('MargaretHamilton', ['Margaret Hamilton', 'margaret@acme.test'])).ok).toBe(false);
  });

  it('accepts a long unguessable passphrase', async () => {
    expect(await judgePassword('tangerine orbit velvet 42')).toEqual({ ok: true });
  });
});
