import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  InvitationSchema,
  ListMyInviteRequestsResponseSchema,
} from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { eventRows, refusal } from '../../../test/invitation-helpers.ts';
import { invitationRow, requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function setup() {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
  const [ada, grace, linus] = await Promise.all(['ada', 'grace', 'linus'].map((k) => t.signIn(org.people[k]!.email)));
  const id = await requestInvitation(linus!, org.id, 'ann@example.test');
  return { org, ada: ada!, grace: grace!, linus: linus!, id, url: requestsUrl(org.id, id) };
}

describe('rejecting', () => {
  it('is terminal, keeps the reason, audits it, and never blocks a new invitation for that address', async () => {
    const { org, ada, id, url } = await setup();
    const response = await ada.post(`${url}/reject`, { version: 1, reason: '  Not a customer yet ' });
    expect(response.status).toBe(200);
    expect(InvitationSchema.parse(await response.json())).toMatchObject({ status: 'rejected', version: 2 });
    expect(await invitationRow(t.database.db, id)).toMatchObject({
      status: 'rejected',
      token_hash: null,
      request_outcome: 'rejected',
      request_reason: 'Not a customer yet',
      decided_by: org.people.ada!.id,
    });
    const event = (await eventRows(t.database.db, org.id)).at(-1)!;
    expect(event).toMatchObject({ type: 'invite_request.rejected', target_id: id });
    expect(event.before).toMatchObject({ status: 'requested' });
    expect(event.after).toMatchObject({ status: 'rejected' });
    expect(event.data).toMatchObject({ decision: { outcome: 'rejected', reason: 'Not a customer yet' } });
    const again = await ada.post(`/api/orgs/${org.id}/invitations`, { emails: ['ANN@example.test'], role: 'MEMBER' });
    expect(CreateInvitationsResponseSchema.parse(await again.json()).results[0]).toMatchObject({ status: 'invited' });
  });
});

describe('deciding what was already decided (R15)', () => {
  it('answers ALREADY_DECIDED with who and when, even with a stale version', async () => {
    const { org, ada, grace, id, url } = await setup();
    expect((await grace.post(`${url}/approve`, { version: 1 })).status).toBe(200);
    for (const attempt of [`${url}/approve`, `${url}/reject`]) {
      const response = await ada.post(attempt, { version: 1 });
      expect(response.status).toBe(409);
      const { error } = ErrorBodySchema.parse(await response.json());
      expect(error).toMatchObject({
        code: 'ALREADY_DECIDED',
        message: 'Grace Tester already approved this request',
        details: {
          decidedBy: { id: org.people.grace!.id, name: 'Grace Tester' },
          decidedAt: t.clock.now().toISOString(),
          status: 'pending',
        },
      });
    }
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'pending', version: 2 });
  });

  it('answers VERSION_CONFLICT only when the request is still waiting but was edited', async () => {
    const { org, ada, grace, id, url } = await setup();
    expect((await grace.patch(`/api/orgs/${org.id}/invitations/${id}`, { role: 'EXTERNAL', version: 1 })).status).toBe(
      200,
    );
    const stale = await ada.post(`${url}/approve`, { version: 1 });
    expect(await refusal(stale)).toEqual({ status: 409, code: 'VERSION_CONFLICT' });
    expect(await invitationRow(t.database.db, id)).toMatchObject({ status: 'requested', role: 'EXTERNAL', version: 2 });
    expect((await ada.post(`${url}/approve`, { version: 2 })).status).toBe(200);
  });
});

describe('my requests', () => {
  it('shows the member their own requests in any state, per org or across orgs, and nobody else’s', async () => {
    const { org, ada, linus, id, url } = await setup();
    const other = await createOrg(t.database.db, { zed: 'ADMIN' });
    await t.database.db
      .insertInto('org_members')
      .values({
        org_id: other.id,
        user_id: org.people.linus!.id,
        role: 'MEMBER',
        name: 'Linus Tester',
        email: org.people.linus!.email,
        joined_at: new Date(),
      })
      .execute();
    const elsewhere = await requestInvitation(linus, other.id, 'bob@example.test');
    await ada.post(`${url}/reject`, { version: 1, reason: 'No budget' });
    const mine = async (query = '') =>
      ListMyInviteRequestsResponseSchema.parse(await (await linus.get(`/api/me/invite-requests${query}`)).json()).items;
    expect(await mine(`?orgId=${org.id}`)).toEqual([
      expect.objectContaining({
        id,
        orgId: org.id,
        email: 'ann@example.test',
        status: 'rejected',
        outcome: 'rejected',
        decidedBy: { id: org.people.ada!.id, name: 'Ada Tester' },
        decidedAt: t.clock.now().toISOString(),
        reason: 'No budget',
      }),
    ]);
    expect((await mine()).map((r) => [r.id, r.status])).toEqual(
      expect.arrayContaining([
        [id, 'rejected'],
        [elsewhere, 'requested'],
      ]),
    );
    expect(
      ListMyInviteRequestsResponseSchema.parse(await (await ada.get('/api/me/invite-requests')).json()).items,
    ).toEqual([]);
    expect(await refusal(await t.server.app.request('/api/me/invite-requests'))).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });
});
