import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import type { ListMembersResponse, Member, OrgEvent } from '@roster/contracts';
import { startLiveUpdates } from '../../lib/live-updates.ts';
import { FakeSocket } from '../../lib/test-support/fake-socket.ts';
import { buildAcmeMembers } from '../../test/fixtures/members-fixtures.ts';
import { announceMemberChanges, changesToAnnounce } from '../live-announcements.ts';
import { LiveAnnouncer } from './live-announcer.tsx';

const ORG = 'org_acme';
const membersCache = {
  membersListsKey: (orgId: string) => ['members', orgId, 'list'],
  parseMembersListKey: (key: readonly unknown[]) =>
    key[0] === 'members' && key[2] === 'list' ? { orgId: String(key[1]), filter: {} } : null,
};
const members = buildAcmeMembers(6);
const grace = { id: 'usr_grace', name: 'Grace Hopper' };
const me = { id: 'usr_ada', name: 'Ada Lovelace' };
const listKey = [...membersCache.membersListsKey(ORG), {}];

function roleChanged(seq: number, member: Member, role: Member['role'], actor = grace): OrgEvent {
  return {
    orgId: ORG,
    seq,
    at: new Date().toISOString(),
    actor,
    type: 'member.role_changed',
    data: { member: { ...member, role, version: member.version + 1 }, before: { role: member.role } },
  };
}

/**
 * The live layer over one cached list, signed in as Ada, handing its changes to the region as
 * the app does; `onScreen` mounts a view of the list.
 */
async function setup({ onScreen = true } = {}) {
  const queryClient = new QueryClient();
  const socket = new FakeSocket();
  const frames: (() => void)[] = [];
  const stop = startLiveUpdates({
    socket,
    queryClient,
    meKey: ['me'],
    ...membersCache,
    schedule: (cb) => frames.push(cb),
    onMembersChanged: (orgId, changes) =>
      announceMemberChanges(changesToAnnounce(queryClient, membersCache.membersListsKey(orgId), changes, me.id)),
  });
  const page: ListMembersResponse = { items: members, nextCursor: null, total: members.length, seq: 10 };
  await queryClient.fetchInfiniteQuery({
    queryKey: listKey,
    queryFn: () => page,
    initialPageParam: null as string | null,
  });
  const unmountList = onScreen
    ? new QueryObserver(queryClient, { queryKey: listKey, enabled: false }).subscribe(() => {})
    : () => {};
  const runFrame = () => act(() => frames.splice(0).forEach((f) => f()));
  return {
    socket,
    runFrame,
    stop: () => {
      unmountList();
      stop();
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('LiveAnnouncer', () => {
  it('tells a burst of other admins’ live changes in one polite announcement', async () => {
    const { socket, runFrame, stop } = await setup();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LiveAnnouncer />);
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');

    // Grace's three events over two frames, all within the window, and one of your own.
    socket.serverEmit('roster:event', roleChanged(11, members[3]!, 'EXTERNAL'));
    socket.serverEmit('roster:event', roleChanged(12, members[4]!, 'ADMIN'));
    runFrame();
    act(() => {
      vi.advanceTimersByTime(600);
    });
    socket.serverEmit('roster:event', roleChanged(13, members[5]!, 'EXTERNAL'));
    socket.serverEmit('roster:event', roleChanged(14, members[2]!, 'EXTERNAL', me));
    runFrame();
    expect(region).toBeEmptyDOMElement();

    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(region.children).toHaveLength(1);
    expect(region).toHaveTextContent(/^3 roles changed$/);
    stop();
  });

  it('says nothing of your own changes, nor of a list no longer on screen', async () => {
    const mine = await setup();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LiveAnnouncer />);
    mine.socket.serverEmit('roster:event', roleChanged(11, members[3]!, 'ADMIN', me));
    mine.runFrame();
    mine.stop();
    const away = await setup({ onScreen: false });
    away.socket.serverEmit('roster:event', roleChanged(11, members[3]!, 'ADMIN'));
    away.runFrame();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    away.stop();
  });

  it('reads a second identical announcement again, as a new node', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<LiveAnnouncer />);
    const change = {
      userId: members[3]!.userId,
      actorId: grace.id,
      actorName: grace.name,
      memberName: members[3]!.name,
      kind: 'removed' as const,
    };
    act(() => announceMemberChanges([change]));
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    const first = screen.getByText(`Grace Hopper removed ${members[3]!.name}`);
    act(() => announceMemberChanges([change]));
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    const second = screen.getByText(`Grace Hopper removed ${members[3]!.name}`);
    expect(second).not.toBe(first);
  });
});
