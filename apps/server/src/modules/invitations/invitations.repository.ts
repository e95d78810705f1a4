import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Invitation, InvitationStatus } from '@roster/contracts';
import { escapeLike } from '../members/members.repository.ts';
import type { Database, InvitationRow } from '../../db/schema.ts';
import { cursorValue, keysetCursor } from '../../lib/keyset-cursor.ts';
import { effectiveStatus } from './invitations.policy.ts';

type Reader = Kysely<Database>;

const iso = (value: Date | string) => new Date(value).toISOString();
const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The raw row, for rules that need the token hash or the timestamps. */
export async function findInvitationRow(db: Reader, id: string): Promise<InvitationRow | null> {
  return (await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function findInvitationRowByTokenHash(db: Reader, tokenHash: string): Promise<InvitationRow | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where((eb) => eb.or([eb('token_hash', '=', tokenHash), eb('link_token_hash', '=', tokenHash)]))
    // A deleted org's invitations lead nowhere (until a restore brings them back).
    .where('org_id', 'in', (eb) => eb.selectFrom('organizations').select('id').where('status', '=', 'active'))
    .executeTakeFirst();
  return row ?? null;
}

export function statusOf(row: InvitationRow, now: Date): InvitationStatus {
  return effectiveStatus(row.status, dateOrNull(row.expires_at), now);
}

/** Invitations as the page shows them, in the order of `ids`. */
export async function findInvitations(db: Reader, orgId: string, ids: string[], now: Date): Promise<Invitation[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const byId = new Map((await toInvitations(db, rows, now)).map((i) => [i.id, i]));
  return ids.map((id) => byId.get(id)).filter((i): i is Invitation => i !== undefined);
}

export async function findInvitation(db: Reader, orgId: string, id: string, now: Date): Promise<Invitation | null> {
  const [invitation] = await findInvitations(db, orgId, [id], now);
  return invitation ?? null;
}

export interface InvitationFilters {
  status?: 'requested' | 'pending' | 'expired' | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Invitations and requests page newest first: one cursor serves both lists. */
const cursor = keysetCursor('invitations', [cursorValue.date]);

/** Requests, live and expired invitations, newest first, one keyset page at a time. */
export async function listInvitations(db: Reader, orgId: string, filters: InvitationFilters, now: Date) {
  const live = sql<SqlBool>`(expires_at is null or expires_at > ${now})`;
  let query = db.selectFrom('invitations').selectAll().where('org_id', '=', orgId);
  if (filters.status === 'requested') query = query.where('status', '=', 'requested');
  else if (filters.status === 'pending') query = query.where('status', '=', 'pending').where(live);
  else if (filters.status === 'expired') {
    query = query.where(sql<SqlBool>`(status = 'expired' or (status = 'pending' and not ${live}))`);
  } else query = query.where('status', 'in', ['requested', 'pending', 'expired']);
  if (filters.q) query = query.where('email_lower', 'like', `%${escapeLike(filters.q.toLowerCase())}%`);
  if (filters.cursor) {
    const after = cursor.decode(filters.cursor);
    query = query.where(sql<SqlBool>`(created_at, id) < (${new Date(after.values[0]!)}, ${after.id})`);
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filters.limit + 1)
    .execute();
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: await toInvitations(db, page, now),
    nextCursor: rows.length > filters.limit && last ? cursor.encode([iso(last.created_at)], last.id) : null,
  };
}

async function toInvitations(db: Reader, rows: InvitationRow[], now: Date): Promise<Invitation[]> {
  if (rows.length === 0) return [];
  const grants = await db
    .selectFrom('invitation_workspaces as g')
    .innerJoin('workspaces as w', 'w.id', 'g.workspace_id')
    .select(['g.invitation_id', 'w.id', 'w.name', 'g.role'])
    .where(
      'g.invitation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('w.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    lite: row.lite,
    status: statusOf(row, now),
    workspaces: grants.filter((g) => g.invitation_id === row.id).map(({ id, name, role }) => ({ id, name, role })),
    invitedBy: { id: row.invited_by, name: row.invited_by_name },
    createdAt: iso(row.created_at),
    expiresAt: row.expires_at === null ? null : iso(row.expires_at),
    delivery:
      row.delivery_state === null
        ? null
        : { state: row.delivery_state, attempts: row.delivery_attempts, lastError: row.delivery_error },
    version: row.version,
    lastChange:
      row.changed_by && row.changed_at
        ? { by: { id: row.changed_by, name: row.changed_by_name ?? 'Someone' }, at: iso(row.changed_at) }
        : null,
  }));
}
