import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AcceptInvitationResponseSchema,
  CreateInvitationsResponseSchema,
  InvitationLinkSchema,
  ListMyInvitationsResponseSchema,
  PublicInvitationSchema,
  defaultOrgSettings,
  type OrgRole,
} from '@roster/contracts';
import { jsonb } from '../../db/json.ts';
import { insertMemberships } from '../../db/seed-helpers.ts';
import { createOrg, createUser, type TestOrg } from '../../../test/factories.ts';
import { eventRows, refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const day = 86_400_000;

interface Invited {
  org: TestOrg;
  ada: ApiClient;
  id: string;
  token: string;
  invitee: { id: string; email: string; name: string };
}

/** An org, a person with an account, and a live invitation link for their address. */
async function invite(options: { role?: OrgRole; lite?: boolean; emailCase?: 'upper' } = {}): Promise<Invited> {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design', 'Ops'] });
  const ada = await t.signIn(org.people.ada!.email);
  const invitee = await createUser(t.database.db, 'Ann Invitee');
  const email = options.emailCase === 'upper' ? invitee.email.toUpperCase() : invitee.email;
  const created = await ada.post(`/api/orgs/${org.id}/invitations`, {
    emails: [email],
    role: options.role ?? 'MEMBER',
    lite: options.lite ?? false,
    workspaces: [
      { workspaceId: org.workspaces.Design!, role: options.lite ? 'VIEWER' : 'OWNER' },
      { workspaceId: org.workspaces.Ops!, role: 'VIEWER' },
    ],
  });
  const id = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
  const link = InvitationLinkSchema.parse(
    await (await ada.post(`/api/orgs/${org.id}/invitations/${id}/link`, {})).json(),
  );
  return { org, ada, id, token: link.url.split('/invitations/')[1]!, invitee };
}

const membership = (orgId: string, userId: string) =>
  t.database.db
    .selectFrom('org_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
const status = async (id: string) =>
  (await t.database.db.selectFrom('invitations').select('status').where('id', '=', id).executeTakeFirstOrThrow())
    .status;

describe('the public invitation page', () => {
  it('names org, inviter and role, and shows the address to the signed-out link holder and its owner, not to another account', async () => {
    const { token, invitee } = await invite();
    const anonymous = PublicInvitationSchema.parse(
      await (await t.server.app.request(`/api/invitations/${token}`)).json(),
    );
    expect(anonymous).toMatchObject({
      inviterName: 'Ada Tester',
      role: 'MEMBER',
      status: 'pending',
      email: invitee.email,
      matchesSignedInUser: false,
      signedIn: false,
    });
    const owner = await t.signIn(invitee.email);
    expect(PublicInvitationSchema.parse(await (await owner.get(`/api/invitations/${token}`)).json())).toMatchObject({
      email: invitee.email,
      matchesSignedInUser: true,
      signedIn: true,
    });
    const other = await t.signIn((await createUser(t.database.db)).email);
    expect(await (await other.get(`/api/invitations/${token}`)).json()).toMatchObject({ email: null, signedIn: true });
    for (const bad of ['x'.repeat(43), 'short', `${token}x`]) {
      expect(await refusal(await t.server.app.request(`/api/invitations/${bad}`))).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });
});

describe('accepting', () => {
  it('applies the role, lite flag and every grant at once, uses the link up and audits both events', async () => {
    const { org, id, token, invitee } = await invite({ role: 'EXTERNAL', lite: true, emailCase: 'upper' });
    const client = await t.signIn(invitee.email);
    const response = await client.post(`/api/invitations/${token}/accept`);
    expect(response.status).toBe(200);
    expect(AcceptInvitationResponseSchema.parse(await response.json())).toEqual({
      orgId: org.id,
      role: 'EXTERNAL',
      alreadyMember: false,
    });
    expect(await membership(org.id, invitee.id)).toMatchObject({ role: 'EXTERNAL', lite: true });
    const grants = await t.database.db
      .selectFrom('workspace_members')
      .select(['workspace_id', 'role'])
      .where('user_id', '=', invitee.id)
      .execute();
    expect(grants.sort((a, b) => a.workspace_id.localeCompare(b.workspace_id))).toEqual(
      [
        { workspace_id: org.workspaces.Design!, role: 'VIEWER' },
        { workspace_id: org.workspaces.Ops!, role: 'VIEWER' },
      ].sort((a, b) => a.workspace_id.localeCompare(b.workspace_id)),
    );
    expect(await status(id)).toBe('accepted');
    const events = (await eventRows(t.database.db, org.id)).slice(-2);
    expect(events.map((e) => [e.type, e.actor_id])).toEqual([
      ['member.joined', invitee.id],
      ['invitation.accepted', invitee.id],
    ]);
    const view = await t.server.app.request(`/api/invitations/${token}`);
    expect(PublicInvitationSchema.parse(await view.json()).status).toBe('accepted');
    const again = await client.post(`/api/invitations/${token}/accept`);
    expect(await refusal(again)).toEqual({ status: 409, code: 'ALREADY_DECIDED' });
  });

  it('refuses another account with INVITE_WRONG_RECIPIENT and anyone signed out with 401, changing nothing', async () => {
    const { org, id, token } = await invite();
    const stranger = await createUser(t.database.db);
    const client = await t.signIn(stranger.email);
    expect(await refusal(await client.post(`/api/invitations/${token}/accept`))).toEqual({
      status: 403,
      code: 'INVITE_WRONG_RECIPIENT',
    });
    expect(await refusal(await client.post(`/api/invitations/${token}/decline`))).toEqual({
      status: 403,
      code: 'INVITE_WRONG_RECIPIENT',
    });
    const signedOut = await t.server.app.request(`/api/invitations/${token}/accept`, {
      method: 'POST',
      headers: { origin: t.server.url },
    });
    expect(await refusal(signedOut)).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect(await membership(org.id, stranger.id)).toBeUndefined();
    expect(await status(id)).toBe('pending');
  });

  it('answers an expired link with INVITE_EXPIRED and a revoked one with INVITE_REVOKED (R7)', async () => {
    const expired = await invite();
    t.clock.advance(7 * day + 1);
    const expiredClient = await t.signIn(expired.invitee.email);
    expect(await refusal(await expiredClient.post(`/api/invitations/${expired.token}/accept`))).toEqual({
      status: 410,
      code: 'INVITE_EXPIRED',
    });
    expect(await refusal(await t.server.app.request(`/api/invitations/${expired.token}`))).toEqual({
      status: 410,
      code: 'INVITE_EXPIRED',
    });
    expect(await membership(expired.org.id, expired.invitee.id)).toBeUndefined();

    const revoked = await invite();
    const version = (
      await t.database.db
        .selectFrom('invitations')
        .select('version')
        .where('id', '=', revoked.id)
        .executeTakeFirstOrThrow()
    ).version;
    await revoked.ada.post(`/api/orgs/${revoked.org.id}/invitations/${revoked.id}/revoke`, { version });
    const revokedClient = await t.signIn(revoked.invitee.email);
    expect(await refusal(await revokedClient.post(`/api/invitations/${revoked.token}/accept`))).toEqual({
      status: 410,
      code: 'INVITE_REVOKED',
    });
  });

  it('keeps the existing role of someone who is already a member, and uses the invitation up', async () => {
    const { org, id, token, invitee } = await invite({ role: 'ADMIN' });
    await insertMemberships(t.database.db, org.id, [
      { userId: invitee.id, name: invitee.name, email: invitee.email, role: 'MEMBER', joinedAt: new Date() },
    ]);
    const client = await t.signIn(invitee.email);
    const response = await client.post(`/api/invitations/${token}/accept`);
    expect(AcceptInvitationResponseSchema.parse(await response.json())).toEqual({
      orgId: org.id,
      role: 'MEMBER',
      alreadyMember: true,
    });
    expect(await membership(org.id, invitee.id)).toMatchObject({ role: 'MEMBER', version: 1 });
    expect(await status(id)).toBe('accepted');
    expect((await eventRows(t.database.db, org.id)).map((e) => e.type)).not.toContain('member.joined');
  });

  it('re-checks the seat cap: a cap lowered below usage refuses with LIMIT_EXCEEDED (R5)', async () => {
    const { org, id, token, invitee } = await invite();
    await t.database.db
      .updateTable('organizations')
      .set({ settings: jsonb({ ...defaultOrgSettings, memberCap: 2 }) })
      .where('id', '=', org.id)
      .execute();
    const client = await t.signIn(invitee.email);
    expect(await refusal(await client.post(`/api/invitations/${token}/accept`))).toEqual({
      status: 409,
      code: 'LIMIT_EXCEEDED',
    });
    expect(await membership(org.id, invitee.id)).toBeUndefined();
    expect(await status(id)).toBe('pending');
  });
});

describe('the invitee inbox', () => {
  it('lists live invitations across orgs by address, and accepts or declines them by id', async () => {
    const first = await invite();
    const other = await createOrg(t.database.db, { zed: 'ADMIN' });
    const zed = await t.signIn(other.people.zed!.email);
    const second = await zed.post(`/api/orgs/${other.id}/invitations`, {
      emails: [first.invitee.email],
      role: 'ADMIN',
    });
    const secondId = CreateInvitationsResponseSchema.parse(await second.json()).results[0]!.invitationId!;
    const client = await t.signIn(first.invitee.email);
    const inbox = ListMyInvitationsResponseSchema.parse(await (await client.get('/api/me/invitations')).json());
    expect(inbox.items.map((i) => [i.id, i.orgId, i.inviterName]).sort()).toEqual(
      [
        [first.id, first.org.id, 'Ada Tester'],
        [secondId, other.id, 'Zed Tester'],
      ].sort(),
    );
    const stranger = await t.signIn((await createUser(t.database.db)).email);
    expect(await refusal(await stranger.post(`/api/me/invitations/${secondId}/accept`))).toEqual({
      status: 403,
      code: 'INVITE_WRONG_RECIPIENT',
    });
    expect((await client.post(`/api/me/invitations/${secondId}/decline`)).status).toBe(204);
    expect(await status(secondId)).toBe('declined');
    expect(await membership(other.id, first.invitee.id)).toBeUndefined();
    const accepted = await client.post(`/api/me/invitations/${first.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(await membership(first.org.id, first.invitee.id)).toMatchObject({ role: 'MEMBER' });
    expect(ListMyInvitationsResponseSchema.parse(await (await client.get('/api/me/invitations')).json()).items).toEqual(
      [],
    );
    expect(await refusal(await client.post('/api/me/invitations/nope/accept'))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
  });
});
