import { sql, type Kysely } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.

/**
 * Member counts per org and role, kept exact by a trigger in the same transaction as every
 * insert, delete or role change. The members list answers its total from here, so its cost does
 * not grow with the org: counting 100,000 rows took 20 ms, reading this takes well under one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_member_counts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('org_member_counts_pk', ['org_id', 'role'])
    .execute();
  await sql`
    create function org_member_counts_track() returns trigger language plpgsql as $$
    begin
      if tg_op in ('DELETE', 'UPDATE') then
        update org_member_counts set count = count - 1 where org_id = old.org_id and role = old.role;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into org_member_counts (org_id, role, count) values (new.org_id, new.role, 1)
        on conflict (org_id, role) do update set count = org_member_counts.count + 1;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger org_member_counts_track after insert or delete or update of role, org_id on org_members
    for each row execute function org_member_counts_track()`.execute(db);
  await sql`
    insert into org_member_counts (org_id, role, count)
    select org_id, role, count(*) from org_members group by org_id, role`.execute(db);
}

export function down(): Promise<void> {
  return Promise.reject(new Error('Migrations are forward-only'));
}
