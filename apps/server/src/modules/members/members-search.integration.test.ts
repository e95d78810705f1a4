import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ListMembersResponseSchema,
  MEMBER_COUNT_CAP,
  type MemberSort,
  type OrgRole,
  type SortOrder,
} from '@roster/contracts';
import { createLoadOrg, type LoadOrg } from '../../db/load-org.ts';
import { PASSWORD } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';
import { listMembers } from './members.repository.ts';

// A search picks its plan in code (a walk in page order, the trigram indexes, a full walk for a
// term without trigrams) and counts only up to the cap. Whatever it picks, it must answer what
// the plain definition answers: every row whose lower-cased name or email contains the term,
// in page order. The org is larger than the walk, so every path runs; each search repeats past
// the five runs after which PostgreSQL may keep a generic plan.

let t: TestServer;
let org: LoadOrg;
let tag: string;
beforeAll(async () => {
  t = await startTestServer();
  // A neighbour holding the same names: its rows must never show, nor be counted.
  await createLoadOrg(t.database.db, { members: 500, password: PASSWORD, name: 'Neighbour' });
  org = await createLoadOrg(t.database.db, { members: 2600, password: PASSWORD });
  tag = org.admin.email.split('.')[1]!.split('@')[0]!;
  await sql`update users set two_factor_enabled = true where id like ${`${tag}-%`} and right(id, 1) in ('3', '7')`.execute(
    t.database.db,
  );
}, 120_000);
afterAll(() => t.close());

interface Search {
  q: string;
  role?: OrgRole;
  twoFactor?: 'on' | 'off';
  sort?: MemberSort;
  order?: SortOrder;
}

/** The plain definition of a search, in page order. */
async function expected(search: Search): Promise<string[]> {
  const pattern = `%${search.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const dir = sql.raw(search.order === 'desc' ? 'desc' : 'asc');
  const keys = {
    name: sql`lower(m.name) ${dir}`,
    email: sql`lower(m.email) ${dir}`,
    joinedAt: sql`m.joined_at ${dir}`,
    role: sql`m.role ${dir}, lower(m.name) ${dir}`,
  }[search.sort ?? 'name'];
  const { rows } = await sql<{ user_id: string }>`
    select m.user_id from org_members m join users u on u.id = m.user_id
    where m.org_id = ${org.orgId} and (lower(m.name) like ${pattern} or lower(m.email) like ${pattern})
      and (${search.role ?? null}::text is null or m.role = ${search.role ?? null})
      and (${search.twoFactor ?? null}::text is null or u.two_factor_enabled = (${search.twoFactor ?? null} = 'on'))
    order by ${keys}, m.user_id ${dir}`.execute(t.database.db);
  return rows.map((r) => r.user_id);
}

/** Every page of a search, by cursor; each page's count. */
async function allPages(search: Search, limit: number) {
  const ids: string[] = [];
  const counts = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await listMembers(t.database.db, org.orgId, {
      sort: search.sort ?? 'name',
      order: search.order ?? 'asc',
      limit,
      cursor,
      q: search.q,
      role: search.role,
      twoFactor: search.twoFactor,
    });
    ids.push(...page.items.map((m) => m.userId));
    counts.add(`${page.total}${page.totalIsCapped ? '+' : ''}`);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, counts: [...counts] };
}

const person = (i: number) => `person${i}.${tag}@load.test`;

describe('members search', () => {
  const searches: Array<[string, () => Search, number]> = [
    ['a common one-letter term (walk, capped count)', () => ({ q: 'a' }), 200],
    ['a common name (walk, counted by walking)', () => ({ q: 'hopper' }), 100],
    ['a rare name (trigram indexes)', () => ({ q: '001234' }), 50],
    ['an exact address, upper-cased', () => ({ q: person(1234).toUpperCase() }), 50],
    ['an address prefix matching several', () => ({ q: 'person12' }), 5],
    ['the end of a local part and the domain (address index)', () => ({ q: `23.${tag}@LOAD.te` }), 4],
    ['a whole local part and the start of the domain', () => ({ q: `person7.${tag}@l` }), 50],
    ['a domain alone (common: walk)', () => ({ q: '@load.test' }), 200],
    ['a rare two-letter term (no trigrams: full walk)', () => ({ q: '99' }), 50],
    ['nothing', () => ({ q: 'zzqx' }), 50],
    ['a rare term by email, descending', () => ({ q: '0123', sort: 'email', order: 'desc' }), 3],
    ['a common term by join date', () => ({ q: 'turing', sort: 'joinedAt' }), 150],
    ['a common term by role, admins only', () => ({ q: 'a', sort: 'role', role: 'ADMIN' }), 20],
    ['a common term with two-factor on', () => ({ q: 'liskov', twoFactor: 'on' }), 30],
    ['a rare term with two-factor off', () => ({ q: '000123', twoFactor: 'off' }), 2],
    ['a wildcard character, taken literally', () => ({ q: '%' }), 50],
  ];

  it.each(searches)('%s: the same rows in the same order on every run, and a capped count', async (_, make, limit) => {
    const search = make();
    const want = await expected(search);
    const total = want.length > MEMBER_COUNT_CAP ? `${MEMBER_COUNT_CAP}+` : `${want.length}`;
    for (let run = 0; run < 7; run++) {
      const { ids, counts } = await allPages(search, limit);
      expect(ids).toEqual(want);
      expect(counts).toEqual([total]);
    }
  });

  it('says over HTTP that the count stopped at the cap', async () => {
    const admin = await t.signIn(org.admin.email);
    const broad = ListMembersResponseSchema.parse(await (await admin.get(`/api/orgs/${org.orgId}/members?q=a`)).json());
    expect(broad).toMatchObject({ total: MEMBER_COUNT_CAP, totalIsCapped: true });
    const one = ListMembersResponseSchema.parse(
      await (await admin.get(`/api/orgs/${org.orgId}/members?q=${encodeURIComponent(person(7))}`)).json(),
    );
    expect(one).toMatchObject({ total: 1, totalIsCapped: false });
    const all = ListMembersResponseSchema.parse(await (await admin.get(`/api/orgs/${org.orgId}/members`)).json());
    expect(all).toMatchObject({ total: 2600, totalIsCapped: false });
  });
});
