import { createHmac } from 'node:crypto';
import type { RunningServer } from '../src/server.ts';
import { apiClient, type ApiClient, type TestServer } from './test-server.ts';

/** A password the strength check accepts. */
export const STRONG_PASSWORD = 'tangerine orbit velvet 42';

export interface SentMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends what the outbox holds, then the mails that reached `address` (dev mailbox), oldest first. */
export async function mailsTo(t: TestServer, address: string): Promise<SentMail[]> {
  await t.server.mail.worker.drain();
  const rows = await t.database.db
    .selectFrom('dev_mailbox')
    .select(['to', 'subject', 'text'])
    .where('to', '=', address.toLowerCase())
    .orderBy('id')
    .execute();
  return rows;
}

/** The first link into this server in a mail's text, as a path the app can be asked for. */
export function linkIn(mail: SentMail | undefined, base: string): string {
  if (!mail) throw new Error('no mail');
  const match = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/\\S+)`).exec(mail.text);
  if (!match) throw new Error(`no link in:\n${mail.text}`);
  return match[1]!;
}

/** A JSON request to the app as a browser on our own origin would send it. */
export function post(server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return server.app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify(body),
  });
}

/** The session cookie(s) a response set, as a Cookie header. */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}

/** An API client for whoever holds the cookies a response set. */
export function clientFrom(server: RunningServer, response: Response): ApiClient {
  return apiClient(server, cookieOf(response));
}

/** Signs in with a password through the real endpoint. */
export function signInWith(
  server: RunningServer,
  email: string,
  password: string,
  headers: Record<string, string> = {},
) {
  return post(server, '/api/auth/sign-in/email', { email, password }, headers);
}

/** The current code of an authenticator app for a `otpauth://` URI (RFC 6238: SHA-1, 6 digits, 30 s). */
export function totpFor(uri: string, at = Date.now()): string {
  const secret = new URL(uri).searchParams.get('secret')!;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/=+$/, '').toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}
