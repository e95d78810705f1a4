import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ListMembersResponse, Member, OrgEvent } from '@roster/contracts';
import { buildAcmeMembers } from '../mocks/fixtures/members-fixtures.ts';
import { startLiveUpdates } from './live-updates.ts';
import type { MemberPages } from './member-list-patch.ts';
import { FakeSocket } from './test-support/fake-socket.ts';

const ORG = 'org_acme';
// The same key shape the members feature uses; lib code (and its tests) never import a feature.
const membersKeys = { lists: (orgId: string) => ['members', orgId, 'list'] };
const membersCache = {
  membersListsKey: membersKeys.lists,
  parseMembersListKey: (key: readonly unknown[]) =>
    key[0] === 'members' && key[2] === 'list'
      ? { orgId: String(key[1]), filter: key[3] as { role?: Member['role'] } }
      : null,
};
const listKey = [...membersKeys.lists(ORG), { sort: 'name', order: 'asc' }];
const members = buildAcmeMembers(6);
const linus = members.find((m) => m.name === 'Linus Torvalds')!;
const grace = { id: 'usr_grace', name: 'Grace Hopper' };

function roleChanged(seq: number, member: Member, role: Member['role'], version = member.version + 1): OrgEvent {
  const at = new Date().toISOString();
  return {
    orgId: ORG,
    seq,
    at,
    actor: grace,
    type: 'member.role_changed',
    data: { member: { ...member, role, version, lastChange: { by: grace, at } }, before: { role: member.role } },
  };
}

/** A live layer over a cache holding one list fetched at `seq`, with frames run by hand. */
async function setup(seq = 10) {
  const queryClient = new QueryClient();
  const socket = new FakeSocket();
  const frames: (() => void)[] = [];
  const runFrame = () => frames.splice(0).forEach((f) => f());
  const onSynced = vi.fn();
  const onAccessChanged = vi.fn();
  const stop = startLiveUpdates({
    socket,
    queryClient,
    meKey: ['me'],
    ...membersCache,
    schedule: (cb) => frames.push(cb),
    onSynced,
    onAccessChanged,
  });
  const page: ListMembersResponse = { items: members, nextCursor: null, total: members.length, seq };
  await queryClient.fetchInfiniteQuery({
    queryKey: listKey,
    queryFn: () => page,
    initialPageParam: null as string | null,
  });
  const rows = () => queryClient.getQueryData<MemberPages>(listKey)!.pages.flatMap((p) => p.items);
  return { queryClient, socket, frames, runFrame, rows, stop, onSynced, onAccessChanged };
}

afterEach(() => vi.useRealTimers());

describe('live updates', () => {
  it('applies a burst of events in one cache write on the next frame', async () => {
    const { queryClient, socket, frames, runFrame, rows } = await setup();
    const write = vi.spyOn(queryClient, 'setQueryData');
    const [a, b, c] = members.slice(4, 7);
    socket.serverEmit('roster:event', roleChanged(11, a!, 'EXTERNAL'));
    socket.serverEmit('roster:event', roleChanged(12, b!, 'ADMIN'));
    socket.serverEmit('roster:event', roleChanged(13, c!, 'EXTERNAL'));

    expect(write).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    runFrame();
    expect(write).toHaveBeenCalledTimes(1);
    expect(rows().find((m) => m.userId === b!.userId)?.role).toBe('ADMIN');
    for (const m of [a!, b!, c!]) expect(rows().find((r) => r.userId === m.userId)?.version).toBe(m.version + 1);
  });

  it('patches only the changed row and keeps every other row object', async () => {
    const { socket, runFrame, rows } = await setup();
    const before = rows();
    socket.serverEmit('roster:event', roleChanged(11, linus, 'ADMIN'));
    runFrame();
    const after = rows();
    expect(after.filter((m, i) => m !== before[i]).map((m) => m.name)).toEqual(['Linus Torvalds']);
  });

  it('never moves a row back to an older version', async () => {
    const { socket, runFrame, rows } = await setup();
    socket.serverEmit('roster:event', roleChanged(11, linus, 'ADMIN', linus.version + 2));
    socket.serverEmit('roster:event', roleChanged(12, linus, 'EXTERNAL', linus.version + 1));
    runFrame();
    socket.serverEmit('roster:event', roleChanged(13, linus, 'MEMBER', linus.version));
    runFrame();
    expect(rows().find((m) => m.userId === linus.userId)).toMatchObject({ role: 'ADMIN', version: linus.version + 2 });
  });

  it('removes a member and lowers the total', async () => {
    const { queryClient, socket, runFrame, rows } = await setup();
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 11,
      at: new Date().toISOString(),
      actor: grace,
      type: 'member.removed',
      data: { userId: linus.userId, name: linus.name },
    });
    runFrame();
    expect(rows().some((m) => m.userId === linus.userId)).toBe(false);
    expect(queryClient.getQueryData<MemberPages>(listKey)!.pages[0]!.total).toBe(members.length - 1);
  });

  it('asks for the missed events when a seq is skipped, and applies them', async () => {
    const { socket, runFrame, rows } = await setup(10);
    socket.serverEmit('roster:event', roleChanged(13, linus, 'ADMIN', linus.version + 3));
    expect(socket.emitted('roster:sync')).toEqual([{ orgId: ORG, since: 10 }]);

    const missed = members[5]!;
    socket.ack('roster:sync', { events: [roleChanged(11, missed, 'EXTERNAL')], headSeq: 13 });
    await vi.waitFor(() => expect(socket.pendingAcks()).toBe(0));
    runFrame();
    expect(rows().find((m) => m.userId === missed.userId)?.role).toBe('EXTERNAL');
    expect(rows().find((m) => m.userId === linus.userId)?.role).toBe('ADMIN');
    // Caught up: the next event in order needs no sync.
    socket.serverEmit('roster:event', roleChanged(14, missed, 'MEMBER', missed.version + 2));
    expect(socket.emitted('roster:sync')).toHaveLength(1);
  });

  it('syncs when a heartbeat shows the server ahead, and not when it is level', async () => {
    const { socket } = await setup(10);
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 10 });
    expect(socket.emitted('roster:sync')).toHaveLength(0);
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 12 });
    expect(socket.emitted('roster:sync')).toEqual([{ orgId: ORG, since: 10 }]);
  });

  it('refetches the list when the server says the gap is too old to replay', async () => {
    const { queryClient, socket } = await setup(10);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 900 });
    socket.ack('roster:sync', { reset: true, headSeq: 900 });
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: membersKeys.lists(ORG) }));
  });

  it('resyncs on every reconnect and reports it', async () => {
    const { socket, onSynced } = await setup(10);
    socket.serverEmit('connect');
    expect(socket.emitted('roster:sync')).toEqual([{ orgId: ORG, since: 10 }]);
    socket.ack('roster:sync', { events: [], headSeq: 10 });
    await vi.waitFor(() => expect(onSynced).toHaveBeenLastCalledWith(true));
  });

  it('refetches /api/me and the lists when your own access changes', async () => {
    const { queryClient, socket, onAccessChanged } = await setup(10);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const event = {
      orgId: ORG,
      seq: null,
      at: new Date().toISOString(),
      actor: grace,
      type: 'access.changed',
      data: { role: 'MEMBER' },
    };
    socket.serverEmit('roster:event', event);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: membersKeys.lists(ORG) });
    expect(onAccessChanged).toHaveBeenCalledWith(event);
    // No longer an admin here: heartbeats for this org are not ours to chase.
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 50 });
    expect(socket.emitted('roster:sync')).toHaveLength(0);
  });

  it('refetches the lists when someone joins, since only the server knows where the row goes', async () => {
    const { queryClient, socket, runFrame } = await setup(10);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const newcomer = { ...members[5]!, userId: 'usr_new', name: 'New Person', email: 'new@acme.test' };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 11,
      at: new Date().toISOString(),
      actor: grace,
      type: 'member.joined',
      data: { member: newcomer },
    });
    runFrame();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: membersKeys.lists(ORG) });
  });

  it('counts events of other domains in the seq without touching member rows', async () => {
    const { queryClient, socket, runFrame } = await setup(10);
    const write = vi.spyOn(queryClient, 'setQueryData');
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 11,
      at: new Date().toISOString(),
      actor: grace,
      type: 'invitation.delivery_changed',
      data: { invitationId: 'inv_1', delivery: { state: 'sent', attempts: 1, lastError: null } },
    });
    runFrame();
    socket.serverEmit('roster:event', roleChanged(12, linus, 'ADMIN'));
    runFrame();
    expect(socket.emitted('roster:sync')).toHaveLength(0);
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('ignores payloads that do not match the contracts', async () => {
    const { socket, frames } = await setup(10);
    socket.serverEmit('roster:event', { orgId: ORG, seq: 11, type: 'member.role_changed', data: {} });
    expect(frames).toHaveLength(0);
  });
});
