import { describe, expect, it } from 'vitest';
import { MAX_INT4, SafeTextSchema, VersionSchema, boundedText, errorStatus, text } from './index.ts';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) => schema.safeParse(value).success;

describe('text fields', () => {
  const name = text({ min: 1, max: 10, trim: true });

  it('accepts what a person types, emoji and accents included', () => {
    expect(ok(name, '  Zoë 👩🏽‍💻 ')).toBe(true);
    expect(name.parse('  Ada  ')).toBe('Ada');
  });

  it('refuses NUL, other control characters and lone surrogates', () => {
    for (const bad of [
      'a\u0000b',
      'a\u0007',
      'a\u001b[31m',
      'tab\there',
      'x\u0085',
      'x\ud800',
      '\udc00x',
      'x\ud800y',
    ]) {
      expect(ok(name, bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('bounds the length after trimming, and refuses an empty value when asked', () => {
    expect(ok(name, 'x'.repeat(11))).toBe(false);
    expect(ok(name, `${' '.repeat(20)}x`)).toBe(true);
    expect(ok(name, '   ')).toBe(false);
    expect(ok(SafeTextSchema, 'x'.repeat(900_000))).toBe(false);
  });

  it('lets multi-line text keep its line breaks, and nothing else', () => {
    const reason = text({ max: 50, multiline: true });
    expect(ok(reason, 'one\r\ntwo\tthree')).toBe(true);
    expect(ok(reason, 'one\u0000')).toBe(false);
  });

  it('registers every text field with its limit', () => {
    expect(boundedText.get(name)).toEqual({ max: 10 });
  });

  it('keeps versions inside the database integer', () => {
    expect(ok(VersionSchema, MAX_INT4)).toBe(true);
    expect(ok(VersionSchema, MAX_INT4 + 1)).toBe(false);
  });

  it('answers a foreign cursor with 400 and an oversized body with 413', () => {
    expect(errorStatus.INVALID_CURSOR).toBe(400);
    expect(errorStatus.PAYLOAD_TOO_LARGE).toBe(413);
  });
});
