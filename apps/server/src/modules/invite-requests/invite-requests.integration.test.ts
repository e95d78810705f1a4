import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  DevMailboxResponseSchema,
  ErrorBodySchema,
  InvitationSchema,
  ListInviteRequestsResponseSchema,
  type OrgSettings,
} from '@roster/contracts';
import { createOrg, grantWorkspace } from '../../../test/factories.ts';
import { eventRows, headSeq, refusal, tokenIn } from '../../../test/invitation-helpers.ts';
import { invitationRow, outboxRows, requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const hour = 3_600_000;

/** Ada and Grace administer; Linus (a member who owns Design, under the default members_request) asks to invite Ann. */
async function setup(settings: Partial<OrgSettings> = { inviteTtlHours: 24 }) {
  const org = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' },
    { settings, workspaces: ['Design', 'Ops'] },
  );
  // A member grants only workspaces they own (R22).
  await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.linus!.id, 'OWNER');
  const [ada, grace, linus] = await Promise.all(['ada', 'grace', 'linus'].map((k) => t.signIn(org.people[k]!.email)));
  const workspaces = [{ workspaceId: org.workspaces.Design!, role: 'MEMBER' as const }];
  const id = await requestInvitation(linus!, org.id, 'Ann@Example.test', { workspaces });
  return { org, ada: ada!, grace: grace!, linus: linus!, id, url: requestsUrl(org.id, id) };
}

describe('listing requests (R1)', () => {
  it('shows admins the waiting requests with requester, terms and the seq read before the rows', async () => {
    const { org, ada, linus, id } = await setup();
    const response = await ada.get(requestsUrl(org.id));
    expect(response.status).toBe(200);
    const list = ListInviteRequestsResponseSchema.parse(await response.json());
    expect(list.items).toEqual([
      expect.objectContaining({
        id,
        email: 'Ann@Example.test',
        role: 'MEMBER',
        version: 1,
        requestedBy: { id: org.people.linus!.id, name: 'Linus Tester' },
        workspaces: [{ id: org.workspaces.Design!, name: 'Design', role: 'MEMBER' }],
      }),
    ]);
    expect(list.seq).toBe(await headSeq(t.database.db, org.id));
    expect(list.seats).toEqual({ used: 4, limit: null });
    expect(await refusal(await linus.get(requestsUrl(org.id)))).toEqual({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('approving', () => {
  it('turns the request into a pending invitation: token, TTL from now, mail, audit, seq', async () => {
    const { org, ada, id, url } = await setup();
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'requested', token_hash: null });
    const seqBefore = await headSeq(t.database.db, org.id);
    t.clock.advance(hour);
    const response = await ada.post(`${url}/approve`, { version: 1 });
    expect(response.status).toBe(200);
    expect(InvitationSchema.parse(await response.json())).toMatchObject({ id, status: 'pending', version: 2 });
    const row = await invitationRow(t.database.db, id);
    expect(row).toMatchObject({
      status: 'pending',
      request_outcome: 'approved',
      request_decided_by: org.people.ada!.id,
    });
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(row.expires_at!).getTime()).toBe(t.clock.now().getTime() + 24 * hour);
    const [mail] = await outboxRows(t.database.db, id);
    expect(mail).toMatchObject({ state: 'queued', id: row.outbox_id });
    expect(await headSeq(t.database.db, org.id)).toBe(seqBefore + 1);
    const event = (await eventRows(t.database.db, org.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'invite_request.approved', seq: seqBefore + 1, target_id: id });
    expect(event.before).toMatchObject({ status: 'requested', version: 1 });
    expect(event.after).toMatchObject({ status: 'pending', version: 2 });
    expect(event.data).toMatchObject({ decision: { outcome: 'approved', decidedBy: { name: 'Ada Tester' } } });
    // The mailed link works like any invitation's.
    await t.server.mail.worker.drain();
    const box = DevMailboxResponseSchema.parse(await (await t.server.app.request('/api/dev/mailbox')).json());
    const sent = box.items.find((m) => m.to === 'Ann@Example.test')!;
    const view = await t.server.app.request(`/api/invitations/${tokenIn(sent.text)}`);
    expect(await view.json()).toMatchObject({ status: 'pending', inviterName: 'Linus Tester' });
  });

  it('lets the admin adjust role and grants (an admin may make it ADMIN); R11 and workspace ownership apply', async () => {
    const { org, ada, id, url } = await setup();
    const foreign = await createOrg(t.database.db, { zed: 'ADMIN' }, { workspaces: ['Theirs'] });
    const bad = [
      { version: 1, lite: true }, // lite with the proposed MEMBER grant
      { version: 1, workspaces: [{ workspaceId: foreign.workspaces.Theirs!, role: 'VIEWER' }] },
    ];
    for (const body of bad) {
      expect(await refusal(await ada.post(`${url}/approve`, body))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'requested', version: 1 });
    const ops = { workspaceId: org.workspaces.Ops!, role: 'OWNER' as const };
    const response = await ada.post(`${url}/approve`, { version: 1, role: 'ADMIN', workspaces: [ops] });
    expect(InvitationSchema.parse(await response.json())).toMatchObject({
      role: 'ADMIN',
      workspaces: [{ name: 'Ops', role: 'OWNER' }],
    });
    expect(await invitationRow(t.database.db, id)).toMatchObject({ role: 'ADMIN', status: 'pending' });
  });
});

describe('seat cap on approve (R5)', () => {
  it('does not count the request twice: a cap exactly at its seat still approves', async () => {
    const { ada, url } = await setup({ memberCap: 4 }); // Ada, Grace, Linus and the request
    expect((await ada.post(`${url}/approve`, { version: 1 })).status).toBe(200);
  });

  it('refuses a cap lowered below usage with LIMIT_EXCEEDED, changing nothing but the denial audit', async () => {
    const { org, ada, id, url } = await setup({ memberCap: 4 });
    await sql`update organizations set settings = settings || '{"memberCap": 3}'::jsonb where id = ${org.id}`.execute(
      t.database.db,
    );
    const seqBefore = await headSeq(t.database.db, org.id);
    const response = await ada.post(`${url}/approve`, { version: 1 });
    expect(response.status).toBe(409);
    const body = ErrorBodySchema.parse(await response.json());
    expect(body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 3, current: 3, max: 0 } });
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'requested', token_hash: null, version: 1 });
    expect(await outboxRows(t.database.db, id)).toEqual([]);
    expect(await headSeq(t.database.db, org.id)).toBe(seqBefore);
    expect((await eventRows(t.database.db, org.id)).at(-1)).toMatchObject({
      type: 'access.denied',
      seq: null,
      data: { action: 'invite_request.approve', code: 'LIMIT_EXCEEDED' },
    });
  });
});

describe('refusals', () => {
  it('refuses members (403), unknown ids and plain invitations (404), bad bodies (422)', async () => {
    const { org, ada, linus, id, url } = await setup();
    expect(await refusal(await linus.post(`${url}/approve`, { version: 1 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await refusal(await linus.post(`${url}/reject`, { version: 1 }))).toEqual({
      status: 403,
      code: 'FORBIDDEN',
    });
    expect(await refusal(await ada.post(`${requestsUrl(org.id, 'nope')}/approve`, { version: 1 }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const direct = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: ['bob@example.test'], role: 'MEMBER' });
    const directId = CreateInvitationsResponseSchema.parse(await direct.json()).results[0]!.invitationId!;
    expect(await refusal(await ada.post(`${requestsUrl(org.id, directId)}/reject`, { version: 1 }))).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const badBodies: unknown[] = [{}, { version: 'one' }, { version: 1, role: 'OWNER' }, { version: 1, lite: 'yes' }];
    for (const body of badBodies) {
      expect(await refusal(await ada.post(`${url}/approve`, body))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    expect(await refusal(await ada.post(`${url}/approve`, '{not json'))).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    const tooLong = { version: 1, reason: 'x'.repeat(501) };
    expect(await refusal(await ada.post(`${url}/reject`, tooLong))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    expect(await refusal(await ada.get(`${requestsUrl(org.id)}?limit=0`))).toEqual({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'requested', version: 1 });
  });
});
