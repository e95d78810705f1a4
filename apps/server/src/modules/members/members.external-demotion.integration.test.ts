import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkPreviewSchema, ListMembersResponseSchema, MemberSchema } from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Ada and Grace administer; Olga owns Design and is a member of Ops; Lena (lite) somehow owns Ops. */
async function setup() {
  const o = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', olga: 'MEMBER', lena: 'MEMBER' },
    { workspaces: ['Design', 'Ops'], lite: ['lena'] },
  );
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.olga!.id, 'OWNER');
  await grantWorkspace(t.database.db, o.id, o.workspaces.Ops!, o.people.olga!.id, 'MEMBER');
  // Written straight to the database, past the rules, as rows from before R22 was enforced look.
  await grantWorkspace(t.database.db, o.id, o.workspaces.Ops!, o.people.lena!.id, 'OWNER');
  const [ada, grace] = [await t.signIn(o.people.ada!.email), await t.signIn(o.people.grace!.email)];
  return { o, ada, grace };
}

const roles = (o: TestOrg, userId: string) =>
  t.database.db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role', 'version'])
    .where('user_id', '=', userId)
    .where('org_id', '=', o.id)
    .orderBy('workspace_id')
    .execute();

const memberUrl = (o: TestOrg, key: string) => `/api/orgs/${o.id}/members/${o.people[key]!.id}`;

describe('demoting a workspace owner to EXTERNAL (R22, ADR 0009)', () => {
  it('lowers their owner roles to MEMBER in the same change, live for other admins and in the audit row', async () => {
    const { o, ada, grace } = await setup();
    const socket = grace.socket();
    await ready(socket, o.id);
    const changed = nextEvent(socket, 'member.role_changed');
    const lowered = nextEvent(socket, 'workspace.member_role_changed');
    const response = await ada.patch(memberUrl(o, 'olga'), { role: 'EXTERNAL', version: 1 });
    expect(response.status).toBe(200);
    const member = MemberSchema.parse(await response.json());
    expect(member.role).toBe('EXTERNAL');
    const design = { id: o.workspaces.Design!, name: 'Design', role: 'MEMBER' };
    expect(member.workspaces).toEqual(expect.arrayContaining([design]));
    // The answer is built from what the change wrote, not read back: it must be the row as read.
    const listed = ListMembersResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/members?q=olga`)).json());
    expect(listed.items).toEqual([member]);
    const lowering = { workspaceId: o.workspaces.Design!, workspaceName: 'Design', from: 'OWNER', to: 'MEMBER' };
    expect((await changed).data).toMatchObject({
      member: { role: 'EXTERNAL', workspaces: expect.arrayContaining([design]) },
      before: { role: 'MEMBER' },
      workspacesLowered: [lowering],
    });
    expect((await lowered).data).toMatchObject({
      workspaceId: o.workspaces.Design!,
      workspaceMember: { role: 'MEMBER', orgRole: 'EXTERNAL' },
    });
    const rows = await roles(o, o.people.olga!.id);
    expect(rows.find((r) => r.workspace_id === o.workspaces.Design)).toMatchObject({ role: 'MEMBER', version: 2 });
    expect(rows.find((r) => r.workspace_id === o.workspaces.Ops)).toMatchObject({ role: 'MEMBER', version: 1 });
    const audit = await t.database.db
      .selectFrom('events')
      .select(['type', 'before', 'after', 'seq'])
      .where('org_id', '=', o.id)
      .where('target_id', '=', o.people.olga!.id)
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        type: 'member.role_changed',
        seq: 1,
        before: { role: 'MEMBER', workspaces: [{ workspaceId: o.workspaces.Design!, role: 'OWNER' }] },
        after: { role: 'EXTERNAL', workspaces: [{ workspaceId: o.workspaces.Design!, role: 'MEMBER' }] },
      },
      {
        type: 'workspace.member_role_changed',
        seq: 2,
        before: { workspaceId: o.workspaces.Design!, role: 'OWNER' },
        after: { workspaceId: o.workspaces.Design!, role: 'MEMBER' },
      },
    ]);
  });

  it('lowers a lite person to VIEWER, and a role change that stays within the ceiling lowers nothing', async () => {
    const { o, ada } = await setup();
    expect((await ada.patch(memberUrl(o, 'lena'), { role: 'EXTERNAL', version: 1 })).status).toBe(200);
    expect(await roles(o, o.people.lena!.id)).toEqual([
      { workspace_id: o.workspaces.Ops!, role: 'VIEWER', version: 2 },
    ]);
    expect((await ada.patch(memberUrl(o, 'olga'), { role: 'ADMIN', version: 1 })).status).toBe(200);
    expect((await roles(o, o.people.olga!.id)).map((r) => r.role).sort()).toEqual(['MEMBER', 'OWNER']);
  });

  it('lists the roles it would lower in the impact preview, and changes nothing while previewing', async () => {
    const { o, ada } = await setup();
    const members = ['olga', 'lena', 'grace'].map((k) => ({ userId: o.people[k]!.id, version: 1 }));
    const response = await ada.post(`/api/orgs/${o.id}/members/bulk`, {
      action: { type: 'change_role', role: 'EXTERNAL' },
      members,
      preview: true,
    });
    expect(response.status).toBe(200);
    const preview = BulkPreviewSchema.parse(await response.json());
    expect(preview.count).toBe(3);
    // In the list's order (by name), as the changes will run.
    expect(preview.workspaceRolesLowered).toEqual([
      {
        userId: o.people.lena!.id,
        name: 'Lena Tester',
        workspaceId: o.workspaces.Ops!,
        workspaceName: 'Ops',
        from: 'OWNER',
        to: 'VIEWER',
      },
      {
        userId: o.people.olga!.id,
        name: 'Olga Tester',
        workspaceId: o.workspaces.Design!,
        workspaceName: 'Design',
        from: 'OWNER',
        to: 'MEMBER',
      },
    ]);
    expect((await roles(o, o.people.olga!.id)).map((r) => r.role).sort()).toEqual(['MEMBER', 'OWNER']);
  });
});
