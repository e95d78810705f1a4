import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { recordStatements } from '../../test/recorded-statements.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';
import type { DatabaseHandle } from '../db/connect.ts';

/** Every statement the server runs, as SQL. */
const { plugin: recording, statements } = recordStatements();

let database: DatabaseHandle;
let t: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  t = await startTestServer({ database: { ...database, db: database.db.withPlugin(recording) } });
});
afterAll(async () => {
  await t?.close();
  await database?.close();
});

/** The statements one request runs that read the org's row. */
async function orgReadsOf(request: () => Promise<Response>) {
  statements.length = 0;
  const response = await request();
  expect(response.status).toBe(200);
  const reads = statements.filter((s) => /from "organizations"/.test(s));
  return reads;
}

describe('the org guard', () => {
  it("reads the org and the caller's access once for a read: the route reuses it", async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    for (const route of ['members', 'invitations', 'workspaces', 'invite-requests', 'audit'])
      expect(await orgReadsOf(() => ada.get(`/api/orgs/${org.id}/${route}`)), route).toHaveLength(1);
  });

  it('lets a change read the access again, under the org lock', async () => {
    const org = await createOrg(database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const linus = org.people.linus!;
    const reads = await orgReadsOf(() =>
      ada.patch(`/api/orgs/${org.id}/members/${linus.id}`, { role: 'ADMIN', version: 1 }),
    );
    expect(reads.length).toBeGreaterThan(1);
  });
});
