import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkPreviewSchema, BulkRowResultSchema, ErrorBodySchema, type BulkRowResult } from '@roster/contracts';
import { createOrg, grantWorkspace } from '../../../test/factories.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function results(response: Response): Promise<BulkRowResult[]> {
  expect(response.headers.get('content-type')).toContain('application/x-ndjson');
  const text = await response.text();
  return text
    .trim()
    .split('\n')
    .map((line) => BulkRowResultSchema.parse(JSON.parse(line)));
}

const bulk = (client: ApiClient, orgId: string, body: unknown) => client.post(`/api/orgs/${orgId}/members/bulk`, body);

describe('bulk actions', () => {
  it('previews the impact of removing a filter’s worth of people, without changing anything', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', olga: 'MEMBER', mia: 'MEMBER', linus: 'MEMBER' },
      { workspaces: ['Design', 'Platform'] },
    );
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.olga!.id, 'OWNER');
    await grantWorkspace(t.database.db, org.id, org.workspaces.Platform!, org.people.mia!.id, 'MEMBER');
    await grantWorkspace(t.database.db, org.id, org.workspaces.Platform!, org.people.grace!.id, 'OWNER');
    const ada = await t.signIn(org.people.ada!.email);
    const response = await bulk(ada, org.id, { action: { type: 'remove' }, filter: { q: 'tester' }, preview: true });
    expect(response.status).toBe(200);
    const preview = BulkPreviewSchema.parse(await response.json());
    expect(preview).toEqual({
      count: 4,
      unchanged: 0,
      workspaceCount: 2,
      workspacesLeftWithoutOwner: [
        { id: org.workspaces.Design, name: 'Design' },
        { id: org.workspaces.Platform, name: 'Platform' },
      ],
      refused: [{ userId: org.people.ada!.id, name: 'Ada Tester', code: 'SELF_REMOVAL' }],
      workspaceRolesLowered: [],
    });
    expect(
      (await t.database.db.selectFrom('org_members').select('user_id').where('org_id', '=', org.id).execute()).length,
    ).toBe(5);
  });

  it('counts only the people a change reaches, and names only workspaces it really leaves without an owner', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', olga: 'MEMBER', mia: 'EXTERNAL' },
      { workspaces: ['Design', 'Platform'] },
    );
    // Ada is refused (her own row); her workspace keeps its owner. Olga alone owns Design.
    await grantWorkspace(t.database.db, org.id, org.workspaces.Platform!, org.people.ada!.id, 'OWNER');
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.olga!.id, 'OWNER');
    const ada = await t.signIn(org.people.ada!.email);
    const everyone = Object.values(org.people).map((p) => ({ userId: p.id, version: 1 }));
    const toExternal = BulkPreviewSchema.parse(
      await (
        await bulk(ada, org.id, { action: { type: 'change_role', role: 'EXTERNAL' }, members: everyone, preview: true })
      ).json(),
    );
    expect(toExternal).toMatchObject({
      count: 2, // Grace and Olga; Mia already is one
      unchanged: 1,
      workspacesLeftWithoutOwner: [{ id: org.workspaces.Design, name: 'Design' }],
      refused: [{ userId: org.people.ada!.id, code: 'SELF_ROLE_CHANGE' }],
    });
    const toMember = BulkPreviewSchema.parse(
      await (
        await bulk(ada, org.id, { action: { type: 'change_role', role: 'MEMBER' }, members: everyone, preview: true })
      ).json(),
    );
    expect(toMember).toMatchObject({ count: 2, unchanged: 1, workspacesLeftWithoutOwner: [] });
  });

  it('runs each row as its own versioned, audited change and streams every result', async () => {
    const org = await createOrg(t.database.db, {
      ada: 'ADMIN',
      grace: 'ADMIN',
      linus: 'MEMBER',
      mia: 'MEMBER',
      alan: 'MEMBER',
    });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    await grace.patch(`/api/orgs/${org.id}/members/${org.people.alan!.id}`, { role: 'EXTERNAL', version: 1 });
    const members = ['linus', 'mia', 'alan', 'ada'].map((k) => ({ userId: org.people[k]!.id, version: 1 }));
    const rows = await results(await bulk(ada, org.id, { action: { type: 'change_role', role: 'EXTERNAL' }, members }));
    expect(rows.map((r) => [r.name, r.status, r.code])).toEqual([
      ['Ada Tester', 'protected', 'SELF_ROLE_CHANGE'],
      ['Alan Tester', 'conflict', 'VERSION_CONFLICT'],
      ['Linus Tester', 'ok', undefined],
      ['Mia Tester', 'ok', undefined],
    ]);
    const events = await t.database.db
      .selectFrom('events')
      .select(['seq', 'type', 'target_id'])
      .where('org_id', '=', org.id)
      .where('seq', 'is not', null)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events.slice(1).map((e) => e.target_id)).toEqual([org.people.linus!.id, org.people.mia!.id]);
  });

  it('stays correct when a bulk removal races a role change', async () => {
    const roles = Object.fromEntries([
      ['ada', 'ADMIN'],
      ['grace', 'ADMIN'],
      ...Array.from({ length: 8 }, (_, i) => [`m${i}`, 'MEMBER']),
    ]) as Record<string, 'ADMIN' | 'MEMBER'>;
    const org = await createOrg(t.database.db, roles);
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const members = Array.from({ length: 8 }, (_, i) => ({ userId: org.people[`m${i}`]!.id, version: 1 }));
    const [removal, change] = await Promise.all([
      bulk(ada, org.id, { action: { type: 'remove' }, members }),
      grace.patch(`/api/orgs/${org.id}/members/${org.people.m5!.id}`, { role: 'EXTERNAL', version: 1 }),
    ]);
    const rows = await results(removal);
    const m5 = rows.find((r) => r.userId === org.people.m5!.id)!;
    const remaining = await t.database.db
      .selectFrom('org_members')
      .select(['user_id', 'role'])
      .where('org_id', '=', org.id)
      .where('role', '!=', 'ADMIN')
      .execute();
    if (change.status === 200) {
      // Grace changed m5 first: the removal saw a stale version and left m5 alone.
      expect(m5.status).toBe('conflict');
      expect(remaining).toEqual([{ user_id: org.people.m5!.id, role: 'EXTERNAL' }]);
    } else {
      expect(m5.status).toBe('ok');
      expect(ErrorBodySchema.parse(await change.json()).error.code).toBe('NOT_FOUND');
      expect(remaining).toEqual([]);
    }
    expect(rows.filter((r) => r.status === 'ok')).toHaveLength(change.status === 200 ? 7 : 8);
  });

  it('refuses non-admins and malformed bodies before anything runs', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    const forbidden = await bulk(linus, org.id, { action: { type: 'remove' }, filter: {} });
    expect(forbidden.status).toBe(403);
    for (const body of [
      { action: { type: 'explode' }, filter: {} },
      { action: { type: 'remove' } },
      { action: { type: 'remove' }, filter: {}, members: [] },
    ]) {
      const response = await bulk(ada, org.id, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
    }
    expect(
      (await t.database.db.selectFrom('org_members').select('user_id').where('org_id', '=', org.id).execute()).length,
    ).toBe(2);
  });
});
