import { performance } from 'node:perf_hooks';
import type { ListMembersResponse } from '@roster/contracts';
import { benchFetch, signIn } from './http.ts';
import type { RunningServer } from '../src/server.ts';
import type { Db } from '../src/db/connect.ts';
import { createLoadOrg } from '../src/db/load-org.ts';

const password = 'bench-password';
/** Runs of a query before it is timed: PostgreSQL switches a prepared statement to a generic plan after five. */
const WARMUP = 10;

export interface MembersAtSize {
  members: number;
  seedSeconds: number;
  /** `q=a`: a search that matches nearly everyone. */
  broad: number[];
  /** One member's exact email. */
  exact: number[];
  first: number[];
  deep: number[];
  search: number[];
}

/** Members list requests against an org of `members`: searches after warming, first pages, deep keyset pages. */
export async function measureMembersList(
  server: RunningServer,
  db: Db,
  members: number,
  requests: number,
): Promise<MembersAtSize> {
  const seeding = performance.now();
  const org = await createLoadOrg(db, { members, password });
  const seedSeconds = (performance.now() - seeding) / 1000;
  const cookie = await signIn(server, org.admin.email, password);
  const get = async (query: string) => {
    const started = performance.now();
    const response = await benchFetch(`${server.url}/api/orgs/${org.orgId}/members?${query}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`list failed: ${response.status}`);
    const body = (await response.json()) as ListMembersResponse;
    return { ms: performance.now() - started, body };
  };
  const warmThenTime = async (query: string) => {
    for (let i = 0; i < WARMUP; i++) await get(query);
    const samples: number[] = [];
    for (let i = 0; i < requests; i++) samples.push((await get(query)).ms);
    return samples;
  };
  const someone = await db
    .selectFrom('org_members')
    .select('email')
    .where('org_id', '=', org.orgId)
    .where('role', '=', 'MEMBER')
    .orderBy('email', 'desc')
    .executeTakeFirstOrThrow();
  const broad = await warmThenTime('q=a&limit=50');
  const exact = await warmThenTime(`q=${encodeURIComponent(someone.email)}&limit=50`);

  const sorts = ['sort=name', 'sort=email&order=desc', 'sort=joinedAt', 'sort=role'];
  const first: number[] = [];
  const deep: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < requests; i++) {
    const sort = sorts[i % sorts.length]!;
    const page = await get(`${sort}&limit=50`);
    first.push(page.ms);
    // Walk 20 pages in, then time the 21st: keyset pages cost the same wherever they are.
    let cursor = page.body.nextCursor;
    for (let hop = 0; hop < 20 && cursor; hop++)
      cursor = (await get(`${sort}&limit=50&cursor=${cursor}`)).body.nextCursor;
    if (cursor) deep.push((await get(`${sort}&limit=50&cursor=${cursor}`)).ms);
    search.push((await get(`q=${['hopper', 'person0123', 'turing', '42'][i % 4]}&limit=50`)).ms);
  }
  return { members, seedSeconds, broad, exact, first, deep, search };
}
