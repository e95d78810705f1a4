import { sql, type Kysely } from 'kysely';
import type { MyInviteRequest, OrgRole } from '@roster/contracts';
import type { Database, InvitationRow } from '../../db/schema.ts';
import type { RequestStanding } from './invite-requests.policy.ts';
import { statusOf } from '../invitations/invitations.repository.ts';

type Db = Kysely<Database>;
type By = { id: string; name: string };

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function decided(by: By, at: Date, outcome: 'approved' | 'rejected') {
  return {
    request_outcome: outcome,
    request_decided_by: by.id,
    request_decided_by_name: by.name,
    request_decided_at: at,
    changed_by: by.id,
    changed_by_name: by.name,
    changed_at: at,
    version: sql<number>`version + 1`,
  };
}

export interface Approval {
  id: string;
  version: number;
  role: OrgRole;
  lite: boolean;
  tokenHash: string;
  expiresAt: Date | null;
  outboxId: string;
  by: By;
  at: Date;
}

/** requested → pending with its first link, only from `version` and only while still requested. */
export async function approveRequest(tx: Db, a: Approval): Promise<boolean> {
  const result = await tx
    .updateTable('invitations')
    .set({
      ...decided(a.by, a.at, 'approved'),
      status: 'pending',
      role: a.role,
      lite: a.lite,
      token_hash: a.tokenHash,
      expires_at: a.expiresAt,
      outbox_id: a.outboxId,
      delivery_state: 'queued',
      last_sent_at: a.at,
    })
    .where('id', '=', a.id)
    .where('version', '=', a.version)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** requested → rejected (terminal: it leaves the partial unique index, so the address is free). */
export async function rejectRequest(
  tx: Db,
  r: { id: string; version: number; reason: string | null; by: By; at: Date },
): Promise<boolean> {
  const result = await tx
    .updateTable('invitations')
    .set({
      ...decided(r.by, r.at, 'rejected'),
      status: 'rejected',
      request_reason: r.reason,
      decided_by: r.by.id,
      decided_at: r.at,
    })
    .where('id', '=', r.id)
    .where('version', '=', r.version)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function standingOf(row: InvitationRow, now: Date): RequestStanding {
  const by = row.request_decided_by;
  return {
    status: statusOf(row, now),
    outcome: row.request_outcome,
    decidedBy: by ? { id: by, name: row.request_decided_by_name ?? 'Someone' } : null,
    decidedAt: row.request_decided_at === null ? null : new Date(row.request_decided_at),
  };
}

/** A member's own requests, newest first: one org's, or every org's. */
export async function myInviteRequests(
  db: Db,
  userId: string,
  now: Date,
  filter: { orgId?: string | undefined; id?: string } = {},
): Promise<MyInviteRequest[]> {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select('o.name as org_name')
    .where('i.invited_by', '=', userId)
    .where('i.was_requested', '=', true)
    .where('o.status', '=', 'active');
  if (filter.orgId) query = query.where('i.org_id', '=', filter.orgId);
  if (filter.id) query = query.where('i.id', '=', filter.id);
  const rows = await query.orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(500).execute();
  return rows.map((row) => {
    const standing = standingOf(row, now);
    return {
      id: row.id,
      orgId: row.org_id,
      orgName: row.org_name,
      email: row.email,
      role: row.role,
      status: standing.status,
      createdAt: iso(row.created_at)!,
      outcome: standing.outcome,
      decidedBy: standing.decidedBy,
      decidedAt: iso(row.request_decided_at),
      reason: row.request_reason,
    };
  });
}

/** Requests waiting for a decision, all pages together. */
export async function countWaitingRequests(db: Kysely<Database>, orgId: string): Promise<number> {
  const { n } = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'requested')
    .executeTakeFirstOrThrow();
  return Number(n);
}
