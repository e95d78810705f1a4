import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ListMembersResponse, Member, OrgEvent } from '@roster/contracts';
import { buildAcmeMembers } from '../test/fixtures/members-fixtures.ts';
import { explainMemberChanges, type LiveMemberChange } from './explain-member-changes.ts';
import { applyMemberEvents } from './live-member-cache.ts';
import { createAnnouncementBatcher, describeMemberChanges } from './member-change-announcer.ts';

const grace = { actorId: 'usr_grace', actorName: 'Grace Hopper' };
const roleChange = (userId: string, memberName: string, role: Member['role'] = 'ADMIN'): LiveMemberChange => ({
  userId,
  memberName,
  ...grace,
  kind: 'role',
  role,
});
const removal = (userId: string, memberName: string): LiveMemberChange => ({
  userId,
  memberName,
  ...grace,
  kind: 'removed',
});
const workspaces = (userId: string): LiveMemberChange => ({ userId, memberName: userId, ...grace, kind: 'workspaces' });

afterEach(() => vi.useRealTimers());

describe('describeMemberChanges', () => {
  it('tells a single change in a sentence', () => {
    expect(describeMemberChanges([roleChange('u1', 'Linus Torvalds')])).toBe(
      "Grace Hopper changed Linus Torvalds's role to Admin",
    );
    expect(describeMemberChanges([removal('u1', 'Linus Torvalds')])).toBe('Grace Hopper removed Linus Torvalds');
    expect(describeMemberChanges([{ ...removal('u1', 'Eve Online'), kind: 'left' }])).toBe('Eve Online left');
  });

  it('counts each member once, by their latest change', () => {
    expect(describeMemberChanges([roleChange('u1', 'Linus', 'ADMIN'), roleChange('u1', 'Linus', 'EXTERNAL')])).toBe(
      "Grace Hopper changed Linus's role to External",
    );
  });

  it('counts by kind for up to two kinds, and only members beyond that', () => {
    const roles = ['u1', 'u2', 'u3'].map((id) => roleChange(id, id));
    expect(describeMemberChanges(roles)).toBe('3 roles changed');
    expect(describeMemberChanges([...roles, removal('u4', 'u4'), removal('u5', 'u5')])).toBe(
      '3 roles changed, 2 members removed',
    );
    expect(describeMemberChanges([removal('u4', 'u4'), roleChange('u1', 'u1')])).toBe(
      '1 role changed, 1 member removed',
    );
    expect(describeMemberChanges([...roles, removal('u4', 'u4'), workspaces('u5')])).toBe('5 members changed');
  });

  it('tells the changes a real event made, as the live layer explains them', () => {
    const queryClient = new QueryClient();
    const members = buildAcmeMembers(4);
    const linus = members.find((m) => m.name === 'Linus Torvalds')!;
    const key = ['members', 'org_acme', 'list', {}];
    const page: ListMembersResponse = { items: members, nextCursor: null, total: members.length, seq: 1 };
    queryClient.setQueryData(key, { pages: [page], pageParams: [null] });
    const actor = { id: 'usr_grace', name: 'Grace Hopper' };
    const event: OrgEvent = {
      orgId: 'org_acme',
      seq: 2,
      at: new Date().toISOString(),
      actor,
      type: 'member.role_changed',
      data: { member: { ...linus, role: 'ADMIN', version: linus.version + 1 }, before: { role: linus.role } },
    };
    const cache = {
      membersListsKey: (orgId: string) => ['members', orgId, 'list'],
      parseMembersListKey: (k: readonly unknown[]) => (k[2] === 'list' ? { orgId: String(k[1]), filter: {} } : null),
    };
    const applied = applyMemberEvents(queryClient, cache, [event]).get('org_acme') ?? [];
    const changes = explainMemberChanges('org_acme', applied, [event]);
    expect(describeMemberChanges(changes)).toBe("Grace Hopper changed Linus Torvalds's role to Admin");
  });
});

describe('createAnnouncementBatcher', () => {
  it('announces a burst once, when its window ends', () => {
    vi.useFakeTimers();
    const announce = vi.fn();
    const batcher = createAnnouncementBatcher(announce, 1_000);
    batcher.push([roleChange('u1', 'u1')]);
    vi.advanceTimersByTime(400);
    batcher.push([roleChange('u2', 'u2'), roleChange('u3', 'u3')]);
    vi.advanceTimersByTime(500);
    batcher.push([removal('u4', 'u4')]);
    expect(announce).not.toHaveBeenCalled();

    vi.advanceTimersByTime(100);
    expect(announce).toHaveBeenCalledTimes(1);
    expect(announce).toHaveBeenCalledWith('3 roles changed, 1 member removed');
  });

  it('starts a new window for changes after the announcement', () => {
    vi.useFakeTimers();
    const announce = vi.fn();
    const batcher = createAnnouncementBatcher(announce, 1_000);
    batcher.push([removal('u1', 'Linus')]);
    vi.advanceTimersByTime(1_000);
    batcher.push([removal('u2', 'Eve')]);
    vi.advanceTimersByTime(1_000);
    expect(announce.mock.calls).toEqual([['Grace Hopper removed Linus'], ['Grace Hopper removed Eve']]);
  });

  it('ignores empty batches, and says nothing once stopped', () => {
    vi.useFakeTimers();
    const announce = vi.fn();
    const batcher = createAnnouncementBatcher(announce, 1_000);
    batcher.push([]);
    vi.advanceTimersByTime(2_000);
    batcher.push([removal('u1', 'Linus')]);
    batcher.stop();
    vi.advanceTimersByTime(2_000);
    expect(announce).not.toHaveBeenCalled();
  });
});
