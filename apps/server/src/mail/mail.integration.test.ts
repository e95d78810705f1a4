import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  DevMailboxResponseSchema,
  ListInvitationsResponseSchema,
} from '@roster/contracts';
import { createOrg, createUser } from '../../test/factories.ts';
import { refusal, startSmtp, tokenIn, wholeDatabaseText, type TestSmtp } from '../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';
import { hashInvitationToken } from '../modules/invitations/invitation-token.ts';

async function inviteSomeone(t: TestServer) {
  const org = await createOrg(t.database.db, { ada: 'ADMIN' });
  const ada = await t.signIn(org.people.ada!.email);
  const invitee = await createUser(t.database.db, 'Ann Invitee');
  const response = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: [invitee.email], role: 'MEMBER' });
  const id = CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.invitationId!;
  return { org, ada, invitee, id };
}

const invitation = (t: TestServer, id: string) =>
  t.database.db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const deliveryEvents = (t: TestServer, orgId: string) =>
  t.database.db
    .selectFrom('events')
    .select(['seq', 'data'])
    .where('org_id', '=', orgId)
    .where('type', '=', 'invitation.delivery_changed')
    .orderBy('seq')
    .execute();

describe('through a real SMTP server', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestServer({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails the link after commit; the invitee follows it and joins; the token rests nowhere in clear', async () => {
    const { org, invitee, id } = await inviteSomeone(t);
    await t.server.mail.worker.drain();
    const mail = smtp.mails.find((m) => m.to.includes(invitee.email));
    expect(mail).toBeDefined();
    expect(mail!.raw).toContain('Ada Tester invited you to join');
    expect(mail!.raw).toContain('as Member');
    expect(mail!.raw).toMatch(/expires on/);
    const token = tokenIn(mail!.raw);
    expect(await invitation(t, id)).toMatchObject({
      delivery_state: 'sent',
      delivery_attempts: 1,
      token_hash: hashInvitationToken(token),
    });
    expect((await deliveryEvents(t, org.id)).map((e) => e.data)).toEqual([
      { invitationId: id, delivery: { state: 'sent', attempts: 1, lastError: null } },
    ]);
    const stored = await wholeDatabaseText(t.database.db);
    expect(stored).not.toContain(token);
    expect(stored).toContain(hashInvitationToken(token));

    const client = await t.signIn(invitee.email);
    expect((await client.get(`/api/invitations/${token}`)).status).toBe(200);
    expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
    const member = await t.database.db
      .selectFrom('org_members')
      .select('role')
      .where('org_id', '=', org.id)
      .where('user_id', '=', invitee.id)
      .executeTakeFirst();
    expect(member).toEqual({ role: 'MEMBER' });
  });

  it('has no dev mailbox while SMTP is configured', async () => {
    expect(await refusal(await t.server.app.request('/api/dev/mailbox'))).toEqual({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('through an SMTP server that refuses', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    smtp = await startSmtp({ reject: true });
    t = await startTestServer({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('retries with backoff on the injected clock, then marks the mail failed and keeps the invitation', async () => {
    const { org, ada, id } = await inviteSomeone(t);
    await t.server.mail.worker.drain();
    expect(await invitation(t, id)).toMatchObject({ delivery_state: 'queued', delivery_attempts: 1 });
    await t.server.mail.worker.drain();
    expect((await invitation(t, id)).delivery_attempts).toBe(1); // the retry is not due yet
    t.clock.advance(1_000);
    await t.server.mail.worker.drain();
    expect(await invitation(t, id)).toMatchObject({ delivery_state: 'queued', delivery_attempts: 2 });
    t.clock.advance(5_000);
    await t.server.mail.worker.drain();
    const failed = await invitation(t, id);
    expect(failed).toMatchObject({ status: 'pending', delivery_state: 'failed', delivery_attempts: 3 });
    expect(failed.delivery_error).toMatch(/550|unavailable/);
    const states = (await deliveryEvents(t, org.id)).map(
      (e) => (e.data as { delivery: { state: string } }).delivery.state,
    );
    expect(states).toEqual(['queued', 'queued', 'failed']);
    const page = ListInvitationsResponseSchema.parse(await (await ada.get(`/api/orgs/${org.id}/invitations`)).json());
    expect(page.items[0]).toMatchObject({ id, status: 'pending', delivery: { state: 'failed', attempts: 3 } });
    const outbox = await t.database.db.selectFrom('outbox').selectAll().where('invitation_id', '=', id).execute();
    expect(outbox).toMatchObject([{ state: 'failed', attempts: 3 }]);
    expect(outbox[0]!.payload).not.toHaveProperty('sealedToken');
    expect(smtp.mails).toEqual([]);
  });
});

describe('without SMTP: the dev mailbox', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('keeps the latest mails for the dev page, with a link that works', async () => {
    const { invitee, id } = await inviteSomeone(t);
    await t.server.mail.worker.drain();
    const response = await t.server.app.request('/api/dev/mailbox');
    expect(response.status).toBe(200);
    const { items } = DevMailboxResponseSchema.parse(await response.json());
    expect(items[0]).toMatchObject({ to: invitee.email, subject: expect.stringContaining('invited you') });
    const token = tokenIn(items[0]!.text);
    expect((await invitation(t, id)).token_hash).toBe(hashInvitationToken(token));
    const client = await t.signIn(invitee.email);
    expect((await client.post(`/api/invitations/${token}/accept`)).status).toBe(200);
  });
});
