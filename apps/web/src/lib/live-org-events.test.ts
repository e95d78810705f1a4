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
  const onAccessChanged = vi.fn();
  startLiveUpdates({
    onAccessChanged,
    socket,
    queryClient,
    meKey: ['me'],
    orgKey: (orgId) => ['org', orgId],
    membersListsKey: (orgId) => ['members', orgId, 'list'],
    parseMembersListKey: () => null,
  });
  return { queryClient, socket, onAccessChanged, invalidate: vi.spyOn(queryClient, 'invalidateQueries') };
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
      status: 'active',
      purgeAfter: null,
      pending: { invitations: 0, requests: 0 },
    };
    socket.serverEmit('roster:event', { ...personal, type: 'org.created', data: { org } });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
  });

  const purgeAfter = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const deleted = { ...personal, type: 'org.deleted', data: { org: beta, purgeAfter } };
  const restored = { ...personal, type: 'org.restored', data: { org: beta } };
  const access = (role: 'ADMIN' | null) => ({ ...personal, type: 'access.changed', data: { role } });

  it('hands the deletion to the access change it brings, so the page tells one story', () => {
    const { socket, invalidate, onAccessChanged } = start();
    socket.serverEmit('roster:event', deleted);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['org', ORG] });
    socket.serverEmit('roster:event', access(null));
    expect(onAccessChanged).toHaveBeenCalledWith(expect.objectContaining({ data: { role: null } }), deleted);

    // Told once: a later removal is a removal again.
    socket.serverEmit('roster:event', access(null));
    expect(onAccessChanged).toHaveBeenLastCalledWith(expect.objectContaining({ data: { role: null } }), undefined);
  });

  it('hands the restore to the access it gives back, and refetches /api/me so the org returns', () => {
    const { socket, invalidate, onAccessChanged } = start();
    socket.serverEmit('roster:event', restored);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['me'] });
    socket.serverEmit('roster:event', access('ADMIN'));
    expect(onAccessChanged).toHaveBeenCalledWith(expect.objectContaining({ data: { role: 'ADMIN' } }), restored);
  });

  it('does not take a restore for the cause of losing access', () => {
    const { socket, onAccessChanged } = start();
    socket.serverEmit('roster:event', restored);
    socket.serverEmit('roster:event', access(null));
    expect(onAccessChanged).toHaveBeenCalledWith(expect.objectContaining({ data: { role: null } }), undefined);
  });
});
