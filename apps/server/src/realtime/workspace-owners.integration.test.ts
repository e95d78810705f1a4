import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Socket } from 'socket.io-client';
import { presenceEvents } from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from '../../test/factories.ts';
import { nextEvent, ready, recordEvents, startTestServer, type TestServer } from '../../test/test-server.ts';
import { withPresence } from '../../test/presence-helpers.ts';
import { workspaceOwnersRoom } from './rooms.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Ada is an admin who also owns Design; Olga (a member) owns Design; Mia is a member of it; Linus is in none. */
async function org() {
  const o = await createOrg(
    t.database.db,
    { ada: 'ADMIN', olga: 'MEMBER', mia: 'MEMBER', linus: 'MEMBER' },
    { workspaces: ['Design', 'Platform'] },
  );
  for (const [key, role] of [
    ['ada', 'OWNER'],
    ['olga', 'OWNER'],
    ['mia', 'MEMBER'],
  ] as const) {
    await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people[key]!.id, role);
  }
  const ada = await t.signIn(o.people.ada!.email);
  const socketOf = async (key: string) => {
    const socket = (await t.signIn(o.people[key]!.email)).socket();
    // Members may not sync; a refused sync still answers once the socket sits in its rooms.
    await ready(socket, o.id).catch(() => undefined);
    return socket;
  };
  return { o, ada, socketOf };
}

const design = (o: TestOrg) => `/api/orgs/${o.id}/workspaces/${o.workspaces.Design}`;

/** Waits until the socket is in (or out of) the workspace's owners room, on the server. */
async function inOwnersRoom(o: TestOrg, socket: Socket, expected: boolean, workspace = 'Design') {
  const room = workspaceOwnersRoom(o.id, o.workspaces[workspace]!);
  await vi.waitFor(
    async () => {
      const ids = (await t.server.realtime.io.in(room).fetchSockets()).map((s) => s.id);
      if (ids.includes(socket.id!) !== expected)
        throw new Error(`socket ${expected ? 'not yet in' : 'still in'} ${room}`);
    },
    { timeout: 5_000, interval: 20 },
  );
}

const workspaceNews = (socket: Socket) => {
  const seen = recordEvents(socket);
  return () => seen.filter((e) => e.type === 'workspace.changed');
};

describe('workspace pages are live for their owners', () => {
  it('places an owner who is no admin in the owners room on connect; nobody else', async () => {
    const { o, socketOf } = await org();
    const [olga, mia, ada] = [await socketOf('olga'), await socketOf('mia'), await socketOf('ada')];
    await inOwnersRoom(o, olga, true);
    await inOwnersRoom(o, olga, false, 'Platform');
    // A member of the workspace is not an owner; an admin hears everything in the admin room.
    await inOwnersRoom(o, mia, false);
    await inOwnersRoom(o, ada, false);
  });

  it('tells a non-admin owner that their workspace changed, once, with no member data; not its members', async () => {
    const { o, ada, socketOf } = await org();
    const [olga, mia, adaSocket] = [await socketOf('olga'), await socketOf('mia'), await socketOf('ada')];
    const olgaNews = workspaceNews(olga);
    const miaSaw = recordEvents(mia);
    const adaSaw = recordEvents(adaSocket);
    const olgaGets = nextEvent(olga, 'workspace.changed');
    const added = await ada.post(`${design(o)}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' });
    expect(added.status).toBe(201);
    expect(await olgaGets).toEqual({
      orgId: o.id,
      seq: null,
      at: expect.any(String),
      actor: { id: o.people.ada!.id, name: o.people.ada!.name },
      type: 'workspace.changed',
      data: { workspaceId: o.workspaces.Design, type: 'workspace.member_added' },
    });
    await settle();
    expect(olgaNews()).toHaveLength(1);
    expect(miaSaw).toEqual([]);
    // The admin (an owner of it too) gets the org event only, never the owners' copy.
    expect(adaSaw.map((e) => e.type)).toEqual(['workspace.member_added']);
  });

  it('hears of a member of the workspace removed from the org, and of one leaving it', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const removed = nextEvent(olga, 'workspace.changed');
    expect((await ada.delete(`/api/orgs/${o.id}/members/${o.people.mia!.id}`)).status).toBe(204);
    expect((await removed).data).toEqual({ workspaceId: o.workspaces.Design, type: 'member.removed' });
    // Linus had no place in a workspace: nothing to tell its owners.
    const olgaNews = workspaceNews(olga);
    expect((await ada.delete(`/api/orgs/${o.id}/members/${o.people.linus!.id}`)).status).toBe(204);
    await settle();
    expect(olgaNews()).toEqual([]);
  });

  it('hears a rename of the workspace, and nothing of another workspace', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const olgaNews = workspaceNews(olga);
    const platform = `/api/orgs/${o.id}/workspaces/${o.workspaces.Platform}`;
    expect((await ada.post(`${platform}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' })).status).toBe(201);
    const renamed = nextEvent(olga, 'workspace.changed');
    expect((await ada.patch(design(o), { name: 'Studio', version: 1 })).status).toBe(200);
    expect((await renamed).data).toEqual({ workspaceId: o.workspaces.Design, type: 'workspace.renamed' });
    await settle();
    expect(olgaNews()).toHaveLength(1);
  });

  it('an owner demoted to member of the workspace stops hearing of it at once; raised again, hears again', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const olgaNews = workspaceNews(olga);
    const olgaRow = `${design(o)}/members/${o.people.olga!.id}`;
    expect((await ada.patch(olgaRow, { role: 'MEMBER', version: 1 })).status).toBe(200);
    // Out of the room before the change is published; her own tabs alone hear of the demotion.
    await inOwnersRoom(o, olga, false);
    await vi.waitFor(() => expect(olgaNews()).toHaveLength(1));
    expect(olgaNews()[0]!.data).toEqual({ workspaceId: o.workspaces.Design, type: 'workspace.member_role_changed' });
    expect((await ada.post(`${design(o)}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' })).status).toBe(
      201,
    );
    await settle();
    expect(olgaNews()).toHaveLength(1);
    const raised = nextEvent(olga, 'workspace.changed');
    expect((await ada.patch(olgaRow, { role: 'OWNER', version: 2 })).status).toBe(200);
    // In before the change is published: she hears of her own promotion.
    expect((await raised).data.type).toBe('workspace.member_role_changed');
    await inOwnersRoom(o, olga, true);
  });

  it('an owner made org admin leaves the owners room (no copy twice) and rejoins when no longer admin', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const member = `/api/orgs/${o.id}/members/${o.people.olga!.id}`;
    expect((await ada.patch(member, { role: 'ADMIN', version: 1 })).status).toBe(200);
    await inOwnersRoom(o, olga, false);
    const olgaSaw = recordEvents(olga);
    expect((await ada.post(`${design(o)}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' })).status).toBe(
      201,
    );
    await vi.waitFor(() => expect(olgaSaw.map((e) => e.type)).toContain('workspace.member_added'));
    await settle();
    expect(olgaSaw.map((e) => e.type)).toEqual(['workspace.member_added']);
    expect((await ada.patch(member, { role: 'MEMBER', version: 2 })).status).toBe(200);
    await inOwnersRoom(o, olga, true);
  });

  it('an owner taken out of the workspace hears of it once, then nothing more', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const olgaNews = workspaceNews(olga);
    expect((await ada.delete(`${design(o)}/members/${o.people.olga!.id}`)).status).toBe(204);
    await inOwnersRoom(o, olga, false);
    await vi.waitFor(() => expect(olgaNews()).toHaveLength(1));
    expect(olgaNews()[0]!.data.type).toBe('workspace.member_removed');
    expect((await ada.post(`${design(o)}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' })).status).toBe(
      201,
    );
    await settle();
    expect(olgaNews()).toHaveLength(1);
  });

  it('an owner removed from the org leaves the owners room at once', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const olgaNews = workspaceNews(olga);
    expect((await ada.delete(`/api/orgs/${o.id}/members/${o.people.olga!.id}`)).status).toBe(204);
    await inOwnersRoom(o, olga, false);
    expect((await ada.post(`${design(o)}/members`, { userIds: [o.people.linus!.id], role: 'VIEWER' })).status).toBe(
      201,
    );
    await settle();
    expect(olgaNews()).toEqual([]);
  });

  it('a deleted workspace tells its owners, then empties their room', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const deleted = nextEvent(olga, 'workspace.changed');
    expect((await ada.delete(design(o))).status).toBe(204);
    expect((await deleted).data).toEqual({ workspaceId: o.workspaces.Design, type: 'workspace.deleted' });
    await inOwnersRoom(o, olga, false);
  });

  it('a deleted org takes its owners out of the room; restoring it puts them back', async () => {
    const { o, ada, socketOf } = await org();
    const olga = await socketOf('olga');
    const name = (
      await t.database.db.selectFrom('organizations').select('name').where('id', '=', o.id).executeTakeFirstOrThrow()
    ).name;
    expect((await ada.delete(`/api/orgs/${o.id}`, { confirm: name })).status).toBe(200);
    await inOwnersRoom(o, olga, false);
    expect((await ada.post(`/api/orgs/${o.id}/restore`, {})).status).toBe(200);
    await inOwnersRoom(o, olga, true);
  });

  it('an org requiring two-factor shuts an owner without it out of the room, and lets them back when lifted', async () => {
    const { o, ada, socketOf } = await org();
    await t.database.db
      .updateTable('users')
      .set({ two_factor_enabled: true })
      .where('id', '=', o.people.ada!.id)
      .execute();
    const olga = await socketOf('olga');
    const settings = `/api/orgs/${o.id}/settings`;
    expect((await ada.patch(settings, { requireTwoFactor: true, version: 1 })).status).toBe(200);
    await inOwnersRoom(o, olga, false);
    expect((await ada.patch(settings, { requireTwoFactor: false, version: 2 })).status).toBe(200);
    await inOwnersRoom(o, olga, true);
  });

  it('an owner who is no admin is present on their workspace’s page with its admins; a member is not', async () => {
    const { o, socketOf } = await org();
    const [ada, olga, mia] = [
      withPresence(await socketOf('ada')),
      withPresence(await socketOf('olga')),
      withPresence(await socketOf('mia')),
    ];
    const view = `workspace:${o.workspaces.Design}`;
    for (const p of [ada, olga, mia]) p.socket.emit(presenceEvents.update, { orgId: o.id, view });
    const state = await ada.waitFor(o.id, view, (s) => s.people.length === 2);
    expect(state.people.map((p) => p.userId).sort()).toEqual([o.people.ada!.id, o.people.olga!.id].sort());
    await olga.waitFor(o.id, view, (s) => s.people.length === 2);
    expect(mia.states).toEqual([]);
  });

  it('an owner demoted in the workspace leaves its page’s presence at once', async () => {
    const { o, ada, socketOf } = await org();
    const [admin, olga] = [withPresence(await socketOf('ada')), withPresence(await socketOf('olga'))];
    const view = `workspace:${o.workspaces.Design}`;
    for (const p of [admin, olga]) p.socket.emit(presenceEvents.update, { orgId: o.id, view });
    await admin.waitFor(o.id, view, (s) => s.people.length === 2);
    const olgaRow = `${design(o)}/members/${o.people.olga!.id}`;
    expect((await ada.patch(olgaRow, { role: 'VIEWER', version: 1 })).status).toBe(200);
    const state = await admin.waitFor(o.id, view, (s) => s.people.length === 1, 1_000);
    expect(state.people.map((p) => p.userId)).toEqual([o.people.ada!.id]);
  });
});
