import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ListWorkspaceMembersResponseSchema,
  ListWorkspacesResponseSchema,
  MemberAccessSchema,
  WorkspacePeopleResponseSchema,
  WorkspaceSchema,
} from '@roster/contracts';
import { createOrg, createUser, grantWorkspace, type TestOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;

/** Ada and Grace are admins; Olga owns Design; Mia is a member of Design; Linus is in no workspace; Eve is external. */
async function org(settings = {}) {
  const o = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', olga: 'MEMBER', mia: 'MEMBER', linus: 'MEMBER', eve: 'EXTERNAL' },
    { workspaces: ['Design', 'Platform'], settings },
  );
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.olga!.id, 'OWNER');
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.mia!.id, 'MEMBER');
  return o;
}
const ws = (o: TestOrg, name = 'Design') => `/api/orgs/${o.id}/workspaces/${o.workspaces[name]}`;
const wsRow = (o: TestOrg, userId: string, name = 'Design') =>
  t.database.db
    .selectFrom('workspace_members')
    .selectAll()
    .where('workspace_id', '=', o.workspaces[name]!)
    .where('user_id', '=', userId)
    .executeTakeFirst();

describe('workspaces', () => {
  it('lists every workspace to admins and only their own to members', async () => {
    const o = await org();
    const [ada, mia, linus] = await Promise.all(['ada', 'mia', 'linus'].map((k) => t.signIn(o.people[k]!.email)));
    const all = ListWorkspacesResponseSchema.parse(await (await ada!.get(`/api/orgs/${o.id}/workspaces`)).json());
    expect(all.items.map((w) => [w.name, w.memberCount, w.canManage])).toEqual([
      ['Design', 2, true],
      ['Platform', 0, true],
    ]);
    const mine = ListWorkspacesResponseSchema.parse(await (await mia!.get(`/api/orgs/${o.id}/workspaces`)).json());
    expect(mine.items.map((w) => [w.name, w.myRole, w.canManage])).toEqual([['Design', 'MEMBER', false]]);
    expect(
      ListWorkspacesResponseSchema.parse(await (await linus!.get(`/api/orgs/${o.id}/workspaces`)).json()).items,
    ).toEqual([]);
    const stranger = await createUser(t.database.db);
    expect((await (await t.signIn(stranger.email)).get(`/api/orgs/${o.id}/workspaces`)).status).toBe(403);
  });

  it('lets admins create a workspace, live; members may not', async () => {
    const o = await org();
    const [ada, grace, mia] = await Promise.all(['ada', 'grace', 'mia'].map((k) => t.signIn(o.people[k]!.email)));
    const socket = grace!.socket();
    await ready(socket, o.id);
    const pushed = nextEvent(socket, 'workspace.created');
    const created = await ada!.post(`/api/orgs/${o.id}/workspaces`, { name: '  Research ' });
    expect(created.status).toBe(201);
    expect(WorkspaceSchema.parse(await created.json())).toMatchObject({ name: 'Research', memberCount: 0 });
    expect((await pushed).data.workspace.name).toBe('Research');
    expect(await code(await mia!.post(`/api/orgs/${o.id}/workspaces`, { name: 'Mine' }))).toBe('FORBIDDEN');
    expect(await code(await ada!.post(`/api/orgs/${o.id}/workspaces`, { name: '' }))).toBe('VALIDATION_FAILED');
  });

  it('shows a workspace’s members to org admins and its owners only (R2)', async () => {
    const o = await org();
    const [ada, olga, mia] = await Promise.all(['ada', 'olga', 'mia'].map((k) => t.signIn(o.people[k]!.email)));
    for (const client of [ada, olga]) {
      const list = ListWorkspaceMembersResponseSchema.parse(await (await client!.get(`${ws(o)}/members`)).json());
      expect(list.items.map((m) => [m.name, m.role])).toEqual([
        ['Mia Tester', 'MEMBER'],
        ['Olga Tester', 'OWNER'],
      ]);
    }
    expect(await code(await mia!.get(`${ws(o)}/members`))).toBe('FORBIDDEN');
    expect(await code(await olga!.get(`${ws(o, 'Platform')}/members`))).toBe('FORBIDDEN');
    expect(await code(await ada!.get(`/api/orgs/${o.id}/workspaces/nope/members`))).toBe('NOT_FOUND');
  });

  it('adds org members at once, refuses outsiders, and never makes an external an owner (R13, R22)', async () => {
    const o = await org();
    const [olga, grace] = [await t.signIn(o.people.olga!.email), await t.signIn(o.people.grace!.email)];
    const socket = grace.socket();
    await ready(socket, o.id);
    const pushed = nextEvent(socket, 'workspace.member_added');
    const added = await olga.post(`${ws(o)}/members`, { userIds: [o.people.linus!.id], role: 'MEMBER' });
    expect(added.status).toBe(201);
    expect(await wsRow(o, o.people.linus!.id)).toMatchObject({ role: 'MEMBER' });
    expect((await pushed).data).toMatchObject({
      userId: o.people.linus!.id,
      member: { workspaces: [{ name: 'Design', role: 'MEMBER' }] },
    });
    const stranger = await createUser(t.database.db);
    expect(await code(await olga.post(`${ws(o)}/members`, { userIds: [stranger.id], role: 'MEMBER' }))).toBe(
      'VALIDATION_FAILED',
    );
    expect(await code(await olga.post(`${ws(o)}/members`, { userIds: [o.people.eve!.id], role: 'OWNER' }))).toBe(
      'EXTERNAL_CANNOT_OWN',
    );
    expect(await wsRow(o, o.people.eve!.id)).toBeUndefined();
    expect((await olga.post(`${ws(o)}/members`, { userIds: [o.people.eve!.id], role: 'MEMBER' })).status).toBe(201);
    expect(await wsRow(o, stranger.id)).toBeUndefined();
  });

  it('enforces the workspace seat cap, owners and pending invitation grants included (R5)', async () => {
    const o = await org({ workspaceMemberCap: 3 });
    const ada = await t.signIn(o.people.ada!.email);
    const invited = await ada.post(`/api/orgs/${o.id}/invitations`, {
      emails: ['new.person@example.test'],
      role: 'MEMBER',
      workspaces: [{ workspaceId: o.workspaces.Design, role: 'MEMBER' }],
    });
    expect(invited.status).toBeLessThan(300);
    const response = await ada.post(`${ws(o)}/members`, { userIds: [o.people.linus!.id], role: 'MEMBER' });
    expect(response.status).toBe(409);
    expect(ErrorBodySchema.parse(await response.json()).error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { scope: 'workspace', limit: 3, current: 3, max: 0 },
    });
    expect(await wsRow(o, o.people.linus!.id)).toBeUndefined();
  });

  it('refuses invitations that promise a seat in a full workspace, the whole batch', async () => {
    const o = await org({ workspaceMemberCap: 3 });
    const ada = await t.signIn(o.people.ada!.email);
    const grant = [{ workspaceId: o.workspaces.Design, role: 'MEMBER' }];
    const two = await ada.post(`/api/orgs/${o.id}/invitations`, {
      emails: ['a@example.test', 'b@example.test'],
      role: 'MEMBER',
      workspaces: grant,
    });
    expect(ErrorBodySchema.parse(await two.json()).error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { scope: 'workspace', limit: 3, current: 2, max: 1 },
    });
    const invitations = await t.database.db.selectFrom('invitations').select('id').where('org_id', '=', o.id).execute();
    expect(invitations).toEqual([]);
    expect(
      (
        await ada.post(`/api/orgs/${o.id}/invitations`, {
          emails: ['a@example.test'],
          role: 'MEMBER',
          workspaces: grant,
        })
      ).status,
    ).toBeLessThan(300);
    const elsewhere = await ada.post(`/api/orgs/${o.id}/invitations`, { emails: ['b@example.test'], role: 'MEMBER' });
    expect(elsewhere.status).toBeLessThan(300);
  });

  it('changes and removes workspace roles with versions, keeping an owner unless an admin decides', async () => {
    const o = await org();
    const [olga, ada] = [await t.signIn(o.people.olga!.email), await t.signIn(o.people.ada!.email)];
    const member = (id: string) => `${ws(o)}/members/${id}`;
    expect(await code(await olga.patch(member(o.people.olga!.id), { role: 'MEMBER', version: 1 }))).toBe(
      'LAST_OWNER_PROTECTED',
    );
    expect(await code(await olga.delete(member(o.people.olga!.id)))).toBe('LAST_OWNER_PROTECTED');
    expect((await olga.patch(member(o.people.mia!.id), { role: 'OWNER', version: 1 })).status).toBe(200);
    expect(await code(await olga.patch(member(o.people.mia!.id), { role: 'VIEWER', version: 1 }))).toBe(
      'VERSION_CONFLICT',
    );
    expect((await olga.patch(member(o.people.olga!.id), { role: 'MEMBER', version: 1 })).status).toBe(200);
    // An org admin may leave a workspace without an owner: they manage it anyway.
    expect((await ada.delete(member(o.people.mia!.id))).status).toBe(204);
    expect(await wsRow(o, o.people.mia!.id)).toBeUndefined();
    const stillInOrg = await t.database.db
      .selectFrom('org_members')
      .select('role')
      .where('org_id', '=', o.id)
      .where('user_id', '=', o.people.mia!.id)
      .executeTakeFirst();
    expect(stillInOrg).toEqual({ role: 'MEMBER' });
  });

  it('lets a workspace’s owners search the org’s people to add, without opening the directory', async () => {
    const o = await org();
    const [olga, mia, ada] = await Promise.all(['olga', 'mia', 'ada'].map((k) => t.signIn(o.people[k]!.email)));
    const found = WorkspacePeopleResponseSchema.parse(await (await olga!.get(`${ws(o)}/people?q=LIN`)).json());
    expect(found.items).toEqual([{ userId: o.people.linus!.id, name: 'Linus Tester', email: o.people.linus!.email }]);
    expect((await olga!.get(`/api/orgs/${o.id}/members?q=lin`)).status).toBe(403);
    expect(await code(await mia!.get(`${ws(o)}/people?q=lin`))).toBe('FORBIDDEN');
    expect(await code(await olga!.get(`${ws(o, 'Platform')}/people?q=lin`))).toBe('FORBIDDEN');
    expect(await code(await ada!.get(`${ws(o)}/people`))).toBe('VALIDATION_FAILED');
  });

  it('explains each person’s access (View access)', async () => {
    const o = await org();
    const ada = await t.signIn(o.people.ada!.email);
    const olga = MemberAccessSchema.parse(
      await (await ada.get(`/api/orgs/${o.id}/members/${o.people.olga!.id}/access`)).json(),
    );
    expect(olga.workspaces.map((w) => [w.name, w.role])).toEqual([
      ['Design', 'OWNER'],
      ['Platform', null],
    ]);
    const admin = MemberAccessSchema.parse(
      await (await ada.get(`/api/orgs/${o.id}/members/${o.people.grace!.id}/access`)).json(),
    );
    expect(admin).toMatchObject({
      fullAccess: true,
      workspaces: [{ reason: expect.stringMatching(/full access/) }, { reason: expect.stringMatching(/full access/) }],
    });
    const mia = await t.signIn(o.people.mia!.email);
    expect(await code(await mia.get(`/api/orgs/${o.id}/members/${o.people.olga!.id}/access`))).toBe('FORBIDDEN');
  });
});
