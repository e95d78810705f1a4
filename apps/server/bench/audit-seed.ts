import { sql } from 'kysely';
import type { Db } from '../src/db/connect.ts';

/** What each generated entry does, weighted by how often orgs do it; the rest are denied attempts. */
const TYPES = [
  ...Array<string>(5).fill('member.role_changed'),
  ...Array<string>(3).fill('member.joined'),
  ...Array<string>(2).fill('member.updated'),
  'member.removed',
  'member.left',
  ...Array<string>(2).fill('workspace.member_added'),
  'workspace.member_role_changed',
  'workspace.created',
  'invitation.expired',
  'invite_request.approved',
  'settings.updated',
  'domain.added',
];

/** The log's newest entry; the first spans the year before it. */
export const LOG_END = new Date('2026-12-01T00:00:00Z');
const YEAR_SECONDS = 365 * 24 * 3600;

/** Rows per statement: big enough to be quick, small enough to keep PGlite's memory in bounds. */
const BATCH = 200_000;

/**
 * `count` audit entries in an org's log, written by the database itself (one statement a batch):
 * the first 50 members act, every member is a target, names and emails are in the JSON as the
 * server writes them, `at` advances with the id over a year, one entry in 250 is a denied attempt
 * (no seq) and one in 997 reverts the change before it. The org's event_seq moves past them.
 */
export async function seedAuditLog(db: Db, orgId: string, count: number): Promise<void> {
  await withoutSecondaryIndexes(db, () => insertEntries(db, orgId, count));
  // As autovacuum leaves a log that has been there a while: statistics, and a visibility map
  // that lets index-only scans skip the table.
  await sql`vacuum analyze events`.execute(db);
}

async function insertEntries(db: Db, orgId: string, count: number): Promise<void> {
  const head = await db
    .selectFrom('organizations')
    .select('event_seq')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const base = Number(head.event_seq);
  const step = YEAR_SECONDS / count;
  for (let start = 1; start <= count; start += BATCH) {
    const end = Math.min(count, start + BATCH - 1);
    await sql`
      with m as (
        select row_number() over (order by joined_at, user_id) as n, user_id, name, email, role
        from org_members where org_id = ${orgId}
      ), size as (select count(*) as total from m),
      g as (
        select i, (${sql.lit(`{${TYPES.join(',')}}`)}::text[])[1 + (i * 7) % ${TYPES.length}] as kind,
               1 + (i * 13) % least(50, (select total from size)) as actor_n,
               1 + (i * 7919) % (select total from size) as target_n
        from generate_series(${start}::bigint, ${end}::bigint) as i
      )
      insert into events (org_id, seq, type, actor_id, actor_name, actor_email, target_id, before, after, data, at,
                          request_id, ip, user_agent)
      select ${orgId},
             case when g.i % 250 = 0 then null else (${base} + g.i)::int end,
             case when g.i % 250 = 0 then 'access.denied' else g.kind end,
             a.user_id, a.name, a.email, t.user_id,
             case when g.kind like 'member.%' then jsonb_build_object('userId', t.user_id, 'name', t.name, 'email', t.email, 'role', t.role, 'version', 1) end,
             case when g.kind in ('member.role_changed', 'member.updated', 'member.joined')
                  then jsonb_build_object('userId', t.user_id, 'name', t.name, 'email', t.email, 'role', 'MEMBER', 'version', 2) end,
             case
               when g.i % 250 = 0 then jsonb_build_object('action', 'member.role_changed', 'code', 'FORBIDDEN')
               when g.i % 997 = 0 then jsonb_build_object('member', jsonb_build_object('userId', t.user_id, 'name', t.name, 'email', t.email),
                                                          'revertOf', (${base} + g.i - 1)::int, 'revertedAction', g.kind)
               when g.kind like 'workspace.%' then jsonb_build_object('workspace', jsonb_build_object('id', 'ws-' || g.i % 40, 'name', 'Workspace ' || g.i % 40),
                                                                      'member', jsonb_build_object('userId', t.user_id, 'name', t.name, 'email', t.email))
               else jsonb_build_object('member', jsonb_build_object('userId', t.user_id, 'name', t.name, 'email', t.email, 'role', t.role))
             end,
             ${LOG_END.toISOString()}::timestamptz - make_interval(secs => (${count} - g.i) * ${step}::float8),
             'req-' || g.i, '10.0.' || g.i % 256 || '.' || g.i % 7, 'Mozilla/5.0 (bench)'
      from g join m a on a.n = g.actor_n join m t on t.n = g.target_n
      order by g.i`.execute(db);
  }
  await db
    .updateTable('organizations')
    .set({ event_seq: base + count })
    .where('id', '=', orgId)
    .execute();
}

/**
 * A bulk load's usual care: the log's indexes other than its primary key are dropped while the
 * rows go in and built again after, from their own definitions, which is several times quicker
 * than keeping them up to date row by row (the trigram index above all). Building them is part
 * of the seeding time printed.
 */
async function withoutSecondaryIndexes(db: Db, load: () => Promise<void>): Promise<void> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where tablename = 'events' and indexname <> 'events_pkey'`.execute(db);
  for (const index of rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  try {
    await load();
  } finally {
    await db.transaction().execute(async (tx) => {
      // Past the server's bound on one statement: a million entries' trigrams take a minute.
      await sql`set local statement_timeout = 0`.execute(tx);
      await sql`set local maintenance_work_mem = '256MB'`.execute(tx);
      for (const index of rows) await sql.raw(index.definition).execute(tx);
    });
  }
}
