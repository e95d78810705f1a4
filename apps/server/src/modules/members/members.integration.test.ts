import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, ListMembersResponseSchema, MemberSchema, type Member } from '@roster/contracts';
import { createLoadOrg } from '../../db/load-org.ts';
import {
  PASSWORD,
  createOrg,
  createUser,
  grantWorkspace,
  type TestOrg,
  memberRow as findMemberRow,
} from '../../../test/factories.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const members = (org: TestOrg) => `/api/orgs/${org.id}/members`;

async function errorCode(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error.code;
}

const memberRow = (org: TestOrg, userId: string) => findMemberRow(t.database.db, org.id, userId);

async function auditRows(org: TestOrg) {
  return t.database.db.selectFrom('events').selectAll().where('org_id', '=', org.id).orderBy('id').execute();
}

describe('listing members', () => {
  let org: TestOrg;
  let ada: ApiClient;
  beforeAll(async () => {
    org = await createOrg(
      t.database.db,
      {
        ada: 'ADMIN',
        grace: 'ADMIN',
        linus: 'MEMBER',
        eve: 'EXTERNAL',
        ...Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`m${i}`, 'MEMBER' as const])),
      },
      { workspaces: ['Design', 'Platform'] },
    );
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.linus!.id, 'OWNER');
    ada = await t.signIn(org.people.ada!.email);
  });

  it('answers a page with total, seq and workspace chips', async () => {
    const response = await ada.get(`${members(org)}?limit=5&q=linus`);
    expect(response.status).toBe(200);
    const page = ListMembersResponseSchema.parse(await response.json());
    expect(page.total).toBe(1);
    expect(page.seq).toBe(0);
    expect(page.items[0]).toMatchObject({
      name: 'Linus Tester',
      role: 'MEMBER',
      workspaces: [{ name: 'Design', role: 'OWNER' }],
      lastChange: null,
    });
  });

  for (const sort of ['name', 'email', 'joinedAt', 'role'] as const) {
    for (const order of ['asc', 'desc'] as const) {
      it(`pages through every member exactly once sorted by ${sort} ${order}`, async () => {
        const seen: Member[] = [];
        let cursor: string | null = null;
        do {
          const query: string = `sort=${sort}&order=${order}&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
          const page = ListMembersResponseSchema.parse(await (await ada.get(`${members(org)}?${query}`)).json());
          expect(page.total).toBe(27);
          seen.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        expect(new Set(seen.map((m) => m.userId)).size).toBe(27);
        const keys = seen.map((m) =>
          sort === 'role'
            ? `${m.role}|${m.name.toLowerCase()}`
            : sort === 'joinedAt'
              ? m.joinedAt
              : m[sort].toLowerCase(),
        );
        const sorted = [...keys].sort();
        expect(keys).toEqual(order === 'asc' ? sorted : sorted.reverse());
      });
    }
  }

  it('filters by role and searches name and email case-insensitively', async () => {
    const admins = ListMembersResponseSchema.parse(await (await ada.get(`${members(org)}?role=ADMIN`)).json());
    expect(admins.items.map((m) => m.name).sort()).toEqual(['Ada Tester', 'Grace Tester']);
    const byEmail = ListMembersResponseSchema.parse(
      await (await ada.get(`${members(org)}?q=${encodeURIComponent(org.people.eve!.email.toUpperCase())}`)).json(),
    );
    expect(byEmail.items.map((m) => m.name)).toEqual(['Eve Tester']);
    const wildcard = ListMembersResponseSchema.parse(await (await ada.get(`${members(org)}?q=%25`)).json());
    expect(wildcard.total).toBe(0);
  });

  it('refuses bad queries with VALIDATION_FAILED and foreign cursors with INVALID_CURSOR, never a 500', async () => {
    for (const query of ['sort=shoe', 'limit=0', 'limit=9999', 'role=OWNER']) {
      const response = await ada.get(`${members(org)}?${query}`);
      expect(response.status, query).toBe(422);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
    for (const query of ['cursor=garbage', 'sort=joinedAt&cursor=WyJ4IiwieSJd']) {
      const response = await ada.get(`${members(org)}?${query}`);
      expect(response.status, query).toBe(400);
      expect(await errorCode(response)).toBe('INVALID_CURSOR');
    }
  });

  it('shows the directory to admins only (R1)', async () => {
    const linus = await t.signIn(org.people.linus!.email);
    const eve = await t.signIn(org.people.eve!.email);
    for (const client of [linus, eve]) {
      const response = await client.get(members(org));
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('FORBIDDEN');
    }
    const anonymous = await t.server.app.request(members(org));
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses an admin of another org, and an org that does not exist, alike', async () => {
    const other = await createOrg(t.database.db, { zed: 'ADMIN' });
    const zed = await t.signIn(other.people.zed!.email);
    const foreign = await zed.get(members(org));
    const missing = await zed.get('/api/orgs/no-such-org/members');
    expect([foreign.status, missing.status]).toEqual([403, 403]);
    expect(await errorCode(foreign)).toBe('FORBIDDEN');
    expect(await errorCode(missing)).toBe('FORBIDDEN');
  });

  it('shows the directory to members when the org allows it, never to externals', async () => {
    const open = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER', eve: 'EXTERNAL' },
      { settings: { membersCanViewDirectory: true } },
    );
    expect((await (await t.signIn(open.people.linus!.email)).get(members(open))).status).toBe(200);
    expect((await (await t.signIn(open.people.eve!.email)).get(members(open))).status).toBe(403);
  });
});

describe('totals', () => {
  it('are right for an org loaded in bulk (the load seed recounts instead of firing the trigger per row)', async () => {
    const load = await createLoadOrg(t.database.db, { members: 60, password: PASSWORD });
    const admin = await t.signIn(load.admin.email);
    const total = async (q = '') =>
      ListMembersResponseSchema.parse(await (await admin.get(`/api/orgs/${load.orgId}/members${q}`)).json()).total;
    const byRole = await Promise.all(['ADMIN', 'MEMBER', 'EXTERNAL'].map((role) => total(`?role=${role}`)));
    expect(await total()).toBe(60);
    expect(byRole.reduce((a, b) => a + b, 0)).toBe(60);
  });

  it('follow every role change and removal, per role too', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER', alan: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const totals = async () => {
      const [all, admins, memberList] = await Promise.all(
        ['', '?role=ADMIN', '?role=MEMBER'].map(
          async (q) => ListMembersResponseSchema.parse(await (await ada.get(`${members(org)}${q}`)).json()).total,
        ),
      );
      return [all, admins, memberList];
    };
    expect(await totals()).toEqual([4, 2, 2]);
    await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'ADMIN', version: 1 });
    expect(await totals()).toEqual([4, 3, 1]);
    await ada.delete(`${members(org)}/${org.people.alan!.id}`);
    await ada.delete(`${members(org)}/${org.people.grace!.id}`);
    expect(await totals()).toEqual([2, 2, 0]);
  });
});

describe('changing a role', () => {
  it('applies it, bumps the version, records who and writes one audit row with before and after', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const response = await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'ADMIN', version: 1 });
    expect(response.status).toBe(200);
    const member = MemberSchema.parse(await response.json());
    expect(member).toMatchObject({
      role: 'ADMIN',
      version: 2,
      lastChange: { by: { id: org.people.ada!.id, name: 'Ada Tester' } },
    });
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({
      role: 'ADMIN',
      version: 2,
      changed_by: org.people.ada!.id,
    });
    const [audit] = await auditRows(org);
    expect(audit).toMatchObject({
      seq: 1,
      type: 'member.role_changed',
      actor_id: org.people.ada!.id,
      target_id: org.people.linus!.id,
      before: { role: 'MEMBER' },
      after: { role: 'ADMIN' },
    });
  });

  it('answers a stale version with VERSION_CONFLICT, the current row and who changed it, and changes nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linus = org.people.linus!.id;
    expect((await grace.patch(`${members(org)}/${linus}`, { role: 'ADMIN', version: 1 })).status).toBe(200);
    const stale = await ada.patch(`${members(org)}/${linus}`, { role: 'EXTERNAL', version: 1 });
    expect(stale.status).toBe(409);
    const body = ErrorBodySchema.parse(await stale.json());
    expect(body.error.code).toBe('VERSION_CONFLICT');
    expect(body.error.details).toMatchObject({
      current: { role: 'ADMIN', version: 2 },
      changedBy: { name: 'Grace Tester' },
    });
    expect(await memberRow(org, linus)).toMatchObject({ role: 'ADMIN', version: 2 });
    expect((await auditRows(org)).filter((r) => r.seq !== null)).toHaveLength(1);
  });

  it.each([
    ['SELF_ROLE_CHANGE', { ada: 'ADMIN', grace: 'ADMIN' }, 'ada', 'ada', 'MEMBER', {}],
    ['CREATOR_PROTECTED', { ada: 'ADMIN', grace: 'ADMIN' }, 'grace', 'ada', 'MEMBER', {}],
    [
      'LAST_ADMIN_PROTECTED',
      { ada: 'ADMIN', linus: 'MEMBER' },
      'ada',
      'ada',
      'MEMBER',
      { allowSelfRoleChange: true, protectCreator: false },
    ],
    ['EXTERNAL_ROLE_LOCKED', { ada: 'ADMIN', eve: 'EXTERNAL' }, 'ada', 'eve', 'ADMIN', {}],
    ['FORBIDDEN', { ada: 'ADMIN', linus: 'MEMBER', eve: 'EXTERNAL' }, 'linus', 'eve', 'MEMBER', {}],
  ] as const)(
    'refuses with %s, changes nothing and audits the denied attempt',
    async (code, roles, actor, target, role, settings) => {
      const org = await createOrg(t.database.db, roles, { settings, lite: ['eve'] });
      const client = await t.signIn(org.people[actor]!.email);
      const targetId = org.people[target]!.id;
      const before = await memberRow(org, targetId);
      const response = await client.patch(`${members(org)}/${targetId}`, { role, version: 1 });
      expect(await errorCode(response)).toBe(code);
      expect(response.status).toBe(code === 'FORBIDDEN' ? 403 : 409);
      expect(await memberRow(org, targetId)).toEqual(before);
      const audit = await auditRows(org);
      expect(audit).toEqual([
        expect.objectContaining({
          seq: null,
          type: 'access.denied',
          actor_id: org.people[actor]!.id,
          data: { action: 'member.change_role', code },
        }),
      ]);
      const { event_seq } = await t.database.db
        .selectFrom('organizations')
        .select('event_seq')
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow();
      expect(event_seq).toBe(0);
    },
  );

  it('refuses malformed bodies with VALIDATION_FAILED and a 404 for someone not in the org', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const url = `${members(org)}/${org.people.linus!.id}`;
    for (const body of [
      { role: 'OWNER', version: 1 },
      { role: 'ADMIN' },
      { role: 'ADMIN', version: 0 },
      '{"role":',
      'null',
    ]) {
      const response = await ada.patch(url, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
    const asText = await ada.request('PATCH', url, '{"role":"ADMIN","version":1}', { 'content-type': 'text/plain' });
    expect(asText.status).toBe(422);
    const stranger = await createUser(t.database.db);
    const missing = await ada.patch(`${members(org)}/${stranger.id}`, { role: 'ADMIN', version: 1 });
    expect(missing.status).toBe(404);
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'MEMBER', version: 1 });
  });

  it('refuses a change sent from a foreign origin', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const response = await ada.request(
      'PATCH',
      `${members(org)}/${org.people.linus!.id}`,
      { role: 'ADMIN', version: 1 },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'MEMBER' });
  });
});

describe('removing a member', () => {
  it('removes the membership and every workspace membership, keeps their history, and locks them out', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN' },
      { workspaces: ['Design', 'Platform'] },
    );
    const graceId = org.people.grace!.id;
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, graceId, 'OWNER');
    await grantWorkspace(t.database.db, org.id, org.workspaces.Platform!, graceId, 'MEMBER');
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    expect((await grace.get(members(org))).status).toBe(200);
    expect((await ada.patch(`${members(org)}/${graceId}`, { role: 'MEMBER', version: 1 })).status).toBe(200);
    const response = await ada.delete(`${members(org)}/${graceId}?version=2`);
    expect(response.status).toBe(204);
    expect(await memberRow(org, graceId)).toBeUndefined();
    const grants = await t.database.db
      .selectFrom('workspace_members')
      .selectAll()
      .where('user_id', '=', graceId)
      .execute();
    expect(grants).toEqual([]);
    const audit = await auditRows(org);
    expect(audit.map((r) => [r.seq, r.type, r.target_id])).toEqual([
      [1, 'member.role_changed', graceId],
      [2, 'member.removed', graceId],
    ]);
    expect(audit[1]!.before).toMatchObject({ userId: graceId, role: 'MEMBER' });
    const after = await grace.get(members(org));
    expect(after.status).toBe(403);
    expect(await errorCode(after)).toBe('FORBIDDEN');
  });

  it.each([
    ['SELF_REMOVAL', 'ada', 'ada'],
    ['CREATOR_PROTECTED', 'grace', 'ada'],
  ] as const)('refuses with %s and keeps the member', async (code, actor, target) => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const client = await t.signIn(org.people[actor]!.email);
    const response = await client.delete(`${members(org)}/${org.people[target]!.id}`);
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe(code);
    expect(await memberRow(org, org.people[target]!.id)).toBeDefined();
  });

  it('answers a stale version with VERSION_CONFLICT and keeps the member', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    const response = await ada.delete(`${members(org)}/${org.people.linus!.id}?version=1`);
    expect(await errorCode(response)).toBe('VERSION_CONFLICT');
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'EXTERNAL' });
  });
});
