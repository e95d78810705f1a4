import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  DEFAULT_ORG_DELETE_GRACE_DAYS,
  ErrorBodySchema,
  ListMyInvitationsResponseSchema,
  MeSchema,
  OrgDetailResponseSchema,
} from '@roster/contracts';
import { createOrg, createUser, type TestOrg } from '../../../test/factories.ts';
import { mailsTo } from '../../../test/account-helpers.ts';
import {
  connected,
  nextEvent,
  ready,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const DAY_MS = 86_400_000;
const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;
const detailOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return OrgDetailResponseSchema.parse(await response.json()).org;
};
const nameOf = async (o: TestOrg) =>
  (await t.database.db.selectFrom('organizations').select('name').where('id', '=', o.id).executeTakeFirstOrThrow())
    .name;
const myOrgs = async (client: Awaited<ReturnType<TestServer['signIn']>>) =>
  MeSchema.parse(await (await client.get('/api/me')).json()).organizations;

/** Ada created it; Grace is an admin too; Linus is a member. */
const org = () => createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
const as = (o: TestOrg, who: string) => t.signIn(o.people[who]!.email);

async function inviteSomeone(o: TestOrg) {
  const ada = await as(o, 'ada');
  const invitee = await createUser(t.database.db);
  const created = await ada.post(`/api/orgs/${o.id}/invitations`, { emails: [invitee.email], role: 'MEMBER' });
  const id = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
  return { invitee: await t.signIn(invitee.email), id };
}

describe('DELETE /api/orgs/:orgId', () => {
  it('needs the creator and the org’s exact name; a refusal changes nothing', async () => {
    const o = await org();
    const [ada, grace] = await Promise.all([as(o, 'ada'), as(o, 'grace')]);
    const name = await nameOf(o);
    expect(await code(await grace.delete(`/api/orgs/${o.id}`, { confirm: name }))).toBe('FORBIDDEN');
    const wrong = await ada.delete(`/api/orgs/${o.id}`, { confirm: name.toUpperCase() });
    expect(wrong.status).toBe(400);
    expect(await code(wrong)).toBe('CONFIRMATION_MISMATCH');
    expect(await code(await ada.delete(`/api/orgs/${o.id}`, {}))).toBe('VALIDATION_FAILED');
    expect((await detailOf(await grace.get(`/api/orgs/${o.id}`))).status).toBe('active');
  });

  it('takes the org from every member at once, live, and mails the creator the way back', async () => {
    const o = await org();
    const [ada, grace, linus] = await Promise.all([as(o, 'ada'), as(o, 'grace'), as(o, 'linus')]);
    const [graceSocket, linusSocket] = [grace.socket(), linus.socket()];
    await Promise.all([ready(graceSocket, o.id), ready(linusSocket, o.id)]);
    const linusSaw = recordEvents(linusSocket);
    const access = nextEvent(linusSocket, 'access.changed');
    const name = await nameOf(o);

    const deleted = await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: ` ${name} ` }));
    const purgeAfter = new Date(t.clock.now().getTime() + DEFAULT_ORG_DELETE_GRACE_DAYS * DAY_MS).toISOString();
    expect(deleted).toMatchObject({ status: 'pending_deletion', purgeAfter, version: 2 });

    // The news first, then the access it takes away.
    expect(await access).toMatchObject({ orgId: o.id, data: { role: null } });
    expect(linusSaw.filter((e) => e.seq === null).map((e) => e.type)).toEqual(['org.deleted', 'access.changed']);
    for (const path of ['', '/members', '/settings', '/workspaces', '/events?since=0']) {
      const answer = await linus.get(`/api/orgs/${o.id}${path}`);
      expect([path, answer.status, await code(answer)]).toEqual([path, 404, 'ORG_NOT_FOUND']);
    }
    expect(await code(await grace.patch(`/api/orgs/${o.id}/settings`, { invitePolicy: 'anyone', version: 1 }))).toBe(
      'ORG_NOT_FOUND',
    );
    expect(await myOrgs(grace)).not.toContainEqual(expect.objectContaining({ id: o.id }));
    // Its creator still sees it, deleted, and may read it, but nothing else of it.
    expect(await myOrgs(ada)).toContainEqual(
      expect.objectContaining({ id: o.id, status: 'pending_deletion', purgeAfter }),
    );
    expect((await detailOf(await ada.get(`/api/orgs/${o.id}`))).status).toBe('pending_deletion');
    expect(await code(await ada.get(`/api/orgs/${o.id}/members`))).toBe('ORG_NOT_FOUND');
    // The audit row names who deleted it.
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', o.id)
      .where('type', '=', 'org.deleted')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: o.people.ada!.id, after: { status: 'pending_deletion', purgeAfter } });
    const [mail] = await mailsTo(t, o.people.ada!.email);
    expect(mail?.subject).toContain(`${name} was deleted; you can restore it until`);
    expect(mail?.text).toContain(`/orgs/${o.id}`);
  });

  it('stops its pending invitations until a restore brings them back', async () => {
    const o = await org();
    const { invitee, id } = await inviteSomeone(o);
    const ada = await as(o, 'ada');
    expect(await myInvitationIds(invitee)).toContain(id);
    await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: await nameOf(o) }));
    expect(await myInvitationIds(invitee)).not.toContain(id);
    expect((await invitee.post(`/api/me/invitations/${id}/accept`, {})).status).toBeGreaterThanOrEqual(400);

    await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}));
    expect(await myInvitationIds(invitee)).toContain(id);
    expect((await invitee.post(`/api/me/invitations/${id}/accept`, {})).status).toBe(200);
  });

  it('races an invitation accept: one of them lands first and the other sees its result', async () => {
    for (let round = 0; round < 3; round++) {
      const o = await org();
      const { invitee, id } = await inviteSomeone(o);
      const ada = await as(o, 'ada');
      const name = await nameOf(o);
      const [deleted, accepted] = await Promise.all([
        ada.delete(`/api/orgs/${o.id}`, { confirm: name }),
        invitee.post(`/api/me/invitations/${id}/accept`, {}),
      ]);
      expect(deleted.status).toBe(200);
      const joined = accepted.status === 200;
      // Accepted first: a member of a deleted org, who lost it with everyone else.
      // Deleted first: the invitation led nowhere and no membership was made.
      expect(await myOrgs(invitee)).not.toContainEqual(expect.objectContaining({ id: o.id }));
      await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}));
      const members = await t.database.db
        .selectFrom('org_members')
        .select('user_id')
        .where('org_id', '=', o.id)
        .execute();
      expect(members).toHaveLength(joined ? 4 : 3);
    }
  });
});

describe('POST /api/orgs/:orgId/restore', () => {
  it('brings everything back as it was, live, for the creator only', async () => {
    const o = await org();
    const [ada, grace, linus] = await Promise.all([as(o, 'ada'), as(o, 'grace'), as(o, 'linus')]);
    await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: await nameOf(o) }));
    const linusSocket = linus.socket();
    await ready(linusSocket, o.id).catch(() => {});
    const restoredLive = nextEvent(linusSocket, 'access.changed');
    expect(await code(await grace.post(`/api/orgs/${o.id}/restore`, {}))).toBe('ORG_NOT_FOUND');

    const restored = await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}));
    expect(restored).toMatchObject({ status: 'active', purgeAfter: null, version: 3 });
    expect(await restoredLive).toMatchObject({ orgId: o.id, data: { role: 'MEMBER' } });
    expect((await detailOf(await linus.get(`/api/orgs/${o.id}`))).status).toBe('active');
    expect(await myOrgs(grace)).toContainEqual(expect.objectContaining({ id: o.id, role: 'ADMIN', status: 'active' }));
    // The org's sockets work again: Linus's tab syncs the org.
    await ready(linusSocket, o.id);
    // Restoring what is not deleted changes nothing.
    expect(await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}))).toMatchObject({ version: 3 });
  });

  it('brings members back under the names they took while it was deleted', async () => {
    const o = await org();
    const [ada, linus] = await Promise.all([as(o, 'ada'), as(o, 'linus')]);
    await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: await nameOf(o) }));
    expect((await linus.patch('/api/me', { name: 'Linus B. Torvalds', version: 1 })).status).toBe(200);

    await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}));

    const row = await t.database.db
      .selectFrom('org_members')
      .select('name')
      .where('org_id', '=', o.id)
      .where('user_id', '=', o.people.linus!.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('Linus B. Torvalds');
  });

  it('gives members shut out by the two-factor requirement their access back only once they set it up', async () => {
    const o = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER' },
      { settings: { requireTwoFactor: true } },
    );
    const [ada, linus] = await Promise.all([as(o, 'ada'), as(o, 'linus')]);
    // Ada, signed in, has two-factor on (as her account page would turn it on); Linus has none.
    await t.database.db
      .updateTable('users')
      .set({ two_factor_enabled: true })
      .where('id', '=', o.people.ada!.id)
      .execute();
    const linusSocket = linus.socket();
    await connected(linusSocket);
    const gone = nextEvent(linusSocket, 'access.changed');
    await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: await nameOf(o) }));
    await gone;
    const back = recordEvents(linusSocket);
    await detailOf(await ada.post(`/api/orgs/${o.id}/restore`, {}));
    await vi.waitFor(() => expect(back.map((e) => e.type)).toEqual(['org.restored', 'access.changed']));
    expect(back[1]).toMatchObject({ data: { role: null } });
  });

  it('is too late once the grace period is over, and the purge then removes it for good, leaving a tombstone', async () => {
    const o = await org();
    const ada = await as(o, 'ada');
    await detailOf(await ada.delete(`/api/orgs/${o.id}`, { confirm: await nameOf(o) }));
    t.clock.advance(DEFAULT_ORG_DELETE_GRACE_DAYS * DAY_MS - 60_000);
    const early = await t.server.orgPurger.purge();
    expect(early).not.toContain(o.id);

    t.clock.advance(120_000);
    expect(await code(await ada.post(`/api/orgs/${o.id}/restore`, {}))).toBe('ORG_NOT_FOUND');
    // Two processes sweeping at once purge it once.
    const [first, second] = await Promise.all([t.server.orgPurger.purge(), t.server.orgPurger.purge()]);
    expect([...first, ...second].filter((id) => id === o.id)).toHaveLength(1);
    for (const table of ['organizations', 'org_members', 'workspaces', 'events', 'invitations'] as const) {
      const column = table === 'organizations' ? 'id' : 'org_id';
      const rows = await t.database.db.selectFrom(table).select(column).where(column, '=', o.id).execute();
      expect([table, rows.length]).toEqual([table, 0]);
    }
    const tombstone = await t.database.db
      .selectFrom('org_tombstones')
      .selectAll()
      .where('org_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(tombstone).toMatchObject({ created_by: o.people.ada!.id, deleted_by: o.people.ada!.id, last_seq: 1 });
    expect(await myOrgs(ada)).not.toContainEqual(expect.objectContaining({ id: o.id }));
    await vi.waitFor(async () => expect(await code(await ada.get(`/api/orgs/${o.id}`))).toBe('FORBIDDEN'));
  });
});

async function myInvitationIds(client: Awaited<ReturnType<TestServer['signIn']>>): Promise<string[]> {
  const body = ListMyInvitationsResponseSchema.parse(await (await client.get('/api/me/invitations')).json());
  return body.items.map((i) => i.id);
}
