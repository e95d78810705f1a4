import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { startLiveUpdates } from './live-updates.ts';
import { FakeSocket } from './test-support/fake-socket.ts';

const ORG = 'org_acme';
// The key shapes the workspaces feature uses; lib code (and its tests) never import a feature.
const governance = {
  settingsKey: (orgId: string) => ['settings', orgId],
  workspacesKey: (orgId: string) => ['workspaces', orgId, 'list'],
  workspaceMembersKey: (orgId: string, ws: string) => ['workspaces', orgId, 'members', ws],
  inviteRequestsKey: (orgId: string) => ['invite-requests', orgId, 'list'],
  myInviteRequestsKey: ['invite-requests', 'mine'],
};
const list = governance.workspacesKey(ORG);
const design = governance.workspaceMembersKey(ORG, 'ws_design');
const platform = governance.workspaceMembersKey(ORG, 'ws_platform');
const settings = governance.settingsKey(ORG);

function start() {
  const queryClient = new QueryClient();
  const socket = new FakeSocket();
  startLiveUpdates({
    socket,
    queryClient,
    meKey: ['me'],
    membersListsKey: (orgId) => ['members', orgId, 'list'],
    parseMembersListKey: () => null,
    governance,
    schedule: (cb) => cb(),
  });
  for (const key of [list, design, platform, settings]) queryClient.setQueryData(key, { items: [], seq: 3 });
  const invalidated = (key: unknown[]) => queryClient.getQueryState(key)!.isInvalidated;
  return { socket, invalidated };
}

const changed = (workspaceId: string, type: string) => ({
  orgId: ORG,
  seq: null,
  at: new Date().toISOString(),
  actor: { id: 'usr_grace', name: 'Grace Hopper' },
  type: 'workspace.changed',
  data: { workspaceId, type },
});

describe('live updates for a workspace’s owners', () => {
  it('workspace.changed refetches that workspace’s page and the workspaces list, nothing else', () => {
    const { socket, invalidated } = start();
    socket.serverEmit('roster:event', changed('ws_design', 'workspace.member_added'));
    expect(invalidated(design)).toBe(true);
    expect(invalidated(list)).toBe(true);
    expect(invalidated(platform)).toBe(false);
    expect(invalidated(settings)).toBe(false);
  });

  it('ignores a workspace.changed whose type is not a workspace change', () => {
    const { socket, invalidated } = start();
    socket.serverEmit('roster:event', changed('ws_design', 'member.role_changed'));
    expect(invalidated(design)).toBe(false);
  });

  it('after a reconnect, refetches every workspace page (what owners missed has no log to replay)', () => {
    const { socket, invalidated } = start();
    socket.serverEmit('connect');
    socket.serverEmit('connect');
    expect(invalidated(design)).toBe(true);
    expect(invalidated(platform)).toBe(true);
    expect(invalidated(list)).toBe(true);
  });
});
