import { sql, type RawBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AlreadyRevertedDetails } from '@roster/contracts';
import type { Database } from '../../db/schema.ts';

type Reader = Kysely<Database>;

/** One committed change of the org, as its event/audit row holds it. */
export interface RecordedEvent {
  id: string;
  seq: number;
  type: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
  at: Date;
}

function committedEvents(db: Reader, orgId: string) {
  return db
    .selectFrom('events')
    .select(['id', 'seq', 'type', 'target_id', 'before', 'after', 'data', 'at'])
    .where('org_id', '=', orgId)
    .where('seq', 'is not', null);
}

type Row = Awaited<ReturnType<ReturnType<typeof committedEvents>['executeTakeFirst']>>;

function recorded(row: Row): RecordedEvent | null {
  if (!row) return null;
  return {
    id: String(row.id),
    seq: row.seq!,
    type: row.type,
    targetId: row.target_id,
    before: row.before,
    after: row.after,
    data: row.data,
    at: new Date(row.at),
  };
}

/** The committed change with this seq, or null (denied attempts have no seq and are never found). */
export async function findEventBySeq(db: Reader, orgId: string, seq: number): Promise<RecordedEvent | null> {
  return recorded(await committedEvents(db, orgId).where('seq', '=', seq).executeTakeFirst());
}

/** The committed change with this audit entry id, or null (a denied attempt is no change). */
export async function findEventById(db: Reader, orgId: string, id: string): Promise<RecordedEvent | null> {
  const query = committedEvents(db, orgId).where(sql<SqlBool>`id = cast(${id} as bigint)`);
  return recorded(await query.executeTakeFirst());
}

/**
 * The reverts of the given changes, one per change (a change is reverted at most once). The seqs
 * go as one array parameter rather than one each: an export's page names a thousand.
 */
export async function revertsOf(db: Reader, orgId: string, seqs: number[]) {
  if (seqs.length === 0) return [];
  return db
    .selectFrom('events')
    .select(['id', 'seq', 'actor_id', 'actor_name', 'at', sql<number>`(data ->> 'revertOf')::int`.as('revert_of')])
    .where('org_id', '=', orgId)
    .where(sql<SqlBool>`data ? 'revertOf'`)
    .where(sql<SqlBool>`(data ->> 'revertOf')::int = any(cast(${`{${seqs.join(',')}}`} as int[]))`)
    .where('seq', 'is not', null)
    .execute();
}

/**
 * `revertsOf` for one change inside a larger statement (an export's page): its revert as JSON
 * text `[id, seq, at, actorId, actorName]`, or null. The same condition on the same partial
 * index; a page then needs no second statement (on PGlite that one cost as much as the page).
 */
export function revertOfJson(orgId: string, seq: RawBuilder<unknown>) {
  return sql<string | null>`(select '[' || concat_ws(',', to_json(cast(r.id as text)), r.seq, to_json(r.at),
      to_json(r.actor_id), to_json(r.actor_name)) || ']'
    from events r
    where r.org_id = ${orgId} and r.data ? 'revertOf' and (r.data ->> 'revertOf')::int = ${seq} and r.seq is not null
    limit 1)`;
}

/**
 * The change that already undid this one, if any (by the partial index on `revertOf`). Read
 * under the org lock, so two reverts cannot both miss it.
 */
export async function findRevertOf(db: Reader, orgId: string, seq: number): Promise<AlreadyRevertedDetails | null> {
  const [row] = await revertsOf(db, orgId, [seq]);
  if (!row) return null;
  return {
    revertedBy: { id: row.actor_id, name: row.actor_name },
    revertedAt: new Date(row.at).toISOString(),
    seq: row.seq!,
  };
}
