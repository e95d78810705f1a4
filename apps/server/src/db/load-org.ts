import { sql } from 'kysely';
import { hashPassword, insertMemberships, insertOrganization, insertUsers } from './seed-helpers.ts';
import type { Db } from './connect.ts';

export interface LoadOrg {
  orgId: string;
  admin: { id: string; email: string };
}

/**
 * An organization with `members` people, generated inside the database (one statement per
 * table, no round trip per row) so 100,000 members take seconds. One admin can sign in.
 */
export async function createLoadOrg(
  db: Db,
  options: { members: number; password: string; name?: string },
): Promise<LoadOrg> {
  const tag = Date.now().toString(36);
  const at = new Date();
  const [admin] = await insertUsers(
    db,
    [{ name: 'Load Admin', email: `admin.${tag}@load.test` }],
    await hashPassword(options.password),
    at,
  );
  const orgId = await insertOrganization(db, {
    name: options.name ?? `Load ${tag}`,
    slug: `load-${tag}`,
    createdBy: admin!.id,
    at,
  });
  await insertMemberships(db, orgId, [
    { userId: admin!.id, name: 'Load Admin', email: admin!.email, role: 'ADMIN', joinedAt: at },
  ]);
  const count = options.members - 1;
  await sql`
    insert into users (id, name, email, email_verified, created_at, updated_at)
    select ${tag} || '-' || i, 'Person ' || lpad(i::text, 6, '0') || ' ' || (array['Lovelace','Hopper','Turing','Liskov','Ritchie'])[1 + i % 5],
           'person' || i || '.' || ${tag} || '@load.test', true, now(), now()
    from generate_series(1, ${count}::int) as i`.execute(db);
  // The per-row count trigger would cost minutes here: the rows go in without it, in one
  // transaction with the recount, so nobody ever reads a wrong total.
  await db.transaction().execute(async (tx) => {
    await sql`alter table org_members disable trigger org_member_counts_track`.execute(tx);
    await sql`
      insert into org_members (org_id, user_id, role, lite, name, email, joined_at)
      select ${orgId}, u.id, case when random() < 0.02 then 'ADMIN' when random() < 0.1 then 'EXTERNAL' else 'MEMBER' end,
             false, u.name, u.email, date_trunc('milliseconds', timestamptz '2024-01-01' + (row_number() over ()) * interval '37 seconds')
      from users u where u.id like ${`${tag}-%`}`.execute(tx);
    await sql`alter table org_members enable trigger org_member_counts_track`.execute(tx);
    await sql`
      insert into org_member_counts (org_id, role, count)
      select org_id, role, count(*) from org_members where org_id = ${orgId} group by org_id, role
      on conflict (org_id, role) do update set count = excluded.count`.execute(tx);
  });
  await sql`analyze org_members`.execute(db);
  return { orgId, admin: { id: admin!.id, email: admin!.email } };
}
