import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateInvitationsResponseSchema, InvitationLinkSchema, type OrgSettings } from '@roster/contracts';
import { createOrg, createUser, grantWorkspace } from '../../../test/factories.ts';
import { eventRows, invitationRows, refusal } from '../../../test/invitation-helpers.ts';
import { requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/** Ada administers; Olga owns Design and is a member of Ops; Linus is in no workspace. */
async function setup(settings: Partial<OrgSettings> = {}) {
  const org = await createOrg(
    t.database.db,
    { ada: 'ADMIN', olga: 'MEMBER', linus: 'MEMBER' },
    { settings, workspaces: ['Design', 'Ops'] },
  );
  await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.olga!.id, 'OWNER');
  await grantWorkspace(t.database.db, org.id, org.workspaces.Ops!, org.people.olga!.id, 'MEMBER');
  const [ada, olga, linus] = await Promise.all(['ada', 'olga', 'linus'].map((k) => t.signIn(org.people[k]!.email)));
  const grant = (name: 'Design' | 'Ops', role: 'OWNER' | 'MEMBER' | 'VIEWER') => ({
    workspaceId: org.workspaces[name]!,
    role,
  });
  return { org, ada: ada!, olga: olga!, linus: linus!, grant, url: `/api/orgs/${org.id}/invitations` };
}

async function invitedId(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.invitationId!;
}

describe('externals never own a workspace (R22)', () => {
  it('refuses an invitation that would make an external an owner, and writes nothing', async () => {
    const { org, ada, grant, url } = await setup();
    const body = { emails: ['eve@example.test'], role: 'EXTERNAL', workspaces: [grant('Design', 'OWNER')] };
    expect(await refusal(await ada.post(url, body))).toEqual({ status: 422, code: 'EXTERNAL_CANNOT_OWN' });
    expect(await invitationRows(t.database.db, org.id)).toEqual([]);
    const member = { ...body, workspaces: [grant('Design', 'MEMBER')] };
    expect((await ada.post(url, member)).status).toBe(200);
  });

  it('refuses an edit that would, whether it changes the role or the grants', async () => {
    const { ada, grant, url } = await setup();
    const external = await invitedId(
      await ada.post(url, { emails: ['eve@example.test'], role: 'EXTERNAL', workspaces: [grant('Design', 'MEMBER')] }),
    );
    const owner = { workspaces: [grant('Design', 'OWNER')], version: 1 };
    expect(await refusal(await ada.patch(`${url}/${external}`, owner))).toEqual({
      status: 422,
      code: 'EXTERNAL_CANNOT_OWN',
    });
    const member = await invitedId(
      await ada.post(url, { emails: ['ann@example.test'], role: 'MEMBER', workspaces: [grant('Design', 'OWNER')] }),
    );
    expect(await refusal(await ada.patch(`${url}/${member}`, { role: 'EXTERNAL', version: 1 }))).toEqual({
      status: 422,
      code: 'EXTERNAL_CANNOT_OWN',
    });
  });

  it('refuses an approval that would, whichever side set the role and the grant', async () => {
    const { org, ada, olga, grant } = await setup();
    const asked = await requestInvitation(olga, org.id, 'eve@example.test', {
      role: 'EXTERNAL',
      workspaces: [grant('Design', 'MEMBER')],
    });
    const adjusted = { workspaces: [grant('Design', 'OWNER')], version: 1 };
    expect(await refusal(await ada.post(`${requestsUrl(org.id, asked)}/approve`, adjusted))).toEqual({
      status: 422,
      code: 'EXTERNAL_CANNOT_OWN',
    });
    const owner = await requestInvitation(olga, org.id, 'ann@example.test', { workspaces: [grant('Design', 'OWNER')] });
    const asExternal = { role: 'EXTERNAL', version: 1 };
    expect(await refusal(await ada.post(`${requestsUrl(org.id, owner)}/approve`, asExternal))).toEqual({
      status: 422,
      code: 'EXTERNAL_CANNOT_OWN',
    });
    const rows = await invitationRows(t.database.db, org.id);
    expect(rows.map((r) => r.status)).toEqual(['requested', 'requested']);
  });

  it('lands an owner grant written before the rule held as MEMBER when an external accepts', async () => {
    const { ada, grant, url } = await setup();
    const invitee = await createUser(t.database.db, 'Eve Tester');
    const body = { emails: [invitee.email], role: 'EXTERNAL', workspaces: [grant('Design', 'MEMBER')] };
    const id = await invitedId(await ada.post(url, body));
    await t.database.db
      .updateTable('invitation_workspaces')
      .set({ role: 'OWNER' })
      .where('invitation_id', '=', id)
      .execute();
    const link = InvitationLinkSchema.parse(await (await ada.post(`${url}/${id}/link`, {})).json());
    const eve = await t.signIn(invitee.email);
    expect((await eve.post(`/api/invitations/${link.url.split('/invitations/')[1]}/accept`)).status).toBe(200);
    const joined = await t.database.db
      .selectFrom('workspace_members')
      .select('role')
      .where('user_id', '=', invitee.id)
      .execute();
    expect(joined).toEqual([{ role: 'MEMBER' }]);
  });
});

describe('non-admins grant only workspaces they own (R22)', () => {
  it('under "anyone": a member may not grant a workspace they are not in, nor one they only belong to', async () => {
    const { org, linus, olga, grant, url } = await setup({ invitePolicy: 'anyone' });
    const outsider = { emails: ['a@example.test'], role: 'MEMBER', workspaces: [grant('Design', 'OWNER')] };
    expect(await refusal(await linus.post(url, outsider))).toEqual({ status: 403, code: 'FORBIDDEN' });
    const notOwner = { emails: ['b@example.test'], role: 'MEMBER', workspaces: [grant('Ops', 'VIEWER')] };
    expect(await refusal(await olga.post(url, notOwner))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await invitationRows(t.database.db, org.id)).toEqual([]);
    const denied = (await eventRows(t.database.db, org.id)).filter((e) => e.type === 'access.denied');
    expect(denied.map((e) => e.data)).toEqual([
      { action: 'invitation.create', code: 'FORBIDDEN' },
      { action: 'invitation.create', code: 'FORBIDDEN' },
    ]);
  });

  it('under "anyone": a workspace owner may grant their workspace in any role, OWNER included', async () => {
    const { org, olga, grant, url } = await setup({ invitePolicy: 'anyone' });
    const body = { emails: ['c@example.test'], role: 'MEMBER', workspaces: [grant('Design', 'OWNER')] };
    expect((await olga.post(url, body)).status).toBe(200);
    expect(await invitationRows(t.database.db, org.id)).toMatchObject([{ status: 'pending' }]);
  });

  it('holds for requests too, while an admin may grant any workspace', async () => {
    const { org, ada, linus, olga, grant, url } = await setup();
    const body = { emails: ['d@example.test'], role: 'MEMBER', workspaces: [grant('Design', 'MEMBER')] };
    expect(await refusal(await linus.post(url, body))).toEqual({ status: 403, code: 'FORBIDDEN' });
    await requestInvitation(olga, org.id, 'd@example.test', { workspaces: [grant('Design', 'MEMBER')] });
    const admin = { emails: ['e@example.test'], role: 'MEMBER', workspaces: [grant('Ops', 'OWNER')] };
    expect((await ada.post(url, admin)).status).toBe(200);
  });
});
