import { describe, expect, it } from 'vitest';
import { cursorValue, keysetCursor } from './keyset-cursor.ts';

const byRole = keysetCursor('members:role', [cursorValue.role, cursorValue.text]);
const byDate = keysetCursor('invitations', [cursorValue.date]);
const forged = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const refused = expect.objectContaining({ code: 'INVALID_CURSOR' });

describe('keyset cursors', () => {
  it('round-trips the sort values and the id', () => {
    const cursor = byRole.encode(['MEMBER', 'linus torvalds'], 'u1');
    expect(byRole.decode(cursor)).toEqual({ values: ['MEMBER', 'linus torvalds'], id: 'u1' });
    const date = byDate.encode(['2026-01-01T00:00:00.000Z'], 'i1');
    expect(byDate.decode(date)).toEqual({ values: ['2026-01-01T00:00:00.000Z'], id: 'i1' });
  });

  it('refuses garbage, another list, and a shape it never wrote', () => {
    expect(() => byRole.decode('%%%not-base64')).toThrow(refused);
    expect(() => byRole.decode(byDate.encode(['2026-01-01T00:00:00.000Z'], 'i1'))).toThrow(refused);
    expect(() => byRole.decode(forged('members:role', 'OWNER', 'x', 'u1'))).toThrow(refused);
    expect(() => byRole.decode(forged('members:role', 'MEMBER', 'x', 'u1', 'extra'))).toThrow(refused);
    expect(() => byRole.decode(`${byRole.encode(['MEMBER', 'x'], 'u1')}==`)).toThrow(refused);
  });

  it('refuses dates PostgreSQL cannot store or this server would never write', () => {
    for (const date of [
      'yesterday',
      '1',
      '2026-13-45T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '-271821-04-20T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '2026-01-01T00:00:00Z',
    ]) {
      expect(() => byDate.decode(forged('invitations', date, 'i1')), date).toThrow(refused);
    }
  });

  it('refuses values and ids the database cannot hold', () => {
    expect(() => byRole.decode(forged('members:role', 'MEMBER', 'ada\u0000', 'u1'))).toThrow(refused);
    expect(() => byRole.decode(forged('members:role', 'MEMBER', 'ada\ud800', 'u1'))).toThrow(refused);
    expect(() => byRole.decode(forged('members:role', 'MEMBER', 'ada', 'u\u0000'))).toThrow(refused);
    expect(() => byRole.decode(forged('members:role', 'MEMBER', 'a'.repeat(2000), 'u1'))).toThrow(refused);
  });
});
