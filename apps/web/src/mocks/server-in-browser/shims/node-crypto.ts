import { gcm } from '@noble/ciphers/aes.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from './buffer.ts';

/** node:crypto as the server uses it: sync SHA-256, random bytes, AES-256-GCM (noble, pure JS). */
export const randomUUID = () => crypto.randomUUID();

export const randomBytes = (size: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(size)));

const bytes = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data) : data);

export function createHash(algorithm: string) {
  if (algorithm !== 'sha256') throw new Error(`createHash: ${algorithm} is not available in the browser`);
  const hash = sha256.create();
  const self = {
    update(data: string | Uint8Array) {
      hash.update(bytes(data));
      return self;
    },
    digest(encoding?: 'hex' | 'base64' | 'base64url') {
      const out = Buffer.from(hash.digest());
      return encoding ? out.toString(encoding) : out;
    },
  };
  return self;
}

export function createCipheriv(_algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array) {
  const parts: Uint8Array[] = [];
  let tag: Uint8Array = new Uint8Array(0);
  return {
    update(data: string | Uint8Array) {
      parts.push(bytes(data));
      return Buffer.from([]);
    },
    final() {
      const sealed = gcm(key, iv).encrypt(Buffer.concat(parts));
      tag = sealed.subarray(sealed.length - 16);
      return Buffer.from(sealed.subarray(0, sealed.length - 16));
    },
    getAuthTag: () => Buffer.from(tag),
  };
}

export function createDecipheriv(_algorithm: 'aes-256-gcm', key: Uint8Array, iv: Uint8Array) {
  const parts: Uint8Array[] = [];
  let tag: Uint8Array = new Uint8Array(0);
  return {
    setAuthTag(value: Uint8Array) {
      tag = value;
    },
    update(data: Uint8Array) {
      parts.push(data);
      return Buffer.from([]);
    },
    final: () => Buffer.from(gcm(key, iv).decrypt(Buffer.concat([...parts, tag]))),
  };
}

export default { randomUUID, randomBytes, createHash, createCipheriv, createDecipheriv };
