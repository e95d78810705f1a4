import type { World } from './world.ts';

const first = ['Alex', 'Bea', 'Cai', 'Dana', 'Emil', 'Fay', 'Gus', 'Hana', 'Ines', 'Jon', 'Kira', 'Lev', 'Mia', 'Noor'];
const last = ['Abe', 'Berg', 'Costa', 'Diaz', 'Eng', 'Fox', 'Gill', 'Holm', 'Ito', 'Jain', 'Kohl', 'Lund', 'Moss'];

/**
 * A fixture, not a rule: `count` more members in three set-based inserts (thousands of API calls
 * would take minutes). Each can sign in with the demo password (their account reuses Ada's
 * password hash), so players can act as them; the member-count trigger keeps the counts right.
 */
export async function addMembers(world: World, count: number): Promise<void> {
  const started = performance.now();
  await world.server.pglite.query(
    `with people as (
       select i,
              ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' ||
              ($3::text[])[1 + (i / array_length($2::text[], 1)) % array_length($3::text[], 1)] as name
       from generate_series(1, $1::int) as i
     ), new_users as (
       insert into users (id, name, email, email_verified, created_at, updated_at)
       select gen_random_uuid()::text, name, lower(replace(name, ' ', '.')) || '.' || i || '@crowd.acme.test', true, now(), now()
       from people
       returning id, name, email
     ), new_accounts as (
       insert into accounts (id, account_id, provider_id, user_id, password, created_at, updated_at)
       select gen_random_uuid()::text, id, 'credential', id,
              (select a.password from accounts a join users u on u.id = a.user_id where u.email = 'ada@acme.test'),
              now(), now()
       from new_users
     )
     insert into org_members (org_id, user_id, role, name, email, joined_at)
     select $4, id, 'MEMBER', name, email, now() - random() * interval '900 days' from new_users`,
    [count, first, last, world.orgId],
  );
  console.info(`[roster] added ${count} members in ${Math.round(performance.now() - started)} ms`);
}
