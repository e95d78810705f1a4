import { testDb, userIdOf, type DemoPerson } from './index.ts';

const DAY = 86_400_000;

export interface InvitationRow {
  orgId: string;
  email: string;
  /** Who sent it, or for `requested`, the member who asked. */
  by: DemoPerson;
  status?: 'pending' | 'requested' | 'expired';
  lite?: boolean;
  role?: 'MEMBER' | 'ADMIN' | 'EXTERNAL';
  daysAgo?: number;
  deliveryFailed?: boolean;
  /** Grants it carries into workspaces. */
  workspaces?: { workspaceId: string; role: 'OWNER' | 'MEMBER' | 'VIEWER' }[];
}

/**
 * An invitation as the database holds it, for states the UI reaches only with time or a mail
 * server (expired, a bounced mail) and for setting up a list in one step.
 */
export async function insertInvitation(row: InvitationRow): Promise<string> {
  const db = await testDb();
  const by = await userIdOf(row.by);
  const { name } = await db.selectFrom('users').select('name').where('id', '=', by).executeTakeFirstOrThrow();
  const createdAt = new Date(Date.now() - (row.daysAgo ?? 0) * DAY);
  const status = row.status ?? 'pending';
  const inserted = await db
    .insertInto('invitations')
    .values({
      id: crypto.randomUUID(),
      org_id: row.orgId,
      email: row.email,
      email_lower: row.email.toLowerCase(),
      role: row.role ?? (row.lite ? 'EXTERNAL' : 'MEMBER'),
      lite: row.lite ?? false,
      status,
      token_hash: status === 'requested' ? null : crypto.randomUUID(),
      invited_by: by,
      invited_by_name: name,
      created_at: createdAt,
      expires_at: status === 'requested' ? null : new Date(createdAt.getTime() + (status === 'expired' ? -1 : 7) * DAY),
      changed_by: null,
      changed_by_name: null,
      changed_at: null,
      decided_by: null,
      decided_at: null,
      delivery_state: status === 'requested' ? null : row.deliveryFailed ? 'failed' : 'sent',
      delivery_error: row.deliveryFailed ? 'Mailbox unavailable' : null,
      last_sent_at: status === 'requested' ? null : createdAt,
      outbox_id: null,
      was_requested: status === 'requested',
      request_outcome: null,
      request_decided_by: null,
      request_decided_by_name: null,
      request_decided_at: null,
      request_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (row.workspaces?.length)
    await db
      .insertInto('invitation_workspaces')
      .values(row.workspaces.map((w) => ({ invitation_id: inserted.id, workspace_id: w.workspaceId, role: w.role })))
      .execute();
  return inserted.id;
}
