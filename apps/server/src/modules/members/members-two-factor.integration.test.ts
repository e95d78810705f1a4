import { afterAll, beforeAll, expect, it } from 'vitest';
import { ListMembersResponseSchema, MemberSchema, type Member } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const page = async (client: ApiClient, url: string) => {
  const response = await client.get(url);
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return ListMembersResponseSchema.parse(body);
};

/** Every row of a filtered list, walking its cursor two at a time. */
async function walk(client: ApiClient, base: string): Promise<{ rows: Member[]; totals: number[] }> {
  const rows: Member[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `${base}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const next = await page(client, url);
    rows.push(...next.items);
    totals.push(next.total);
    cursor = next.nextCursor;
  } while (cursor);
  return { rows, totals };
}

it('shows whether each member signs in with two-factor and filters on it, paging and counting the filtered list', async () => {
  const org = await createOrg(t.database.db, {
    ada: 'ADMIN',
    bob: 'MEMBER',
    cy: 'MEMBER',
    dee: 'ADMIN',
    eve: 'EXTERNAL',
  });
  const withTwoFactor = [org.people.ada!.id, org.people.cy!.id, org.people.eve!.id];
  // Signed in first: with two-factor on, signing in asks for a code.
  const ada = await t.signIn(org.people.ada!.email);
  await t.database.db.updateTable('users').set({ two_factor_enabled: true }).where('id', 'in', withTwoFactor).execute();
  const base = `/api/orgs/${org.id}/members`;

  const all = await page(ada, `${base}?limit=50`);
  expect(all.total).toBe(5);
  for (const member of all.items) expect(member.twoFactorEnabled).toBe(withTwoFactor.includes(member.userId));

  const on = await walk(ada, `${base}?twoFactor=on&sort=name`);
  expect(on.rows.map((m) => m.name)).toEqual(['Ada Tester', 'Cy Tester', 'Eve Tester']);
  expect(on.totals).toEqual([3, 3]);
  const off = await walk(ada, `${base}?twoFactor=off&sort=joinedAt&order=desc`);
  expect(off.rows.map((m) => m.name)).toEqual(['Dee Tester', 'Bob Tester']);
  expect(off.totals).toEqual([2]);
  expect((await page(ada, `${base}?twoFactor=on&role=ADMIN`)).items.map((m) => m.name)).toEqual(['Ada Tester']);
  expect((await page(ada, `${base}?twoFactor=off&role=ADMIN`)).total).toBe(1);
  expect((await page(ada, `${base}?twoFactor=on&q=eve`)).total).toBe(1);
  expect((await ada.get(`${base}?twoFactor=yes`)).status).toBe(422);
});

it('carries twoFactorEnabled in member rows of live events', async () => {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
  await t.database.db
    .updateTable('users')
    .set({ two_factor_enabled: true })
    .where('id', '=', org.people.linus!.id)
    .execute();
  const [ada, grace] = await Promise.all([t.signIn(org.people.ada!.email), t.signIn(org.people.grace!.email)]);
  const socket = grace.socket();
  await ready(socket, org.id);
  const pushed = nextEvent(socket, 'member.role_changed');
  const response = await ada.patch(`/api/orgs/${org.id}/members/${org.people.linus!.id}`, {
    role: 'EXTERNAL',
    version: 1,
  });
  expect(response.status).toBe(200);
  expect(MemberSchema.parse(await response.json()).twoFactorEnabled).toBe(true);
  expect((await pushed).data.member).toMatchObject({ userId: org.people.linus!.id, twoFactorEnabled: true });
});

it('bulk "select all matching" honours the two-factor filter', async () => {
  const org = await createOrg(t.database.db, { ada: 'ADMIN', bob: 'MEMBER', cy: 'MEMBER' });
  await t.database.db
    .updateTable('users')
    .set({ two_factor_enabled: true })
    .where('id', '=', org.people.bob!.id)
    .execute();
  const ada = await t.signIn(org.people.ada!.email);
  const response = await ada.post(`/api/orgs/${org.id}/members/bulk`, {
    action: { type: 'remove' },
    filter: { role: 'MEMBER', twoFactor: 'off' },
  });
  expect(response.status).toBe(200);
  const results = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { userId: string; status: string });
  expect(results).toEqual([{ userId: org.people.cy!.id, name: 'Cy Tester', status: 'ok' }]);
  const left = await t.database.db.selectFrom('org_members').select('user_id').where('org_id', '=', org.id).execute();
  expect(left.map((r) => r.user_id).sort()).toEqual([org.people.ada!.id, org.people.bob!.id].sort());
});
