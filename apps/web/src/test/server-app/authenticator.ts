import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Bytes(text: string): Uint8Array {
  let bits = '';
  for (const char of text.replace(/=+$/, '').toUpperCase()) bits += BASE32.indexOf(char).toString(2).padStart(5, '0');
  return new Uint8Array((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
}

/**
 * The code an authenticator app shows now for a `otpauth://` URI (RFC 6238: SHA-1, 6 digits,
 * 30 s), as the server's tests compute it. Their helper signs with node:crypto's HMAC, which this
 * project's tests swap for the browser's crypto, so the same few lines run on noble's HMAC here.
 */
export function authenticatorCode(totpURI: string, at = Date.now()): string {
  const key = base32Bytes(new URL(totpURI).searchParams.get('secret') ?? '');
  const counter = new Uint8Array(8);
  new DataView(counter.buffer).setBigUint64(0, BigInt(Math.floor(at / 30_000)));
  const mac = hmac(sha1, key, counter);
  const offset = mac[mac.length - 1]! & 0xf;
  const value = (new DataView(mac.buffer, mac.byteOffset).getUint32(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}
