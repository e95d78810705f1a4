import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function captured() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('debug', stream), text: () => lines.join('') };
}

it('censors secret keys and scrubs secrets carried inside strings', () => {
  const { logger, text } = captured();
  logger.error('mail not sent via smtp://mailer:hunter22@smtp.example:587', {
    password: 'pa55word-in-clear',
    request: { cookie: 'roster.session_token=abc123def', authorization: 'Bearer eyJhbGciOi.x.y' },
    url: 'https://roster.example/api/auth/verify-email?token=eyJ0b2tlbi&callbackURL=/x',
    page: '/api/invitations/QmFzZTY0VXJsVG9rZW5PZkZvcnR5VGhyZWVDaGFyc3h4eA/accept',
    header: 'Cookie: roster.session_token=zzz999; theme=dark',
  });
  const out = text();
  for (const secret of ['hunter22', 'pa55word-in-clear', 'abc123def', 'eyJhbGciOi', 'eyJ0b2tlbi', 'QmFzZTY0', 'zzz999'])
    expect(out).not.toContain(secret);
  expect(out).toContain('smtp://mailer:[redacted]@smtp.example');
  expect(out).toContain('theme=dark');
  expect(JSON.parse(out)).toMatchObject({ level: 'error', password: '[redacted]' });
});
