import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { defaultOrgSettings } from '@roster/contracts';
import { startLiveUpdates } from './live-updates.ts';
import { FakeSocket } from './test-support/fake-socket.ts';

const ORG = 'org_beta';
const grace = { id: 'usr_grace', name: 'Grace Hopper' };
const beta = { id: ORG, name: 'Beta', slug: 'beta', version: 2 };

function start() {
  const queryClient = new QueryClient();
  const socket = new FakeSocket();
  startLiveUpdates({
    socket,
    queryClient,
    meKey: ['me'],
    orgKey: (orgId) => ['org', orgId],
    membersListsKey: (orgId) => ['members', orgId, 'list'],
    parseMembersListKey: () => null,
  });
  return { queryClient, socket, invalidate: vi.spyOn(queryClient, 'invalidateQueries') };
}

const personal = { orgId: ORG, seq: null, at: new Date().toISOString(), actor: grace };

describe('personal org events', () => {
  it.each([
    { ...personal, type: 'org.updated', data: { org: beta, before: { name: 'Betta', slug: 'betta' } } },
    { ...personal, type: 'org.transferred', data: { org: beta, from: grace, to: { id: 'usr_ada', name: 'Ada' } } },
  ])('refetch /api/me and the org on $type, so every tab shows its new name or creator', (event) => {
    const { socket, invalidate } = start();
    socket.serverEmit('roster:event', event);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['org', ORG] });
  });

  it('refetches /api/me on org.created, so the creator’s other tabs list the new org', () => {
    const { socket, invalidate } = start();
    const org = {
      id: ORG,
      name: 'Beta',
      slug: 'beta',
      role: 'ADMIN',
      lite: false,
      isCreator: true,
      settings: defaultOrgSettings,
    };
    socket.serverEmit('roster:event', { ...personal, type: 'org.created', data: { org } });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
  });
});
