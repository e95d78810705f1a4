import { afterEach, describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { OrgEvent } from '@roster/contracts';
import { useToastStore } from '../components/ui/toast-store.ts';
import { startLiveUpdates } from '../lib/live-updates.ts';
import { FakeSocket } from '../lib/test-support/fake-socket.ts';
import { showAccessRequestToast } from './access-request-toast.ts';

const linus = { id: 'usr_linus', name: 'Linus Torvalds', email: 'linus@example.com' };

function requested(seq: number, data: Partial<Extract<OrgEvent, { type: 'access.requested' }>['data']> = {}) {
  return {
    orgId: 'org_acme',
    seq,
    at: new Date().toISOString(),
    actor: { id: linus.id, name: linus.name },
    type: 'access.requested',
    data: { requester: linus, page: 'settings', workspace: null, message: null, ...data },
  };
}

/** A live layer over a cache holding Acme's members list as of seq 1, so gaps are synced. */
async function start() {
  const socket = new FakeSocket();
  const queryClient = new QueryClient();
  const stop = startLiveUpdates({
    socket,
    queryClient,
    meKey: ['me'],
    membersListsKey: (orgId) => ['members', orgId, 'list'],
    parseMembersListKey: (key) => (key[0] === 'members' ? { orgId: String(key[1]), filter: {} } : null),
    schedule: () => {},
    onAccessRequested: showAccessRequestToast,
  });
  const page = { items: [], nextCursor: null, total: 0, seq: 1 };
  await queryClient.fetchInfiniteQuery({
    queryKey: ['members', 'org_acme', 'list', {}],
    queryFn: () => page,
    initialPageParam: null as string | null,
  });
  return { socket, stop };
}

const titles = () => useToastStore.getState().toasts.map((t) => t.title);

afterEach(() => useToastStore.setState({ toasts: [] }));

describe('access request toasts', () => {
  it('tells an admin live who asks for access to what', async () => {
    const { socket, stop } = await start();
    socket.serverEmit('roster:event', requested(1));
    socket.serverEmit('roster:event', requested(2, { page: 'workspace', workspace: { id: 'ws_1', name: 'Design' } }));
    expect(titles()).toEqual([
      'Linus Torvalds asks for access to Settings',
      'Linus Torvalds asks for access to the workspace Design',
    ]);
    stop();
  });

  it('shows the note and the address to reach them', async () => {
    const { socket, stop } = await start();
    socket.serverEmit('roster:event', requested(1, { page: 'members', message: 'I run the on-call rota.' }));
    expect(useToastStore.getState().toasts[0]).toMatchObject({
      title: 'Linus Torvalds asks for access to Members',
      description: '“I run the on-call rota.” They can be reached at linus@example.com.',
    });
    stop();
  });

  it('replays nothing: events that a sync hands back raise no toast', async () => {
    const { socket, stop } = await start();
    socket.serverEmit('roster:event', requested(1));
    socket.serverEmit('roster:event', requested(4, { page: 'members' }));
    expect(socket.emitted('roster:sync')).toContainEqual({ orgId: 'org_acme', since: 1 });
    socket.ack('roster:sync', { events: [requested(2), requested(3)], headSeq: 4 });
    await Promise.resolve();
    expect(titles()).toEqual([
      'Linus Torvalds asks for access to Settings',
      'Linus Torvalds asks for access to Members',
    ]);
    stop();
  });
});
