import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ListWorkspacesResponseSchema,
  WorkspaceDeletionImpactSchema,
  WorkspaceSchema,
} from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const error = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;

/** Ada and Grace are admins; Olga owns Design; Mia is a member of Design; Eve is external (a Design viewer). */
async function org() {
  const o = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', olga: 'MEMBER', mia: 'MEMBER', eve: 'EXTERNAL' },
    { workspaces: ['Design', 'Platform'] },
  );
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.olga!.id, 'OWNER');
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.mia!.id, 'MEMBER');
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.eve!.id, 'VIEWER');
  return o;
}
const signIn = (o: TestOrg, ...keys: string[]) => Promise.all(keys.map((k) => t.signIn(o.people[k]!.email)));
const ws = (o: TestOrg, name = 'Design') => `/api/orgs/${o.id}/workspaces/${o.workspaces[name]}`;
const names = async (client: ApiClient, o: TestOrg) =>
  ListWorkspacesResponseSchema.parse(await (await client.get(`/api/orgs/${o.id}/workspaces`)).json()).items.map(
    (w) => w.name,
  );
const grantsOn = (workspaceId: string) =>
  t.database.db.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).execute();

/** What the racing requests answer: the workspace, a refusal, or nothing (204). */
type Answer = { name?: string; error?: { code: string; details?: { current?: { name: string } } } } | null;

/** A request over the server's real port, so two of them truly run at once. */
async function overHttp(
  client: ApiClient,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${t.server.url}${path}`, {
    method,
    headers: { cookie: client.cookie, origin: t.server.url, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as Answer) };
}

describe('renaming a workspace', () => {
  it('renames for admins and the workspace’s owners, live, bumping the version', async () => {
    const o = await org();
    const [ada, grace, olga] = await signIn(o, 'ada', 'grace', 'olga');
    const socket = grace!.socket();
    await ready(socket, o.id);
    const pushed = nextEvent(socket, 'workspace.renamed');
    const renamed = await ada!.patch(ws(o), { name: '  Brand ', version: 1 });
    expect(renamed.status).toBe(200);
    expect(WorkspaceSchema.parse(await renamed.json())).toMatchObject({ name: 'Brand', version: 2, memberCount: 3 });
    expect((await pushed).data).toEqual({
      workspaceId: o.workspaces.Design,
      name: 'Brand',
      version: 2,
      before: { name: 'Design' },
    });
    const byOwner = await olga!.patch(ws(o), { name: 'Brand studio', version: 2 });
    expect(WorkspaceSchema.parse(await byOwner.json())).toMatchObject({ name: 'Brand studio', myRole: 'OWNER' });
    expect(await names(ada!, o)).toEqual(['Brand studio', 'Platform']);
    const audit = await t.database.db
      .selectFrom('events')
      .select(['type', 'before', 'after'])
      .where('org_id', '=', o.id)
      .where('type', '=', 'workspace.renamed')
      .orderBy('seq')
      .execute();
    expect(audit.map((row) => [row.before, row.after])).toEqual([
      [{ name: 'Design' }, { name: 'Brand' }],
      [{ name: 'Brand' }, { name: 'Brand studio' }],
    ]);
    socket.close();
  });

  it('refuses a name another workspace has, on rename as on create, whatever its case', async () => {
    const o = await org();
    const [ada] = await signIn(o, 'ada');
    const taken = await ada!.patch(ws(o), { name: 'platform', version: 1 });
    expect(taken.status).toBe(409);
    expect((await error(taken)).code).toBe('WORKSPACE_NAME_TAKEN');
    const created = await ada!.post(`/api/orgs/${o.id}/workspaces`, { name: 'DESIGN' });
    expect((await error(created)).code).toBe('WORKSPACE_NAME_TAKEN');
    // Its own name in another case is no clash.
    expect((await ada!.patch(ws(o), { name: 'design', version: 1 })).status).toBe(200);
    // The list's order is the database's collation; the set is what counts.
    expect((await names(ada!, o)).sort()).toEqual(['Platform', 'design']);
  });

  it('refuses bad names with the creation rules', async () => {
    const o = await org();
    const [ada] = await signIn(o, 'ada');
    for (const name of ['', '   ', 'x'.repeat(81)]) {
      expect((await error(await ada!.patch(ws(o), { name, version: 1 }))).code).toBe('VALIDATION_FAILED');
    }
    expect((await error(await ada!.patch(ws(o), { name: 'Fine' }))).code).toBe('VALIDATION_FAILED');
  });

  it('answers a stale version with 409 and the workspace as it is now', async () => {
    const o = await org();
    const [ada, grace] = await signIn(o, 'ada', 'grace');
    expect((await ada!.patch(ws(o), { name: 'Brand', version: 1 })).status).toBe(200);
    const stale = await error(await grace!.patch(ws(o), { name: 'Studio', version: 1 }));
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(WorkspaceSchema.parse(stale.details?.current)).toMatchObject({ name: 'Brand', version: 2 });
  });

  it('refuses members, externals and owners of other workspaces', async () => {
    const o = await org();
    const [mia, eve, olga] = await signIn(o, 'mia', 'eve', 'olga');
    expect((await error(await mia!.patch(ws(o), { name: 'Mine', version: 1 }))).code).toBe('FORBIDDEN');
    expect((await error(await eve!.patch(ws(o), { name: 'Mine', version: 1 }))).code).toBe('FORBIDDEN');
    expect((await error(await olga!.patch(ws(o, 'Platform'), { name: 'Mine', version: 1 }))).code).toBe('FORBIDDEN');
    const row = await t.database.db
      .selectFrom('workspaces')
      .select(['name', 'version'])
      .where('id', '=', o.workspaces.Design!)
      .executeTakeFirst();
    expect(row).toEqual({ name: 'Design', version: 1 });
  });
});

describe('deleting a workspace', () => {
  it('lists who loses access, for admins only', async () => {
    const o = await org();
    const [ada, olga, mia] = await signIn(o, 'ada', 'olga', 'mia');
    const impact = WorkspaceDeletionImpactSchema.parse(await (await ada!.get(`${ws(o)}/deletion-impact`)).json());
    expect(impact.workspace).toMatchObject({ name: 'Design', version: 1 });
    expect(impact.losingAccess.map((p) => p.name)).toEqual(['Eve Tester', 'Mia Tester', 'Olga Tester']);
    expect(impact.losingAccess[0]!.email).toBe(o.people.eve!.email);
    expect((await error(await olga!.get(`${ws(o)}/deletion-impact`))).code).toBe('FORBIDDEN');
    expect((await error(await mia!.get(`${ws(o)}/deletion-impact`))).code).toBe('FORBIDDEN');
  });

  it('deletes it with its grants, live; it vanishes from every list', async () => {
    const o = await org();
    const [ada, grace, olga] = await signIn(o, 'ada', 'grace', 'olga');
    const socket = grace!.socket();
    await ready(socket, o.id);
    const pushed = nextEvent(socket, 'workspace.deleted');
    expect((await ada!.delete(`${ws(o)}?version=1`)).status).toBe(204);
    expect((await pushed).data).toEqual({ workspaceId: o.workspaces.Design, name: 'Design' });
    expect(await grantsOn(o.workspaces.Design!)).toEqual([]);
    expect(await names(ada!, o)).toEqual(['Platform']);
    expect(await names(olga!, o)).toEqual([]);
    expect((await error(await ada!.get(`${ws(o)}/members`))).code).toBe('NOT_FOUND');
    expect((await error(await ada!.delete(`${ws(o)}?version=1`))).code).toBe('NOT_FOUND');
    const audit = await t.database.db
      .selectFrom('events')
      .select(['before', 'after'])
      .where('org_id', '=', o.id)
      .where('type', '=', 'workspace.deleted')
      .executeTakeFirstOrThrow();
    expect(audit.after).toBeNull();
    expect(audit.before).toMatchObject({ name: 'Design' });
    socket.close();
  });

  it('refuses a stale version, and everyone but org admins (owners included)', async () => {
    const o = await org();
    const [ada, olga, mia, eve] = await signIn(o, 'ada', 'olga', 'mia', 'eve');
    expect((await ada!.patch(ws(o), { name: 'Brand', version: 1 })).status).toBe(200);
    const stale = await error(await ada!.delete(`${ws(o)}?version=1`));
    expect(stale.code).toBe('VERSION_CONFLICT');
    expect(WorkspaceSchema.parse(stale.details?.current)).toMatchObject({ name: 'Brand', version: 2 });
    for (const caller of [olga, mia, eve]) {
      expect((await error(await caller!.delete(`${ws(o)}?version=2`))).code).toBe('FORBIDDEN');
    }
    expect((await grantsOn(o.workspaces.Design!)).length).toBe(3);
    expect((await error(await ada!.delete(`${ws(o)}?version=zero`))).code).toBe('VALIDATION_FAILED');
  });
});

describe('racing', () => {
  it('two renames at the same version: exactly one wins, the other gets the winner’s workspace', async () => {
    const o = await org();
    const [ada, grace] = await signIn(o, 'ada', 'grace');
    const answers = await Promise.all([
      overHttp(ada!, 'PATCH', ws(o), { name: 'Ada’s name', version: 1 }),
      overHttp(grace!, 'PATCH', ws(o), { name: 'Grace’s name', version: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!.body!;
    const loser = answers.find((a) => a.status === 409)!.body!;
    expect(loser.error?.details?.current?.name).toBe(winner.name);
    const row = await t.database.db
      .selectFrom('workspaces')
      .select(['name', 'version'])
      .where('id', '=', o.workspaces.Design!)
      .executeTakeFirst();
    expect(row).toEqual({ name: winner.name, version: 2 });
    const events = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', '=', o.id)
      .where('type', '=', 'workspace.renamed')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('a rename and a delete at the same version: one wins and the state matches it', async () => {
    const o = await org();
    const [ada, grace] = await signIn(o, 'ada', 'grace');
    const [rename, remove] = await Promise.all([
      overHttp(ada!, 'PATCH', ws(o), { name: 'Brand', version: 1 }),
      overHttp(grace!, 'DELETE', `${ws(o)}?version=1`),
    ]);
    const row = await t.database.db
      .selectFrom('workspaces')
      .select(['name', 'version'])
      .where('id', '=', o.workspaces.Design!)
      .executeTakeFirst();
    const types = (
      await t.database.db
        .selectFrom('events')
        .select('type')
        .where('org_id', '=', o.id)
        .where('type', 'like', 'workspace.%')
        .execute()
    ).map((e) => e.type);
    if (remove.status === 204) {
      // The delete went first: the rename found nothing left to rename.
      expect([rename.status, rename.body?.error?.code]).toEqual([404, 'NOT_FOUND']);
      expect(row).toBeUndefined();
      expect(await grantsOn(o.workspaces.Design!)).toEqual([]);
      expect(types).toEqual(['workspace.deleted']);
    } else {
      expect(rename.status).toBe(200);
      expect([remove.status, remove.body?.error?.code]).toEqual([409, 'VERSION_CONFLICT']);
      expect(row).toEqual({ name: 'Brand', version: 2 });
      expect((await grantsOn(o.workspaces.Design!)).length).toBe(3);
      expect(types).toEqual(['workspace.renamed']);
    }
  });
});
