/**
 * The slice of Node's Buffer the server code uses (utf8, hex, base64, base64url; from, concat,
 * toString), so its modules run unchanged in the tab. Installed as globalThis.Buffer.
 */
type Encoding = 'utf8' | 'utf-8' | 'hex' | 'base64' | 'base64url';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

// @ts-expect-error Node's Buffer.from takes an encoding where Uint8Array.from takes a map function.
export class Buffer extends Uint8Array {
  static override from(value: string | ArrayLike<number> | ArrayBuffer, encoding: Encoding = 'utf8'): Buffer {
    if (typeof value !== 'string') return new Buffer(value instanceof ArrayBuffer ? new Uint8Array(value) : value);
    switch (encoding) {
      case 'hex':
        return new Buffer((value.match(/../g) ?? []).map((h) => parseInt(h, 16)));
      case 'base64':
        return new Buffer(fromBase64(value));
      case 'base64url': {
        const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
        return new Buffer(fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4)));
      }
      default:
        return new Buffer(new TextEncoder().encode(value));
    }
  }

  static concat(parts: Uint8Array[]): Buffer {
    const out = new Buffer(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  static isBuffer(value: unknown): value is Buffer {
    return value instanceof Buffer;
  }

  override toString(encoding: Encoding = 'utf8'): string {
    switch (encoding) {
      case 'hex':
        return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
      case 'base64':
        return toBase64(this);
      case 'base64url':
        return toBase64(this).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      default:
        return new TextDecoder().decode(this);
    }
  }
}
