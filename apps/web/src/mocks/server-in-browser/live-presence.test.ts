import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import {
  applyPresenceChanges,
  presenceEvents,
  type PresenceChanges,
  socketEvents,
  type ListMembersResponse,
  type PresenceState,
  type SyncAck,
} from '@roster/contracts';
import { consoleLogger, createInProcessApp } from '../../../../server/src/in-process-app.ts';
import { server } from '../../test/msw-server.ts';
import { TEST_ORIGIN } from '../../test/server-app/demo-people.ts';
import { createCookieJar } from './cookie-jar.ts';
import { liveBridge } from './live-bridge.ts';
import { playAdminsAround, promoteOtherAdmins } from './scenarios/admins-around.ts';
import { createWorld } from './scenarios/world.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Mock mode as the tab runs it: the server's app behind the bridge, Ada's session in the jar. */
async function mockMode() {
  const jar = createCookieJar();
  const bridge = liveBridge({ jar, logger: consoleLogger });
  const { snapshotPath, cookies } = inject('serverApp');
  const snapshot = new Blob([await readFile(snapshotPath)]);
  const app = await createInProcessApp({ origin: TEST_ORIGIN, snapshot, live: bridge.live });
  cleanups.push(
    () => app.close(),
    () => bridge.presence.hub.close(),
  );
  const world = await createWorld(app, bridge, TEST_ORIGIN);
  cleanups.push(() => world.stop());
  const headers = new Headers();
  for (const pair of cookies.ada.split('; ')) headers.append('set-cookie', `${pair}; Path=/`);
  jar.store(new Response(null, { headers }));
  server.use(...bridge.handlers);
  return { world, bridge };
}

/** A tab's socket. Loaded here, after MSW patched the page's WebSocket, which the transport reads once. */
async function tabSocket() {
  const { io, WebSocket } = await import('socket.io-client');
  const socket: Socket = io(TEST_ORIGIN, { transports: [WebSocket], forceNew: true, reconnection: false });
  cleanups.push(() => socket.disconnect());
  const states: PresenceState[] = [];
  socket.on(presenceEvents.state, (state: PresenceState) => states.push(state));
  // Changes patch the page the tab had, as the app's presence store does.
  socket.on(presenceEvents.changes, (changes: PresenceChanges) => {
    const had = states.findLast((s) => s.view === changes.view);
    if (!had) return;
    states.push({ ...had, people: applyPresenceChanges(had.people, changes) });
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const latest = (view: string) => states.findLast((s) => s.view === view);
  return { socket, states, latest };
}

const until = async (check: () => boolean, timeoutMs = 5_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('presence in mock mode', () => {
  it('shows the tab the busy-org scenario’s admins on its page, with what one of them edits and who is away', async () => {
    const { world } = await mockMode();
    await promoteOtherAdmins(world);
    await playAdminsAround(world, 100);
    const tab = await tabSocket();
    tab.socket.emit(presenceEvents.update, { orgId: world.orgId, view: 'members' });

    const names = () => tab.latest('members')?.people.map((p) => p.name) ?? [];
    await until(() => names().includes('Grace Hopper') && names().includes('Ada Lovelace'));
    const people = tab.latest('members')!.people;
    expect(people.find((p) => p.name.startsWith('Margaret'))?.away).toBe(true);
    expect(people.find((p) => p.name.startsWith('Frances'))).toBeUndefined();
    await until(() => tab.latest('members')?.people.some((p) => p.name === 'Grace Hopper' && p.editing) ?? false);
    expect(tab.latest('members')!.people.find((p) => p.name === 'Grace Hopper')?.editing?.kind).toBe('member');

    // The sync answer, read from the same packets, still comes back.
    const ack = (await tab.socket.emitWithAck(socketEvents.sync, { orgId: world.orgId, since: 0 })) as SyncAck;
    expect(ack).toHaveProperty('headSeq');
  });

  it('follows the server’s rule for a scenario’s people too: a member is shown to no one, a demoted admin leaves at once', async () => {
    const { world, bridge } = await mockMode();
    await promoteOtherAdmins(world);
    const tab = await tabSocket();
    tab.socket.emit(presenceEvents.update, { orgId: world.orgId, view: 'members' });
    const users = await world.server.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('email', 'in', ['linus@acme.test', 'barbara.2@acme.test'])
      .execute();
    for (const user of users) {
      const socket = { id: `scenario-${user.email}`, userId: user.id, name: user.name };
      await bridge.presence.visit(socket.id, user.id);
      bridge.presence.hub.update(socket, { orgId: world.orgId, view: 'members' });
    }
    const names = () => tab.latest('members')?.people.map((p) => p.name) ?? [];
    await until(() => names().length === 2);
    expect(names()).not.toContain('Linus Torvalds');
    const barbara = users.find((u) => u.email === 'barbara.2@acme.test')!;

    const grace = await world.as('grace@acme.test');
    const members = `/api/orgs/${world.orgId}/members`;
    const page = await grace.call<ListMembersResponse>('GET', `${members}?q=barbara.2%40acme.test&limit=1`);
    const row = page!.items[0]!;
    await grace.call('PATCH', `${members}/${row.userId}`, { role: 'MEMBER', version: row.version });
    await until(() => !names().includes(barbara.name), 1_000);
    expect(names()).toEqual(['Ada Lovelace']);
  });
});
