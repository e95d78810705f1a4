import { describe, expect, it } from 'vitest';
import type { Member } from '@roster/contracts';
import { buildAcmeMembers } from '../test/fixtures/members-fixtures.ts';
import { patchMemberPages, type MemberPages } from './member-list-patch.ts';

const members = buildAcmeMembers(4);
const pages = (items: Member[]): MemberPages => ({
  pages: [
    { items: items.slice(0, 4), nextCursor: 'c1', total: items.length, seq: 3 },
    { items: items.slice(4), nextCursor: null, total: items.length, seq: 3 },
  ],
  pageParams: [null, 'c1'],
});
const bump = (m: Member, patch: Partial<Member>): Member => ({ ...m, ...patch, version: m.version + 1 });

describe('patchMemberPages', () => {
  it('replaces a newer row and keeps untouched pages as they were', () => {
    const data = pages(members);
    const target = members[5]!;
    const { data: next } = patchMemberPages(data, new Map([[target.userId, bump(target, { role: 'EXTERNAL' })]]), {});
    expect(next.pages[0]).toBe(data.pages[0]);
    expect(next.pages[1]!.items.find((m) => m.userId === target.userId)?.role).toBe('EXTERNAL');
  });

  it('returns the same data when every change is stale', () => {
    const data = pages(members);
    const stale = { ...members[1]!, role: 'MEMBER' as const };
    expect(patchMemberPages(data, new Map([[stale.userId, stale]]), {}).data).toBe(data);
  });

  it('drops a row that no longer matches the role filter, and flags one it cannot place', () => {
    const admins = members.filter((m) => m.role === 'ADMIN');
    const data = pages(admins);
    const demoted = bump(admins[1]!, { role: 'MEMBER' });
    const promoted = bump(members[2]!, { role: 'ADMIN' });
    const result = patchMemberPages(
      data,
      new Map([
        [demoted.userId, demoted],
        [promoted.userId, promoted],
      ]),
      { role: 'ADMIN' },
    );
    expect(result.data.pages.flatMap((p) => p.items).map((m) => m.userId)).toEqual([admins[0]!.userId]);
    expect(result.data.pages[0]!.total).toBe(1);
    expect(result.missing).toBe(true);
  });

  it('leaves a count stopped at its cap as it was when a row drops out', () => {
    const data = pages(members);
    data.pages[0] = { ...data.pages[0]!, total: 1000, totalIsCapped: true };
    const removed = members[1]!;
    const result = patchMemberPages(data, new Map([[removed.userId, null]]), {});
    expect(result.data.pages.flatMap((p) => p.items)).toHaveLength(members.length - 1);
    expect(result.data.pages[0]).toMatchObject({ total: 1000, totalIsCapped: true });
  });
});
