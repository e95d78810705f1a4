import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { OrgEvent, Workspace } from '@roster/contracts';
import { applyGovernanceEvents } from './live-governance-cache.ts';
import { applyMemberEvents } from './live-member-cache.ts';

const ORG = 'org_acme';
const cache = {
  settingsKey: (orgId: string) => ['settings', orgId],
  workspacesKey: (orgId: string) => ['workspaces', orgId, 'list'],
  workspaceMembersKey: (orgId: string, ws: string) => ['workspaces', orgId, 'members', ws],
  inviteRequestsKey: (orgId: string) => ['invite-requests', orgId, 'list'],
  myInviteRequestsKey: ['invite-requests', 'mine'],
};
const workspace = (id: string, name: string, version = 1): Workspace => ({
  id,
  name,
  memberCount: 2,
  myRole: 'OWNER',
  canManage: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  version,
});
const envelope = (seq: number) => ({
  orgId: ORG,
  seq,
  at: new Date().toISOString(),
  actor: { id: 'usr_grace', name: 'Grace' },
});
const renamed = (seq: number, version: number, name: string): OrgEvent => ({
  ...envelope(seq),
  type: 'workspace.renamed',
  data: { workspaceId: 'ws_design', name, version, before: { name: 'Design' } },
});
const deleted = (seq: number): OrgEvent => ({
  ...envelope(seq),
  type: 'workspace.deleted',
  data: { workspaceId: 'ws_design', name: 'Design' },
});

function seeded() {
  const queryClient = new QueryClient();
  const list = cache.workspacesKey(ORG);
  const page = cache.workspaceMembersKey(ORG, 'ws_design');
  queryClient.setQueryData(list, {
    items: [workspace('ws_design', 'Design'), workspace('ws_platform', 'Platform')],
    seq: 4,
  });
  queryClient.setQueryData(page, { workspace: workspace('ws_design', 'Design'), items: [], seq: 4 });
  return { queryClient, list, page };
}

describe('live workspace renames and deletions', () => {
  it('workspace.renamed patches the name and version in the list (re-sorted) and on its page, keeping the viewer’s role', () => {
    const { queryClient, list, page } = seeded();
    applyGovernanceEvents(queryClient, cache, ['me'], [renamed(5, 2, 'Studio')]);
    const items = queryClient.getQueryData<{ items: Workspace[] }>(list)!.items;
    expect(items.map((w) => [w.name, w.version, w.myRole])).toEqual([
      ['Platform', 1, 'OWNER'],
      ['Studio', 2, 'OWNER'],
    ]);
    expect(queryClient.getQueryData<{ workspace: Workspace }>(page)!.workspace).toMatchObject({
      name: 'Studio',
      version: 2,
    });
  });

  it('ignores a rename older than what the cache holds', () => {
    const { queryClient, page } = seeded();
    applyGovernanceEvents(queryClient, cache, ['me'], [renamed(6, 3, 'Newest')]);
    applyGovernanceEvents(queryClient, cache, ['me'], [renamed(5, 2, 'Older')]);
    expect(queryClient.getQueryData<{ workspace: Workspace }>(page)!.workspace.name).toBe('Newest');
  });

  it('workspace.deleted drops it from the list and sends its open page back to the server (which answers not found)', () => {
    const { queryClient, list, page } = seeded();
    applyGovernanceEvents(queryClient, cache, ['me'], [deleted(5)]);
    expect(queryClient.getQueryData<{ items: Workspace[] }>(list)!.items.map((w) => w.id)).toEqual(['ws_platform']);
    expect(queryClient.getQueryState(page)!.isInvalidated).toBe(true);
  });

  it.each([renamed(5, 2, 'Studio'), deleted(5)])(
    '$type refetches the members lists, whose rows name their workspaces',
    (event) => {
      const queryClient = new QueryClient();
      const listKey = ['members', ORG, 'list', {}];
      queryClient.setQueryData(listKey, { pages: [], pageParams: [] });
      applyMemberEvents(queryClient, { membersListsKey: () => ['members', ORG], parseMembersListKey: () => null }, [
        event,
      ]);
      expect(queryClient.getQueryState(listKey)!.isInvalidated).toBe(true);
    },
  );
});
