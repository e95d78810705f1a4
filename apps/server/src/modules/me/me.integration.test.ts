import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, MeSchema, MemberSchema, defaultOrgSettings } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const error = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;

describe('GET /api/me', () => {
  it('tells the signed-in person who they are and, per org, their role, whether they created it and its settings', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER' },
      { settings: { allowSelfLeave: true } },
    );
    const linus = await t.signIn(org.people.linus!.email);
    const me = MeSchema.parse(await (await linus.get('/api/me')).json());
    expect(me.user).toEqual({
      id: org.people.linus!.id,
      name: 'Linus Tester',
      email: org.people.linus!.email,
      emailVerified: true,
      twoFactorEnabled: false,
      version: 1,
    });
    expect(me.organizations).toEqual([
      expect.objectContaining({
        id: org.id,
        role: 'MEMBER',
        lite: false,
        isCreator: false,
        settings: { ...defaultOrgSettings, allowSelfLeave: true },
        // What waits in the org is the admins' business.
        pending: null,
      }),
    ]);
    const adaClient = await t.signIn(org.people.ada!.email);
    const invited = await adaClient.post(`/api/orgs/${org.id}/invitations`, {
      emails: ['one@example.test', 'two@example.test'],
      role: 'MEMBER',
    });
    expect(invited.status).toBe(200);
    const ada = MeSchema.parse(await (await adaClient.get('/api/me')).json());
    expect(ada.organizations[0]?.isCreator).toBe(true);
    expect(ada.organizations[0]?.pending).toEqual({ invitations: 2, requests: 0 });
    expect((await t.server.app.request('/api/me')).status).toBe(401);
  });

  it('reads the account row, not what the session cached at sign-in', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    await t.database.db
      .updateTable('users')
      .set({ two_factor_enabled: true, version: 7 })
      .where('id', '=', org.people.ada!.id)
      .execute();
    const me = MeSchema.parse(await (await ada.get('/api/me')).json());
    expect(me.user).toMatchObject({ twoFactorEnabled: true, version: 7 });
  });
});

describe('PATCH /api/me', () => {
  it('renames the account and its row in every org, audited per org and pushed to each org’s admins', async () => {
    const first = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const second = await createOrg(t.database.db, { grace: 'ADMIN' });
    const linusId = first.people.linus!.id;
    await t.database.db
      .insertInto('org_members')
      .values({
        org_id: second.id,
        user_id: linusId,
        role: 'MEMBER',
        name: 'Linus Tester',
        email: first.people.linus!.email,
        joined_at: new Date(),
      })
      .execute();
    const [ada, grace, linus] = await Promise.all([
      t.signIn(first.people.ada!.email),
      t.signIn(second.people.grace!.email),
      t.signIn(first.people.linus!.email),
    ]);
    const adaSocket = ada.socket();
    const graceSocket = grace.socket();
    await Promise.all([ready(adaSocket, first.id), ready(graceSocket, second.id)]);
    const toAda = nextEvent(adaSocket, 'member.updated');
    const toGrace = nextEvent(graceSocket, 'member.updated');

    const response = await linus.patch('/api/me', { name: '  Linus Torvalds ', version: 1 });
    expect(response.status).toBe(200);
    const me = MeSchema.parse(await response.json());
    expect(me.user).toMatchObject({ name: 'Linus Torvalds', version: 2 });
    expect(me.organizations.map((o) => o.id).sort()).toEqual([first.id, second.id].sort());

    const user = await t.database.db
      .selectFrom('users')
      .select(['name', 'version'])
      .where('id', '=', linusId)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: 'Linus Torvalds', version: 2 });
    const rows = await t.database.db
      .selectFrom('org_members')
      .select(['org_id', 'name', 'version', 'changed_by'])
      .where('user_id', '=', linusId)
      .execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ name: 'Linus Torvalds', version: 2, changed_by: linusId });

    for (const [orgId, pushed] of [
      [first.id, toAda],
      [second.id, toGrace],
    ] as const) {
      const event = await pushed;
      expect(event).toMatchObject({ orgId, type: 'member.updated', actor: { id: linusId, name: 'Linus Torvalds' } });
      expect(MemberSchema.parse(event.data.member)).toMatchObject({
        userId: linusId,
        name: 'Linus Torvalds',
        version: 2,
        twoFactorEnabled: false,
      });
      expect(event.data.before).toEqual({ name: 'Linus Tester' });
      const audit = await t.database.db
        .selectFrom('events')
        .select(['type', 'target_id', 'actor_id', 'before', 'after'])
        .where('org_id', '=', orgId)
        .where('type', '=', 'member.updated')
        .execute();
      expect(audit).toEqual([
        {
          type: 'member.updated',
          target_id: linusId,
          actor_id: linusId,
          before: { name: 'Linus Tester', email: first.people.linus!.email },
          after: { name: 'Linus Torvalds', email: first.people.linus!.email },
        },
      ]);
    }
    // The directory shows the new name, found by it.
    const list = await (await ada.get(`/api/orgs/${first.id}/members?q=torvalds`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ userId: linusId, name: 'Linus Torvalds' }] });
  });

  it('refuses a stale version with the account as it is now, and bad names, changing nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    expect((await ada.patch('/api/me', { name: 'Ada Lovelace', version: 1 })).status).toBe(200);
    const stale = await ada.patch('/api/me', { name: 'Ada King', version: 1 });
    expect(stale.status).toBe(409);
    expect(await error(stale)).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { id: org.people.ada!.id, name: 'Ada Lovelace', version: 2 } },
    });
    for (const body of [
      { name: '   ', version: 2 },
      { name: 'x'.repeat(101), version: 2 },
      { name: 'Ada\u0000King', version: 2 },
      { name: 'Ada\nKing', version: 2 },
      { name: 'Ada King' },
      { name: 'Ada King', version: 2, email: 'evil@example.test' },
    ]) {
      const response = await ada.patch('/api/me', body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await error(response)).code).toBe('VALIDATION_FAILED');
    }
    const user = await t.database.db
      .selectFrom('users')
      .select(['name', 'version'])
      .where('id', '=', org.people.ada!.id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: 'Ada Lovelace', version: 2 });
    const member = await t.database.db
      .selectFrom('org_members')
      .select('name')
      .where('user_id', '=', org.people.ada!.id)
      .executeTakeFirstOrThrow();
    expect(member.name).toBe('Ada Lovelace');
    expect((await t.server.app.request('/api/me', { method: 'PATCH' })).status).toBe(401);
  });

  it('lets exactly one of two renames carrying the same version through', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const grace = await t.signIn(org.people.grace!.email);
    const responses = await Promise.all([
      grace.patch('/api/me', { name: 'Grace Hopper', version: 1 }),
      grace.patch('/api/me', { name: 'Grace Brewster', version: 1 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect((await error(loser)).code).toBe('VERSION_CONFLICT');
    const user = await t.database.db
      .selectFrom('users')
      .select(['name', 'version'])
      .where('id', '=', org.people.grace!.id)
      .executeTakeFirstOrThrow();
    expect(user.version).toBe(2);
    const member = await t.database.db
      .selectFrom('org_members')
      .select(['name', 'version'])
      .where('user_id', '=', org.people.grace!.id)
      .executeTakeFirstOrThrow();
    expect(member).toEqual({ name: user.name, version: 2 });
    const events = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', org.id)
      .where('seq', 'is not', null)
      .execute();
    expect(events).toEqual([{ type: 'member.updated' }]);
  });
});
