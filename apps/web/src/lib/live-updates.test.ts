import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { defaultOrgSettings, type ListMembersResponse, type Me, type Member, type OrgEvent } from '@roster/contracts';
import { buildAcmeMembers } from '../test/fixtures/members-fixtures.ts';
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

  it('after a reconnect, refetches what has no log to replay, and the lists of an org it may no longer read', async () => {
    const { queryClient, socket } = await setup(10);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    socket.serverEmit('connect');
    // Personal news (your role, your invitations) sent while away is never replayed by the server.
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
    // Demoted while away: the org's catch-up is refused, and the page refetches into what you may see.
    socket.ack('roster:sync', { error: { code: 'FORBIDDEN', message: 'No' } });
    await vi.waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: membersKeys.lists(ORG) }));
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 50 });
    expect(socket.emitted('roster:sync')).toHaveLength(1);
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
    // A role change of your own, not of the whole org: no deletion or restore behind it.
    expect(onAccessChanged).toHaveBeenCalledWith(event, undefined);
    // No longer an admin here: heartbeats for this org are not ours to chase.
    socket.serverEmit('roster:heartbeat', { orgId: ORG, headSeq: 50 });
    expect(socket.emitted('roster:sync')).toHaveLength(0);
  });

  it('refetches /api/me when the org’s settings change, for members too', async () => {
    const { queryClient, socket } = await setup(10);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: null,
      at: new Date().toISOString(),
      actor: grace,
      type: 'settings.changed',
      data: { settings: { ...defaultOrgSettings, allowSelfLeave: true } },
    });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
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

describe('live updates: governance', () => {
  const governance = {
    settingsKey: (orgId: string) => ['settings', orgId],
    workspacesKey: (orgId: string) => ['workspaces', orgId, 'list'],
    workspaceMembersKey: (orgId: string, ws: string) => ['workspaces', orgId, 'members', ws],
    inviteRequestsKey: (orgId: string) => ['invite-requests', orgId, 'list'],
    myInviteRequestsKey: ['invite-requests', 'mine'],
  };
  const at = () => new Date().toISOString();
  const request = {
    id: 'inv_1',
    email: 'new@example.test',
    role: 'MEMBER' as const,
    lite: false,
    workspaces: [],
    requestedBy: { id: 'usr_linus', name: 'Linus Torvalds' },
    createdAt: at(),
    version: 1,
    lastChange: null,
  };
  const invitation = {
    ...request,
    status: 'pending' as const,
    invitedBy: request.requestedBy,
    expiresAt: null,
    delivery: null,
    version: 2,
  };

  function start() {
    const queryClient = new QueryClient();
    const socket = new FakeSocket();
    const frames: (() => void)[] = [];
    startLiveUpdates({
      socket,
      queryClient,
      meKey: ['me'],
      ...membersCache,
      governance,
      domains: { domainsKey: (orgId) => ['domains', orgId], suggestedKey: ['suggested-orgs'] },
      schedule: (cb) => frames.push(cb),
    });
    const runFrame = () => frames.splice(0).forEach((f) => f());
    return { queryClient, socket, runFrame };
  }

  it('settings.updated replaces older settings and patches /api/me, even with no members list cached', () => {
    const { queryClient, socket, runFrame } = start();
    const settings = { ...defaultOrgSettings };
    queryClient.setQueryData(['settings', ORG], { settings, version: 1 });
    queryClient.setQueryData(['me'], {
      user: { id: 'usr_ada', name: 'Ada', email: 'ada@acme.test' },
      organizations: [{ id: ORG, name: 'Acme', slug: 'acme', role: 'ADMIN', lite: false, isCreator: true, settings }],
    });
    const next = { settings: { ...settings, allowSelfLeave: true }, version: 2 };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 5,
      at: at(),
      actor: grace,
      type: 'settings.updated',
      data: next,
    });
    runFrame();
    expect(queryClient.getQueryData(['settings', ORG])).toEqual(next);
    expect(queryClient.getQueryData<Me>(['me'])!.organizations[0]!.settings.allowSelfLeave).toBe(true);
    // A replay of an older version changes nothing.
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 6,
      at: at(),
      actor: grace,
      type: 'settings.updated',
      data: { settings, version: 1 },
    });
    runFrame();
    expect(queryClient.getQueryData(['settings', ORG])).toEqual(next);
  });

  it('invite_request.* drops the decided row; invitation.requested refetches the list', () => {
    const { queryClient, socket, runFrame } = start();
    const key = ['invite-requests', ORG, 'list'];
    queryClient.setQueryData(key, {
      pages: [{ items: [request], nextCursor: null, seq: 1, seats: { used: 1, limit: null } }],
      pageParams: [null],
    });
    const decision = { outcome: 'approved', decidedBy: grace, decidedAt: at(), reason: null };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 2,
      at: at(),
      actor: grace,
      type: 'invite_request.approved',
      data: { invitation, decision },
    });
    runFrame();
    const data = queryClient.getQueryData<{ pages: { items: unknown[] }[] }>(key)!;
    expect(data.pages[0]!.items).toHaveLength(0);

    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 3,
      at: at(),
      actor: grace,
      type: 'invitation.requested',
      data: { invitation: { ...invitation, id: 'inv_2', status: 'requested', version: 1 } },
    });
    runFrame();
    expect(queryClient.getQueryState(key)!.isInvalidated).toBe(true);
  });

  it('invite_request.decided upserts into your own requests', () => {
    const { queryClient, socket } = start();
    const key = ['invite-requests', 'mine', ORG];
    const mine = {
      id: 'inv_1',
      orgId: ORG,
      orgName: 'Acme',
      email: request.email,
      role: 'MEMBER',
      status: 'requested',
      createdAt: request.createdAt,
      outcome: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
    };
    queryClient.setQueryData(key, { items: [mine] });
    queryClient.setQueryData(['suggested-orgs'], { items: [] });
    const decided = { ...mine, status: 'pending', outcome: 'approved', decidedBy: grace, decidedAt: at() };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: null,
      at: at(),
      actor: grace,
      type: 'invite_request.decided',
      data: { request: decided },
    });
    expect(queryClient.getQueryData<{ items: { status: string }[] }>(key)!.items[0]!.status).toBe('pending');
    // An ask to join through a domain is decided too: the offer is asked for again.
    expect(queryClient.getQueryState(['suggested-orgs'])!.isInvalidated).toBe(true);
  });

  it('workspace.* patches the workspace list, and the member row’s chips at the same version', async () => {
    const { queryClient, socket, runFrame } = start();
    const page: ListMembersResponse = { items: members, nextCursor: null, total: members.length, seq: 10 };
    await queryClient.fetchInfiniteQuery({
      queryKey: listKey,
      queryFn: () => page,
      initialPageParam: null as string | null,
    });
    const wsKey = ['workspaces', ORG, 'members', 'ws_design'];
    const workspace = {
      id: 'ws_design',
      name: 'Design',
      memberCount: 0,
      myRole: null,
      canManage: true,
      createdAt: at(),
      version: 1,
    };
    queryClient.setQueryData(wsKey, { workspace, items: [], seq: 10 });
    const member = {
      ...linus,
      workspaces: [...linus.workspaces, { id: 'ws_design', name: 'Design', role: 'VIEWER' as const }],
    };
    const workspaceMember = {
      userId: linus.userId,
      name: linus.name,
      email: linus.email,
      orgRole: linus.role,
      lite: false,
      role: 'VIEWER' as const,
      joinedAt: at(),
      version: 1,
    };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 11,
      at: at(),
      actor: grace,
      type: 'workspace.member_added',
      data: { workspaceId: 'ws_design', userId: linus.userId, workspaceMember, member },
    });
    runFrame();
    expect(queryClient.getQueryData<{ items: unknown[] }>(wsKey)!.items).toEqual([workspaceMember]);
    const row = queryClient.getQueryData<MemberPages>(listKey)!.pages[0]!.items.find((m) => m.userId === linus.userId)!;
    expect(row.workspaces.map((w) => w.name)).toContain('Design');

    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 12,
      at: at(),
      actor: grace,
      type: 'workspace.member_removed',
      data: { workspaceId: 'ws_design', userId: linus.userId, workspaceMember: null, member: linus },
    });
    runFrame();
    expect(queryClient.getQueryData<{ items: unknown[] }>(wsKey)!.items).toEqual([]);
  });
});

describe('live updates: developers', () => {
  it('webhook.* refetches the org’s webhooks and their deliveries, and not its API keys', () => {
    const queryClient = new QueryClient();
    const socket = new FakeSocket();
    const frames: (() => void)[] = [];
    const onWebhookDisabled = vi.fn();
    startLiveUpdates({
      socket,
      queryClient,
      meKey: ['me'],
      ...membersCache,
      // As in the app: the governance pages take every org event, a members list cached or not.
      governance: {
        settingsKey: (orgId) => ['settings', orgId],
        workspacesKey: (orgId) => ['workspaces', orgId, 'list'],
        workspaceMembersKey: (orgId, ws) => ['workspaces', orgId, 'members', ws],
        inviteRequestsKey: (orgId) => ['invite-requests', orgId, 'list'],
        myInviteRequestsKey: ['invite-requests', 'mine'],
      },
      apiKeys: { apiKeysKey: (orgId) => ['api-keys', orgId] },
      webhooks: { webhooksKey: (orgId) => ['webhooks', orgId] },
      onWebhookDisabled,
      schedule: (cb) => frames.push(cb),
    });
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const at = new Date().toISOString();
    const webhook = {
      id: 'whk_1',
      url: 'https://example.com/hooks',
      events: ['*'],
      description: null,
      enabled: false,
      disabledReason: 'Every retry failed',
      createdAt: at,
      version: 3,
      lastDelivery: { at, status: 'failed', httpStatus: 500 },
    };
    socket.serverEmit('roster:event', {
      orgId: ORG,
      seq: 1,
      at,
      actor: grace,
      type: 'webhook.disabled',
      data: { webhook },
    });
    frames.splice(0).forEach((f) => f());
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['webhooks', ORG] });
    expect(invalidate).not.toHaveBeenCalledWith({ queryKey: ['api-keys', ORG] });
    // The admins hear of it on whatever page they are on.
    expect(onWebhookDisabled).toHaveBeenCalledTimes(1);
    expect(onWebhookDisabled.mock.calls[0]![0]).toMatchObject({ type: 'webhook.disabled', data: { webhook } });
  });
});
