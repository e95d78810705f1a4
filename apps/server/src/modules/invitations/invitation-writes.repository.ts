import { sql, type Kysely, type SqlBool } from 'kysely';
import type { InvitationGrantInput, OrgRole } from '@roster/contracts';
import type { Database, InvitationStatusColumn } from '../../db/schema.ts';

type Writer = Kysely<Database>;

export interface NewInvitation {
  id: string;
  orgId: string;
  email: string;
  emailLower: string;
  role: OrgRole;
  lite: boolean;
  status: 'requested' | 'pending';
  tokenHash: string | null;
  invitedBy: { id: string; name: string };
  at: Date;
  expiresAt: Date | null;
  outboxId: string | null;
}

export async function insertInvitations(tx: Writer, rows: NewInvitation[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('invitations')
    .values(
      rows.map((r) => ({
        id: r.id,
        org_id: r.orgId,
        email: r.email,
        email_lower: r.emailLower,
        role: r.role,
        lite: r.lite,
        status: r.status,
        was_requested: r.status === 'requested',
        token_hash: r.tokenHash,
        invited_by: r.invitedBy.id,
        invited_by_name: r.invitedBy.name,
        created_at: r.at,
        expires_at: r.expiresAt,
        delivery_state: r.outboxId ? ('queued' as const) : null,
        last_sent_at: r.outboxId ? r.at : null,
        outbox_id: r.outboxId,
      })),
    )
    .execute();
}

export async function replaceGrants(tx: Writer, invitationIds: string[], grants: InvitationGrantInput[]) {
  if (invitationIds.length === 0) return;
  await tx.deleteFrom('invitation_workspaces').where('invitation_id', 'in', invitationIds).execute();
  const rows = invitationIds.flatMap((id) =>
    grants.map((g) => ({ invitation_id: id, workspace_id: g.workspaceId, role: g.role })),
  );
  if (rows.length) await tx.insertInto('invitation_workspaces').values(rows).execute();
}

/** Marks pending invitations past their expiry as expired; `emails` narrows it to some addresses. */
export async function expirePastDue(tx: Writer, orgId: string, now: Date, emails?: string[]) {
  if (emails && emails.length === 0) return [];
  let query = tx
    .updateTable('invitations')
    .set({ status: 'expired' })
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now);
  if (emails) query = query.where('email_lower', 'in', emails);
  return query.returning(['id', 'email_lower']).execute();
}

export interface LinkChange {
  id: string;
  version: number;
  tokenHash: string;
  expiresAt: Date | null;
  by: { id: string; name: string };
  at: Date;
  /** The mail carrying the new link, or null when the link is handed over by hand. */
  outboxId: string | null;
}

/**
 * A new token, a restarted TTL, back to pending; only from `version`. A mailed link replaces the
 * mailed one; a copied link replaces only an earlier copied one, so the invitee's mail keeps working.
 */
export async function issueNewLink(tx: Writer, change: LinkChange): Promise<boolean> {
  const mailed = change.outboxId !== null;
  const result = await tx
    .updateTable('invitations')
    .set({
      status: 'pending',
      expires_at: change.expiresAt,
      version: sql`version + 1`,
      ...changedBy(change.by, change.at),
      ...(mailed
        ? {
            token_hash: change.tokenHash,
            outbox_id: change.outboxId,
            delivery_state: 'queued' as const,
            delivery_attempts: 0,
            delivery_error: null,
            last_sent_at: change.at,
          }
        : { link_token_hash: change.tokenHash }),
    })
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .where('status', 'in', ['pending', 'expired'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Moves an invitation to a final state in one conditional UPDATE: of two concurrent accepts,
 * one matches `from` and the other finds nothing to change.
 */
export async function decideInvitation(
  tx: Writer,
  change: { id: string; from: InvitationStatusColumn[]; to: InvitationStatusColumn; by: { id: string; name: string } },
  at: Date,
  guard: { version?: number; liveAt?: Date } = {},
): Promise<boolean> {
  let query = tx
    .updateTable('invitations')
    .set({
      status: change.to,
      decided_by: change.by.id,
      decided_at: at,
      version: sql`version + 1`,
      ...changedBy(change.by, at),
    })
    .where('id', '=', change.id)
    .where('status', 'in', change.from);
  if (guard.version !== undefined) query = query.where('version', '=', guard.version);
  if (guard.liveAt) query = query.where(sql<SqlBool>`(expires_at is null or expires_at > ${guard.liveAt})`);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateTerms(
  tx: Writer,
  change: { id: string; version: number; role: OrgRole; lite: boolean; by: { id: string; name: string }; at: Date },
): Promise<boolean> {
  const result = await tx
    .updateTable('invitations')
    .set({ role: change.role, lite: change.lite, version: sql`version + 1`, ...changedBy(change.by, change.at) })
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

function changedBy(by: { id: string; name: string }, at: Date) {
  return { changed_by: by.id, changed_by_name: by.name, changed_at: at };
}
