import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SEQ_HEADER, ErrorBodySchema } from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from '../../../test/factories.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

// Truly concurrent requests at the real app: the org lock must let exactly one undo through.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const members = (org: TestOrg) => `/api/orgs/${org.id}/members`;
const undo = (client: ApiClient, org: TestOrg, eventSeq: number) => client.post(`${members(org)}/undo`, { eventSeq });
const seqOf = (response: Response) => Number(response.headers.get(EVENT_SEQ_HEADER));

async function outcomes(responses: Response[]) {
  return Promise.all(
    responses.map(async (r) =>
      r.ok ? String(r.status) : `${r.status} ${ErrorBodySchema.parse(await r.json()).error.code}`,
    ),
  );
}

async function changeEvents(org: TestOrg) {
  return t.database.db
    .selectFrom('events')
    .select(['seq', 'type', 'data'])
    .where('org_id', '=', org.id)
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
}

async function adminCount(org: TestOrg) {
  const rows = await t.database.db
    .selectFrom('org_members')
    .select('user_id')
    .where('org_id', '=', org.id)
    .where('role', '=', 'ADMIN')
    .execute();
  return rows.length;
}

describe('undo races', () => {
  it('two admins undoing the same role change at once: one undoes it, the other is told it is done', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const seq = seqOf(await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 }));

    const results = await outcomes(await Promise.all([undo(ada, org, seq), undo(grace, org, seq)]));

    expect(results.sort()).toEqual(['200', '409 ALREADY_REVERTED']);
    const log = await changeEvents(org);
    expect(log.map((e) => e.type)).toEqual(['member.role_changed', 'member.role_changed']);
    expect(log[1]!.data).toMatchObject({ revertOf: seq });
  });

  it('two admins undoing the same removal at once: the person comes back once, grants and all', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' },
      { workspaces: ['Design'] },
    );
    const linusId = org.people.linus!.id;
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, linusId, 'OWNER');
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const seq = seqOf(await ada.delete(`${members(org)}/${linusId}`));

    const results = await outcomes(await Promise.all([undo(ada, org, seq), undo(grace, org, seq)]));

    expect(results.sort()).toEqual(['200', '409 ALREADY_REVERTED']);
    const grants = await t.database.db
      .selectFrom('workspace_members')
      .select('role')
      .where('user_id', '=', linusId)
      .execute();
    expect(grants).toEqual([{ role: 'OWNER' }]);
    expect((await changeEvents(org)).map((e) => e.type)).toEqual(['member.removed', 'member.joined']);
  });

  it('an undo racing a new change of the same row: exactly one wins, the other conflicts', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linusId = org.people.linus!.id;
    const seq = seqOf(await ada.patch(`${members(org)}/${linusId}`, { role: 'ADMIN', version: 1 }));

    const [undone, changed] = await outcomes(
      await Promise.all([
        undo(ada, org, seq),
        grace.patch(`${members(org)}/${linusId}`, { role: 'EXTERNAL', version: 2 }),
      ]),
    );

    expect([undone, changed].sort()).toEqual(['200', '409 VERSION_CONFLICT']);
    const row = await t.database.db
      .selectFrom('org_members')
      .select(['role', 'version'])
      .where('org_id', '=', org.id)
      .where('user_id', '=', linusId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ role: undone === '200' ? 'MEMBER' : 'EXTERNAL', version: 3 });
    expect(await changeEvents(org)).toHaveLength(2);
  });

  it('an undo racing a demotion of the undoing admin never leaves the org without an admin (R9)', async () => {
    const org = await createOrg(
      t.database.db,
      { grace: 'ADMIN', linus: 'MEMBER' },
      { settings: { protectCreator: false } },
    );
    const [grace, linus] = [await t.signIn(org.people.grace!.email), await t.signIn(org.people.linus!.email)];
    const promoted = seqOf(await grace.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'ADMIN', version: 1 }));

    // Grace takes Linus's promotion back while Linus demotes Grace: whichever lands second has lost admin.
    const results = await outcomes(
      await Promise.all([
        undo(grace, org, promoted),
        linus.patch(`${members(org)}/${org.people.grace!.id}`, { role: 'MEMBER', version: 1 }),
      ]),
    );

    expect(results.sort()).toEqual(['200', '403 FORBIDDEN']);
    expect(await adminCount(org)).toBe(1);
  });
});
