import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateInvitationsResponseSchema, InvitationLinkSchema } from '@roster/contracts';
import { createOrg, createUser } from '../../../test/factories.ts';
import { invitationRows, refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

// Truly concurrent requests at the real app: the org lock (and the partial unique index under
// it) must serialize them.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('invitation races', () => {
  it('two admins inviting the same address at once make one invitation (R4)', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = `/api/orgs/${org.id}/invitations`;
    const responses = await Promise.all([
      ada.post(url, { emails: ['same@example.test'], role: 'MEMBER' }),
      grace.post(url, { emails: ['Same@Example.test'], role: 'ADMIN' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const statuses = await Promise.all(
      responses.map(async (r) => CreateInvitationsResponseSchema.parse(await r.json()).results[0]!.status),
    );
    expect(statuses.sort()).toEqual(['duplicate', 'invited']);
    expect(await invitationRows(t.database.db, org.id)).toHaveLength(1);
  });

  it('two concurrent accepts of one invitation make one membership', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    const invitee = await createUser(t.database.db);
    const created = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: [invitee.email], role: 'ADMIN' });
    const id = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
    const link = InvitationLinkSchema.parse(
      await (await ada.post(`/api/orgs/${org.id}/invitations/${id}/link`, {})).json(),
    );
    const token = link.url.split('/invitations/')[1]!;
    const [first, second] = [await t.signIn(invitee.email), await t.signIn(invitee.email)];
    const responses = await Promise.all([
      first.post(`/api/invitations/${token}/accept`),
      second.post(`/api/me/invitations/${id}/accept`),
      first.post(`/api/invitations/${token}/accept`),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect((await refusal(refused)).code).toBe('ALREADY_DECIDED');
    }
    const memberships = await t.database.db
      .selectFrom('org_members')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('user_id', '=', invitee.id)
      .execute();
    expect(memberships).toHaveLength(1);
    const joined = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', org.id)
      .where('type', '=', 'member.joined')
      .execute();
    expect(joined).toHaveLength(1);
  });

  it('the last seat taken twice at once: one invitation, one LIMIT_EXCEEDED (R5)', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' }, { settings: { memberCap: 3 } });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = `/api/orgs/${org.id}/invitations`;
    const responses = await Promise.all([
      ada.post(url, { emails: ['a@example.test'], role: 'MEMBER' }),
      grace.post(url, { emails: ['b@example.test'], role: 'MEMBER' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await refusal(responses.find((r) => r.status === 409)!)).toEqual({ status: 409, code: 'LIMIT_EXCEEDED' });
    expect(await invitationRows(t.database.db, org.id)).toHaveLength(1);
  });
});
