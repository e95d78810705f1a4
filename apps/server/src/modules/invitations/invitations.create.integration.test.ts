import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  ListInvitationsResponseSchema,
  type OrgSettings,
} from '@roster/contracts';
import { createOrg, createUser, type TestOrg } from '../../../test/factories.ts';
import { eventRows, headSeq, invitationRows, refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const invitations = (org: TestOrg) => `/api/orgs/${org.id}/invitations`;
const day = 86_400_000;

async function orgWith(settings: Partial<OrgSettings> = {}) {
  return createOrg(
    t.database.db,
    { ada: 'ADMIN', linus: 'MEMBER', eve: 'EXTERNAL' },
    { settings, workspaces: ['Design', 'Platform'] },
  );
}

describe('inviting', () => {
  it('invites each address once, stores only a token hash, queues mail and audits one row per address', async () => {
    const org = await orgWith();
    const ada = await t.signIn(org.people.ada!.email);
    const response = await ada.post(invitations(org), {
      emails: [' Ann@Example.test', 'ann@example.TEST', 'bob@example.test', 'nope', org.people.linus!.email],
      role: 'MEMBER',
      workspaces: [{ workspaceId: org.workspaces.Design!, role: 'OWNER' }],
    });
    expect(response.status).toBe(200);
    const { results } = CreateInvitationsResponseSchema.parse(await response.json());
    expect(results.map((r) => [r.email, r.status])).toEqual([
      ['Ann@Example.test', 'invited'],
      ['bob@example.test', 'invited'],
      ['nope', 'invalid'],
      [org.people.linus!.email, 'already_member'],
    ]);
    const rows = await invitationRows(t.database.db, org.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      email: 'Ann@Example.test',
      email_lower: 'ann@example.test',
      status: 'pending',
      role: 'MEMBER',
      invited_by: org.people.ada!.id,
      delivery_state: 'queued',
      version: 1,
    });
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Date(rows[0]!.expires_at!).getTime() - t.clock.now().getTime()).toBe(7 * day);
    const grants = await t.database.db.selectFrom('invitation_workspaces').selectAll().execute();
    expect(grants.filter((g) => rows.some((r) => r.id === g.invitation_id))).toHaveLength(2);
    const outbox = await t.database.db
      .selectFrom('outbox')
      .selectAll()
      .where(
        'invitation_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(outbox).toHaveLength(2);
    const events = await eventRows(t.database.db, org.id);
    expect(events.map((e) => [e.type, e.target_id])).toEqual([
      ['invitation.created', results[0]!.invitationId],
      ['invitation.created', results[1]!.invitationId],
    ]);
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('answers a duplicate address per address and never writes a second live invitation (R4)', async () => {
    const org = await orgWith();
    const ada = await t.signIn(org.people.ada!.email);
    await ada.post(invitations(org), { emails: ['dup@example.test'], role: 'MEMBER' });
    const again = await ada.post(invitations(org), {
      emails: ['DUP@example.test', 'new@example.test'],
      role: 'MEMBER',
    });
    const { results } = CreateInvitationsResponseSchema.parse(await again.json());
    expect(results.map((r) => r.status)).toEqual(['duplicate', 'invited']);
    expect((await invitationRows(t.database.db, org.id)).map((r) => r.email_lower)).toEqual([
      'dup@example.test',
      'new@example.test',
    ]);
  });

  it('turns a member’s invitation into a request under members_request: no token, mail or expiry (R3)', async () => {
    const org = await orgWith({ invitePolicy: 'members_request' });
    const linus = await t.signIn(org.people.linus!.email);
    const response = await linus.post(invitations(org), { emails: ['req@example.test'], role: 'EXTERNAL' });
    expect(response.status).toBe(200);
    expect(CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.status).toBe('requested');
    const [row] = await invitationRows(t.database.db, org.id);
    expect(row).toMatchObject({ status: 'requested', token_hash: null, expires_at: null, delivery_state: null });
    expect(await t.database.db.selectFrom('outbox').where('invitation_id', '=', row!.id).selectAll().execute()).toEqual(
      [],
    );
    expect((await eventRows(t.database.db, org.id)).map((e) => e.type)).toEqual(['invitation.requested']);
  });

  it.each([
    ['members_request', 'linus', 'ADMIN'],
    ['admins_only', 'linus', 'MEMBER'],
    ['anyone', 'eve', 'MEMBER'],
  ] as const)('under %s refuses %s inviting an %s with FORBIDDEN, writing nothing', async (policy, who, role) => {
    const org = await orgWith({ invitePolicy: policy });
    const client = await t.signIn(org.people[who]!.email);
    const response = await client.post(invitations(org), { emails: ['x@example.test'], role });
    expect(await refusal(response)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await invitationRows(t.database.db, org.id)).toEqual([]);
    expect((await eventRows(t.database.db, org.id)).map((e) => [e.type, e.seq])).toEqual([['access.denied', null]]);
  });

  it('lets members invite directly under anyone', async () => {
    const org = await orgWith({ invitePolicy: 'anyone' });
    const linus = await t.signIn(org.people.linus!.email);
    const response = await linus.post(invitations(org), { emails: ['direct@example.test'], role: 'MEMBER' });
    expect(CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.status).toBe('invited');
    expect((await invitationRows(t.database.db, org.id))[0]).toMatchObject({ status: 'pending' });
  });

  it('refuses the whole batch past the seat cap with LIMIT_EXCEEDED and its numbers (R5)', async () => {
    // 3 members + 1 pending + 1 request = 5 seats used of 6.
    const org = await orgWith({ memberCap: 6, invitePolicy: 'members_request' });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.post(invitations(org), { emails: ['one@example.test'], role: 'MEMBER' });
    await (
      await t.signIn(org.people.linus!.email)
    ).post(invitations(org), { emails: ['r@example.test'], role: 'MEMBER' });
    const response = await ada.post(invitations(org), { emails: ['a@example.test', 'b@example.test'], role: 'MEMBER' });
    expect(response.status).toBe(409);
    const body = ErrorBodySchema.parse(await response.json());
    expect(body.error).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 6, current: 5, max: 1 } });
    expect(await invitationRows(t.database.db, org.id)).toHaveLength(2);
    const fits = await ada.post(invitations(org), { emails: ['a@example.test', 'one@example.test'], role: 'MEMBER' });
    expect(fits.status).toBe(200);
    const page = ListInvitationsResponseSchema.parse(await (await ada.get(invitations(org))).json());
    expect(page.seats).toEqual({ used: 6, limit: 6 });
  });

  it('frees the seat and the address of an invitation past its expiry, expiring it first', async () => {
    const org = await orgWith({ memberCap: 4, inviteTtlHours: 24 });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.post(invitations(org), { emails: ['late@example.test'], role: 'MEMBER' });
    t.clock.advance(day + 1);
    const response = await ada.post(invitations(org), { emails: ['late@example.test'], role: 'ADMIN' });
    expect(CreateInvitationsResponseSchema.parse(await response.json()).results[0]!.status).toBe('invited');
    const rows = await invitationRows(t.database.db, org.id);
    expect(rows.map((r) => [r.status, r.role]).sort()).toEqual([
      ['expired', 'MEMBER'],
      ['pending', 'ADMIN'],
    ]);
    expect((await eventRows(t.database.db, org.id)).map((e) => e.type)).toEqual([
      'invitation.created',
      'invitation.expired',
      'invitation.created',
    ]);
  });

  it('refuses non-viewer grants for a lite invitee, foreign workspaces and bad bodies with VALIDATION_FAILED', async () => {
    const org = await orgWith();
    const other = await orgWith();
    const ada = await t.signIn(org.people.ada!.email);
    const bodies: unknown[] = [
      {
        emails: ['l@example.test'],
        role: 'MEMBER',
        lite: true,
        workspaces: [{ workspaceId: org.workspaces.Design!, role: 'MEMBER' }],
      },
      {
        emails: ['l@example.test'],
        role: 'MEMBER',
        workspaces: [{ workspaceId: other.workspaces.Design!, role: 'VIEWER' }],
      },
      { emails: [], role: 'MEMBER' },
      { emails: Array.from({ length: 201 }, (_, i) => `p${i}@example.test`), role: 'MEMBER' },
      { emails: ['l@example.test'], role: 'OWNER' },
      { emails: 'l@example.test', role: 'MEMBER' },
    ];
    for (const body of bodies) {
      expect(await refusal(await ada.post(invitations(org), body))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    }
    const ok = await ada.post(invitations(org), {
      emails: ['l@example.test'],
      role: 'EXTERNAL',
      lite: true,
      workspaces: [{ workspaceId: org.workspaces.Design!, role: 'VIEWER' }],
    });
    expect(ok.status).toBe(200);
    expect((await invitationRows(t.database.db, org.id))[0]).toMatchObject({ lite: true, role: 'EXTERNAL' });
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing again', async () => {
    const org = await orgWith();
    const ada = await t.signIn(org.people.ada!.email);
    const body = { emails: ['once@example.test'], role: 'MEMBER' };
    const first = await ada.post(invitations(org), body, { 'Idempotency-Key': 'k-1' });
    const second = await ada.post(invitations(org), body, { 'Idempotency-Key': 'k-1' });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(await invitationRows(t.database.db, org.id)).toHaveLength(1);
    expect(await eventRows(t.database.db, org.id)).toHaveLength(1);
    const reused = await ada.post(invitations(org), { ...body, role: 'ADMIN' }, { 'Idempotency-Key': 'k-1' });
    expect(await refusal(reused)).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    const fresh = await ada.post(invitations(org), body, { 'Idempotency-Key': 'k-2' });
    expect(CreateInvitationsResponseSchema.parse(await fresh.json()).results[0]!.status).toBe('duplicate');
  });
});

describe('listing invitations', () => {
  it('shows requests, pending and expired rows to admins only, newest first, by pages, with seq and seats', async () => {
    const org = await orgWith({ inviteTtlHours: 24 });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.post(invitations(org), { emails: ['old@example.test'], role: 'MEMBER' });
    t.clock.advance(day + 1);
    for (let i = 0; i < 5; i++) {
      await ada.post(invitations(org), { emails: [`p${i}@example.test`], role: 'MEMBER' });
      t.clock.advance(1000);
    }
    await t.server.mail.worker.drain();
    const seq = await headSeq(t.database.db, org.id);
    expect(seq).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const response = await ada.get(`${invitations(org)}?${query}`);
      const page = ListInvitationsResponseSchema.parse(await response.json());
      expect(page.seq).toBe(seq);
      expect(page.seats).toEqual({ used: 8, limit: null });
      seen.push(...page.items.map((i) => i.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'p4@example.test',
      'p3@example.test',
      'p2@example.test',
      'p1@example.test',
      'p0@example.test',
      'old@example.test',
    ]);
    const expired = ListInvitationsResponseSchema.parse(
      await (await ada.get(`${invitations(org)}?status=expired`)).json(),
    );
    expect(expired.items.map((i) => [i.email, i.status])).toEqual([['old@example.test', 'expired']]);
    const search = ListInvitationsResponseSchema.parse(await (await ada.get(`${invitations(org)}?q=P3`)).json());
    expect(search.items.map((i) => i.email)).toEqual(['p3@example.test']);
    const pending = ListInvitationsResponseSchema.parse(
      await (await ada.get(`${invitations(org)}?status=pending`)).json(),
    );
    expect(pending.items).toHaveLength(5);
    for (const query of ['status=accepted', 'limit=0']) {
      expect(await refusal(await ada.get(`${invitations(org)}?${query}`))).toEqual({
        status: 422,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await refusal(await ada.get(`${invitations(org)}?cursor=garbage`))).toEqual({
      status: 400,
      code: 'INVALID_CURSOR',
    });
    for (const who of ['linus', 'eve'] as const) {
      const client = await t.signIn(org.people[who]!.email);
      expect(await refusal(await client.get(invitations(org)))).toEqual({ status: 403, code: 'FORBIDDEN' });
    }
    const stranger = await t.signIn((await createUser(t.database.db)).email);
    expect(await refusal(await stranger.get(invitations(org)))).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect((await t.server.app.request(invitations(org))).status).toBe(401);
  });
});
