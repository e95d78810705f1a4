import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE_SEARCHES_PER_MINUTE, WorkspacePeopleResponseSchema } from '@roster/contracts';
import { createOrg, grantWorkspace } from '../../../test/factories.ts';
import { refusal } from '../../../test/invitation-helpers.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
let second: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  // A second server process on the same database: the searches-a-minute limit must hold across both.
  second = await startTestServer({ database: t.database });
});
afterAll(async () => {
  await second.close();
  await t.close();
});

/** Ada administers; Olga owns Design; 25 more people share the "Tester" surname with them. */
async function setup() {
  const crowd = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`p${String(i).padStart(2, '0')}`, 'MEMBER']));
  const o = await createOrg(t.database.db, { ada: 'ADMIN', olga: 'MEMBER', ...crowd }, { workspaces: ['Design'] });
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.olga!.id, 'OWNER');
  const url = `/api/orgs/${o.id}/workspaces/${o.workspaces.Design}/people`;
  return { o, url, ada: await t.signIn(o.people.ada!.email), olga: await t.signIn(o.people.olga!.email) };
}

const people = async (response: Response) => {
  expect(response.status).toBe(200);
  return WorkspacePeopleResponseSchema.parse(await response.json()).items;
};

describe('people search for a workspace’s owners is no directory (R1)', () => {
  it('needs two characters, answers at most 20 rows, and only who each person is', async () => {
    const { url, ada, olga } = await setup();
    expect(await refusal(await olga.get(`${url}?q=t`))).toEqual({ status: 422, code: 'VALIDATION_FAILED' });
    const found = await people(await olga.get(`${url}?q=tester&limit=50`));
    expect(found).toHaveLength(20);
    for (const person of found) expect(Object.keys(person).sort()).toEqual(['email', 'name', 'userId']);
    // Admins see the directory anyway: short queries, long pages, roles.
    const all = await people(await ada.get(`${url}?q=t&limit=50`));
    expect(all).toHaveLength(27);
    expect(all[0]).toMatchObject({ role: expect.any(String), lite: false });
  });

  it('limits a person to 60 searches a minute across server processes, then 429 with Retry-After', async () => {
    const { o, url, ada, olga } = await setup();
    const onSecond = await second.signIn(o.people.olga!.email);
    for (let i = 0; i < PEOPLE_SEARCHES_PER_MINUTE; i++) {
      const client = i % 2 === 0 ? olga : onSecond;
      expect((await client.get(`${url}?q=te`)).status).toBe(200);
    }
    const refused = await onSecond.get(`${url}?q=te`);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(await refusal(refused)).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await olga.get(`${url}?q=te`)).status).toBe(429);
    // Admins, who may list the directory anyway, are not counted.
    expect((await ada.get(`${url}?q=te`)).status).toBe(200);
  });
});
