import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  InvitationLinkSchema,
  InvitationSchema,
  type OrgSettings,
} from '@roster/contracts';
import { createOrg, type TestOrg } from '../../../test/factories.ts';
import { linkIn, mailsTo } from '../../../test/account-helpers.ts';
import { eventRows, refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';
import { hashInvitationToken } from './invitation-token.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const day = 86_400_000;
const base = (org: TestOrg) => `/api/orgs/${org.id}/invitations`;

async function setup(settings: Partial<OrgSettings> = { inviteTtlHours: 24 }) {
  const org = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' },
    { settings, workspaces: ['Design'] },
  );
  const ada = await t.signIn(org.people.ada!.email);
  const response = await ada.post(base(org), { emails: ['ann@example.test'], role: 'MEMBER' });
  const id = CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.invitationId!;
  await t.server.mail.worker.drain();
  return { org, ada, id, url: `${base(org)}/${id}` };
}

const row = (id: string) =>
  t.database.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function linkOf(client: ApiClient, url: string) {
  const response = await client.post(`${url}/link`, {});
  expect(response.status).toBe(200);
  return InvitationLinkSchema.parse(await response.json());
}
const tokenOf = (url: string) => url.split('/invitations/')[1]!;

describe('resend and renew (R6)', () => {
  it('issues a new token, kills the old one, restarts the TTL and queues a new mail; not twice a minute', async () => {
    const { ada, id, url } = await setup();
    const oldHash = (await row(id)).token_hash;
    const tooSoon = await ada.post(`${url}/resend`, { version: 1 });
    expect(await refusal(tooSoon)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    t.clock.advance(3_600_000);
    const response = await ada.post(`${url}/resend`, { version: 1 });
    expect(response.status).toBe(200);
    expect(InvitationSchema.parse(await response.json())).toMatchObject({ status: 'pending', version: 2 });
    const after = await row(id);
    expect(after.token_hash).not.toBe(oldHash);
    expect(new Date(after.expires_at!).getTime()).toBe(t.clock.now().getTime() + day);
    const mails = await t.database.db.selectFrom('outbox').select('id').where('invitation_id', '=', id).execute();
    expect(mails).toHaveLength(2);
    expect(after.outbox_id).toBe(mails.find((m) => m.id === after.outbox_id)?.id);
    expect(await refusal(await ada.post(`${url}/resend`, { version: 2 }))).toEqual({
      status: 429,
      code: 'RATE_LIMITED',
    });
  });

  it('renews an expired invitation back to pending', async () => {
    const { org, ada, id, url } = await setup();
    t.clock.advance(day + 1);
    const renewed = await ada.post(`${url}/renew`, { version: 1 });
    expect(renewed.status).toBe(200);
    expect(InvitationSchema.parse(await renewed.json())).toMatchObject({ status: 'pending', version: 2 });
    expect(await row(id)).toMatchObject({ status: 'pending', version: 2 });
    expect((await eventRows(t.database.db, org.id)).map((e) => e.type)).toEqual([
      'invitation.created',
      'invitation.renewed',
    ]);
  });

  it('hands an admin a fresh link without mail; the mailed link keeps working, a copied one is replaced; audited', async () => {
    const { org, ada, id, url } = await setup();
    const mailsBefore = await mailsTo(t, 'ann@example.test'); // other tests invite Ann too
    const mailed = linkIn(mailsBefore.at(-1), t.server.url);
    const first = await linkOf(ada, url);
    const second = await linkOf(ada, url);
    expect(first.url).toMatch(new RegExp(`^${t.server.url}/invitations/[A-Za-z0-9_-]{43}$`));
    expect((await row(id)).link_token_hash).toBe(hashInvitationToken(tokenOf(second.url)));
    expect(await refusal(await t.server.app.request(`/api/invitations/${tokenOf(first.url)}`))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect((await t.server.app.request(`/api/invitations/${tokenOf(second.url)}`)).status).toBe(200);
    expect((await t.server.app.request(`/api/invitations/${tokenOf(mailed)}`)).status).toBe(200);
    // The mail that carried the first link was sent and stays the invitation's delivery.
    expect(second.invitation).toMatchObject({ version: 3, delivery: { state: 'sent' } });
    expect(await mailsTo(t, 'ann@example.test')).toHaveLength(mailsBefore.length);
    expect((await eventRows(t.database.db, org.id)).map((e) => e.type)).toEqual([
      'invitation.created',
      'invitation.link_issued',
      'invitation.link_issued',
    ]);
    const linus = await t.signIn(org.people.linus!.email);
    expect(await refusal(await linus.post(`${url}/link`, {}))).toEqual({ status: 403, code: 'FORBIDDEN' });
    const crossSite = await ada.request('POST', `${url}/link`, {}, { origin: 'https://evil.example' });
    expect(await refusal(crossSite)).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('revoke', () => {
  it('kills both links at once, cancels queued mail and cannot be undone', async () => {
    const { org, ada, id, url } = await setup();
    const mailed = linkIn((await mailsTo(t, 'ann@example.test')).at(-1), t.server.url);
    const { url: link } = await linkOf(ada, url);
    const response = await ada.post(`${url}/revoke`, { version: 2 });
    expect(response.status).toBe(200);
    expect(InvitationSchema.parse(await response.json())).toMatchObject({ status: 'revoked', version: 3 });
    expect(await row(id)).toMatchObject({ status: 'revoked', decided_by: org.people.ada!.id });
    for (const revoked of [link, mailed])
      expect(await refusal(await t.server.app.request(`/api/invitations/${tokenOf(revoked)}`))).toEqual({
        status: 410,
        code: 'INVITE_REVOKED',
      });
    expect(await refusal(await ada.post(`${url}/revoke`, { version: 3 }))).toEqual({
      status: 409,
      code: 'ALREADY_DECIDED',
    });
    expect(await refusal(await ada.post(`${url}/resend`, { version: 3 }))).toEqual({
      status: 409,
      code: 'ALREADY_DECIDED',
    });
  });

  it('refuses members and unknown ids', async () => {
    const { org, ada, url } = await setup();
    const linus = await t.signIn(org.people.linus!.email);
    expect(await refusal(await linus.post(`${url}/revoke`, { version: 1 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await refusal(await ada.post(`${base(org)}/nope/revoke`, { version: 1 }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await refusal(await ada.post(`${url}/revoke`, {}))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
  });
});

describe('editing an invitation', () => {
  it('changes role, lite and grants of a pending invitation, versioned', async () => {
    const { org, ada, id, url } = await setup();
    const response = await ada.patch(url, {
      role: 'EXTERNAL',
      lite: true,
      workspaces: [{ workspaceId: org.workspaces.Design!, role: 'VIEWER' }],
      version: 1,
    });
    expect(response.status).toBe(200);
    expect(InvitationSchema.parse(await response.json())).toMatchObject({
      role: 'EXTERNAL',
      lite: true,
      version: 2,
      workspaces: [{ name: 'Design', role: 'VIEWER' }],
      lastChange: { by: { name: 'Ada Tester' } },
    });
    expect(await row(id)).toMatchObject({ role: 'EXTERNAL', lite: true, version: 2 });
    const tooMuch = await ada.patch(url, {
      workspaces: [{ workspaceId: org.workspaces.Design!, role: 'OWNER' }],
      version: 2,
    });
    expect(await refusal(tooMuch)).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('answers a stale version with VERSION_CONFLICT, the current row and who changed it', async () => {
    const { org, ada, id, url } = await setup();
    const grace = await t.signIn(org.people.grace!.email);
    expect((await grace.patch(url, { role: 'ADMIN', version: 1 })).status).toBe(200);
    const stale = await ada.patch(url, { role: 'EXTERNAL', version: 1 });
    expect(stale.status).toBe(409);
    const body = ErrorBodySchema.parse(await stale.json());
    expect(body.error.code).toBe('VERSION_CONFLICT');
    expect(body.error.details).toMatchObject({
      current: { role: 'ADMIN', version: 2 },
      changedBy: { name: 'Grace Tester' },
    });
    expect(await row(id)).toMatchObject({ role: 'ADMIN', version: 2 });
    expect(await refusal(await ada.post(`${url}/revoke`, { version: 1 }))).toEqual({
      status: 409,
      code: 'VERSION_CONFLICT',
    });
  });
});

describe('expiry sweeper', () => {
  it('marks pending invitations past expiry as expired through the mutation path', async () => {
    const { org, id } = await setup();
    await t.server.expirySweeper.sweep(); // whatever earlier tests left behind
    expect(await row(id)).toMatchObject({ status: 'pending' });
    t.clock.advance(day + 1);
    expect(await t.server.expirySweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ status: 'expired', version: 1 });
    const events = await eventRows(t.database.db, org.id);
    expect(events.at(-1)).toMatchObject({ type: 'invitation.expired', actor_id: 'system', target_id: id });
    expect(events.at(-1)!.seq).toBeGreaterThan(1);
  });
});
