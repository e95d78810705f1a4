import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface TokenSealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

/**
 * The outbox must hold a mail's link until it is sent, yet no token may rest in the database in
 * clear. It is sealed with AES-256-GCM under a key derived from the server secret, and wiped
 * from the outbox once the mail is sent or given up on.
 */
export function createTokenSealer(secret: string): TokenSealer {
  const key = createHash('sha256').update(`roster-outbox-token:${secret}`).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
