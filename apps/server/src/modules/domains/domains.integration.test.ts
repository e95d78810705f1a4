import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  JoinSuggestedOrgResponseSchema,
  ListOrgDomainsResponseSchema,
  ListSuggestedOrgsResponseSchema,
  MeSchema,
  OrgDomainResponseSchema,
} from '@roster/contracts';
import { createOrg, createUser, type TestOrg } from '../../../test/factories.ts';
import { mailsTo } from '../../../test/account-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const refusal = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;
const domainOf = async (response: Response) => {
  expect(response.status).toBeLessThan(300);
  return OrgDomainResponseSchema.parse(await response.json()).domain;
};
let n = 0;
/** A domain no other test claims. */
const freshDomain = () => `d${Date.now().toString(36)}${n++}.test`;

/** A verified account whose address is at `domain`. */
async function personAt(domain: string) {
  const user = await createUser(t.database.db, 'Newcomer Person');
  const email = `${user.email.split('@')[0]}@${domain}`;
  await t.database.db.updateTable('users').set({ email }).where('id', '=', user.id).execute();
  return { ...user, email, client: await t.signIn(email) };
}

/** Adds `domain` to the org and opens its mailed link as `opener`: it is then verified. */
async function verifiedDomain(o: TestOrg, admin: ApiClient, domain: string, opener: ApiClient) {
  const added = await domainOf(await admin.post(`/api/orgs/${o.id}/domains`, { domain, verifyEmail: `it@${domain}` }));
  const token = await tokenMailedTo(`it@${domain}`);
  await domainOf(await opener.post(`/api/orgs/${o.id}/domains/${added.id}/verify`, { token }));
  return added;
}

async function tokenMailedTo(address: string): Promise<string> {
  const mails = await mailsTo(t, address);
  const url = /(https?:\/\/\S+\/verify-domain\?\S+)/.exec(mails.at(-1)?.text ?? '')?.[1];
  if (!url) throw new Error(`no verification link mailed to ${address}`);
  return new URL(url).searchParams.get('token')!;
}

const org = (settings = {}) => createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { settings });

describe('org domains', () => {
  it('an admin adds a domain, someone at it opens the mailed link, and it is verified, audited', async () => {
    const o = await org();
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await domainOf(
      await ada.post(`/api/orgs/${o.id}/domains`, { domain: ` ${domain.toUpperCase()} `, verifyEmail: `IT@${domain}` }),
    );
    expect(added).toMatchObject({ domain, status: 'pending', enrollment: 'off', verifyEmail: `it@${domain}` });
    const token = await tokenMailedTo(`it@${domain}`);
    const wrong = await ada.post(`/api/orgs/${o.id}/domains/${added.id}/verify`, { token: `${token}x` });
    expect([wrong.status, (await refusal(wrong)).code]).toEqual([404, 'NOT_FOUND']);

    // The person reading that mailbox need not be in the org.
    const it = await personAt(domain);
    const verified = await domainOf(await it.client.post(`/api/orgs/${o.id}/domains/${added.id}/verify`, { token }));
    expect(verified).toMatchObject({ status: 'verified', version: 2, verifiedAt: expect.any(String) });
    const listed = ListOrgDomainsResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/domains`)).json());
    expect(listed.items).toEqual([verified]);
    const events = await t.database.db
      .selectFrom('events')
      .select(['type', 'actor_id'])
      .where('org_id', '=', o.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { type: 'domain.added', actor_id: o.people.ada!.id },
      { type: 'domain.verified', actor_id: it.id },
    ]);
  });

  it('refuses public mail domains, an address elsewhere, a domain another org verified, and non-admins', async () => {
    const o = await org();
    const [ada, linus] = [await t.signIn(o.people.ada!.email), await t.signIn(o.people.linus!.email)];
    const add = (client: ApiClient, domain: string, verifyEmail: string) =>
      client.post(`/api/orgs/${o.id}/domains`, { domain, verifyEmail });
    const gmail = await add(ada, 'gmail.com', 'me@gmail.com');
    expect([gmail.status, (await refusal(gmail)).code]).toEqual([422, 'PUBLIC_EMAIL_DOMAIN']);
    expect((await refusal(await add(ada, 'mail.gmail.com', 'me@mail.gmail.com'))).code).toBe('PUBLIC_EMAIL_DOMAIN');
    const domain = freshDomain();
    expect((await refusal(await add(ada, domain, 'me@elsewhere.test'))).code).toBe('VALIDATION_FAILED');
    expect((await refusal(await add(ada, 'not a domain', 'me@x.test'))).code).toBe('VALIDATION_FAILED');
    expect((await refusal(await add(linus, domain, `it@${domain}`))).code).toBe('FORBIDDEN');

    const other = await org();
    const otherAda = await t.signIn(other.people.ada!.email);
    await verifiedDomain(other, otherAda, domain, otherAda);
    const taken = await add(ada, domain, `it@${domain}`);
    expect([taken.status, (await refusal(taken)).code]).toEqual([409, 'DOMAIN_TAKEN']);
    expect(ListOrgDomainsResponseSchema.parse(await (await ada.get(`/api/orgs/${o.id}/domains`)).json()).items).toEqual(
      [],
    );
  });

  it('suggest: a verified person at the domain sees the org and joins it as a MEMBER on one click', async () => {
    const o = await org();
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await verifiedDomain(o, ada, domain, ada);
    const newcomer = await personAt(domain);
    const suggested = async (client: ApiClient) =>
      ListSuggestedOrgsResponseSchema.parse(await (await client.get('/api/me/suggested-orgs')).json()).items;
    // Off by default: nothing is offered.
    expect(await suggested(newcomer.client)).toEqual([]);
    const patched = await domainOf(
      await ada.patch(`/api/orgs/${o.id}/domains/${added.id}`, { enrollment: 'suggest', version: 2 }),
    );
    expect(patched).toMatchObject({ enrollment: 'suggest', version: 3 });
    expect(await suggested(newcomer.client)).toEqual([
      { orgId: o.id, orgName: expect.any(String), domain, enrollment: 'suggest', requested: false },
    ]);
    // An account whose address is no longer proven (an email change in progress) is refused.
    const unverified = await personAt(domain);
    await t.database.db.updateTable('users').set({ email_verified: false }).where('id', '=', unverified.id).execute();
    expect(await suggested(unverified.client)).toEqual([]);
    expect((await refusal(await unverified.client.post(`/api/me/suggested-orgs/${o.id}/join`, {}))).code).toBe(
      'EMAIL_NOT_VERIFIED',
    );
    const stranger = await t.signIn((await createUser(t.database.db)).email);
    expect((await refusal(await stranger.post(`/api/me/suggested-orgs/${o.id}/join`, {}))).code).toBe('FORBIDDEN');

    const joined = JoinSuggestedOrgResponseSchema.parse(
      await (await newcomer.client.post(`/api/me/suggested-orgs/${o.id}/join`, {})).json(),
    );
    expect(joined).toEqual({ outcome: 'joined', orgId: o.id });
    const me = MeSchema.parse(await (await newcomer.client.get('/api/me')).json());
    expect(me.organizations).toContainEqual(expect.objectContaining({ id: o.id, role: 'MEMBER', lite: false }));
    expect(await suggested(newcomer.client)).toEqual([]);
    expect((await refusal(await newcomer.client.post(`/api/me/suggested-orgs/${o.id}/join`, {}))).code).toBe(
      'ALREADY_MEMBER',
    );
    const event = await t.database.db
      .selectFrom('events')
      .select(['data'])
      .where('org_id', '=', o.id)
      .where('type', '=', 'member.joined')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ viaDomain: domain, member: { userId: newcomer.id, role: 'MEMBER' } });
  });

  it('request: the click becomes an invite request the admins approve as any other', async () => {
    const o = await org();
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await verifiedDomain(o, ada, domain, ada);
    await domainOf(await ada.patch(`/api/orgs/${o.id}/domains/${added.id}`, { enrollment: 'request', version: 2 }));
    const newcomer = await personAt(domain);
    const ask = async () =>
      JoinSuggestedOrgResponseSchema.parse(
        await (await newcomer.client.post(`/api/me/suggested-orgs/${o.id}/join`, {})).json(),
      );
    expect(await ask()).toEqual({ outcome: 'requested', orgId: o.id });
    expect(await ask()).toEqual({ outcome: 'requested', orgId: o.id });
    const requests = await t.database.db
      .selectFrom('invitations')
      .select(['id', 'email_lower', 'role', 'status'])
      .where('org_id', '=', o.id)
      .execute();
    expect(requests).toEqual([
      { id: expect.any(String), email_lower: newcomer.email.toLowerCase(), role: 'MEMBER', status: 'requested' },
    ]);
    const listed = ListSuggestedOrgsResponseSchema.parse(
      await (await newcomer.client.get('/api/me/suggested-orgs')).json(),
    );
    expect(listed.items[0]).toMatchObject({ enrollment: 'request', requested: true });
    const approved = await ada.post(`/api/orgs/${o.id}/invite-requests/${requests[0]!.id}/approve`, { version: 1 });
    expect(approved.status).toBe(200);
    // Approved, it is an invitation in their inbox, accepted as any other.
    const inbox = (await (await newcomer.client.get('/api/me/invitations')).json()) as { items: { id: string }[] };
    expect(inbox.items.map((i) => i.id)).toEqual([requests[0]!.id]);
    expect((await newcomer.client.post(`/api/me/invitations/${requests[0]!.id}/accept`, {})).status).toBe(200);
  });

  it('two people racing for the last seat: one joins, the other is told the org is full', async () => {
    const o = await org({ memberCap: 3 });
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await verifiedDomain(o, ada, domain, ada);
    await t.database.db.updateTable('org_domains').set({ enrollment: 'suggest' }).where('id', '=', added.id).execute();
    const [first, second] = [await personAt(domain), await personAt(domain)];
    const answers = await Promise.all(
      [first, second].map((p) => p.client.post(`/api/me/suggested-orgs/${o.id}/join`, {})),
    );
    const codes = await Promise.all(answers.map(async (a) => (a.status === 200 ? 'joined' : (await refusal(a)).code)));
    expect(codes.sort()).toEqual(['LIMIT_EXCEEDED', 'joined']);
    const members = await t.database.db
      .selectFrom('org_members')
      .select('user_id')
      .where('org_id', '=', o.id)
      .execute();
    expect(members).toHaveLength(3);
    // Asking holds a seat too (R5): with the org full, no request is made.
    await t.database.db.updateTable('org_domains').set({ enrollment: 'request' }).where('id', '=', added.id).execute();
    const late = await personAt(domain);
    expect((await refusal(await late.client.post(`/api/me/suggested-orgs/${o.id}/join`, {}))).code).toBe(
      'LIMIT_EXCEEDED',
    );
  });

  it('someone already invited is offered their invitation, not a second seat through the domain', async () => {
    const o = await org({ memberCap: 3 });
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await verifiedDomain(o, ada, domain, ada);
    await t.database.db.updateTable('org_domains').set({ enrollment: 'suggest' }).where('id', '=', added.id).execute();
    const invited = await personAt(domain);
    const invitation = await ada.post(`/api/orgs/${o.id}/invitations`, { emails: [invited.email], role: 'ADMIN' });
    expect(CreateInvitationsResponseSchema.parse(await invitation.json()).results[0]!.status).toBe('invited');

    const suggested = ListSuggestedOrgsResponseSchema.parse(
      await (await invited.client.get('/api/me/suggested-orgs')).json(),
    );
    expect(suggested.items.map((s) => s.orgId)).not.toContain(o.id);
    const join = await invited.client.post(`/api/me/suggested-orgs/${o.id}/join`, {});
    expect(join.status).toBe(409);
    expect((await refusal(join)).code).toBe('DUPLICATE_INVITE');
    const member = await t.database.db
      .selectFrom('org_members')
      .select('user_id')
      .where('org_id', '=', o.id)
      .where('user_id', '=', invited.id)
      .executeTakeFirst();
    expect(member).toBeUndefined();
  });

  it('an admin removes a domain: nobody joins through it any more', async () => {
    const o = await org();
    const ada = await t.signIn(o.people.ada!.email);
    const domain = freshDomain();
    const added = await verifiedDomain(o, ada, domain, ada);
    await domainOf(await ada.patch(`/api/orgs/${o.id}/domains/${added.id}`, { enrollment: 'suggest', version: 2 }));
    expect((await ada.delete(`/api/orgs/${o.id}/domains/${added.id}`)).status).toBe(204);
    const newcomer = await personAt(domain);
    expect((await refusal(await newcomer.client.post(`/api/me/suggested-orgs/${o.id}/join`, {}))).code).toBe(
      'FORBIDDEN',
    );
  });
});
