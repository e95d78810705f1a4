import { OrgSettingsSchema, type OrgRole, type OrgSettings, type OrgStatus } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { isApiKeyId } from '../api-keys/api-key-token.ts';
import { rememberedInRequest, rememberForRequest } from '../../lib/request-context.ts';
import { twoFactorLocked } from './two-factor-sql.ts';

export interface OrgAccess {
  role: OrgRole;
  createdBy: string;
  settings: OrgSettings;
  eventSeq: number;
}

/** The columns an access is made from, as every read below selects them. */
interface AccessRow {
  role: OrgRole;
  created_by: string;
  settings: unknown;
  event_seq: number;
}

const toOrgAccess = (row: AccessRow): OrgAccess => ({
  role: row.role,
  createdBy: row.created_by,
  settings: OrgSettingsSchema.parse(row.settings),
  eventSeq: row.event_seq,
});

/**
 * A person's role in an active org with the org's settings and head seq; null when not a member
 * (or deleted). An API key (ADR 31) is its own org's ADMIN while it is not revoked; its scopes
 * were checked before the route ran.
 */
export async function readOrgAccess(db: Db, orgId: string, userId: string): Promise<OrgAccess | null> {
  if (isApiKeyId(userId)) return readKeyAccess(db, orgId, userId);
  // The org guard read it for this request a moment ago; inside a transaction (under the org
  // lock) the change must read it again.
  if (!db.isTransaction) {
    const remembered = rememberedInRequest<AccessRow | null>(accessKey(orgId, userId));
    if (remembered !== undefined) return remembered && toOrgAccess(remembered);
  }
  const row = await db
    .selectFrom('organizations as o')
    .innerJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', '=', userId))
    .select(['m.role', 'o.created_by', 'o.settings', 'o.event_seq'])
    .where('o.id', '=', orgId)
    .where('o.status', '=', 'active')
    .executeTakeFirst();
  return row ? toOrgAccess(row) : null;
}

async function readKeyAccess(db: Db, orgId: string, keyId: string): Promise<OrgAccess | null> {
  const row = await db
    .selectFrom('organizations as o')
    .innerJoin('api_keys as k', (join) => join.onRef('k.org_id', '=', 'o.id').on('k.id', '=', keyId))
    .select(['o.created_by', 'o.settings', 'o.event_seq'])
    .where('o.id', '=', orgId)
    .where('o.status', '=', 'active')
    .where('k.revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toOrgAccess({ ...row, role: 'ADMIN' }) : null;
}

export interface OrgGate {
  status: OrgStatus;
  createdBy: string;
  isMember: boolean;
  /** A member without two-factor sign-in, in an org that requires it. */
  twoFactorLocked: boolean;
}

/**
 * What the org guard decides on, in one read; null when no org has this id. The caller's access
 * comes in the same row and is remembered for the request, so the route's own `readOrgAccess`
 * costs no second round trip (until the request changes something: `runMutation` forgets it).
 */
export async function readOrgGate(db: Db, orgId: string, userId: string): Promise<OrgGate | null> {
  const row = await db
    .selectFrom('organizations as o')
    .leftJoin('org_members as m', (join) => join.onRef('m.org_id', '=', 'o.id').on('m.user_id', '=', userId))
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'o.status',
      'o.created_by',
      'o.settings',
      'o.event_seq',
      'm.user_id',
      'm.role',
      twoFactorLocked.as('locked'),
    ])
    .where('o.id', '=', orgId)
    .executeTakeFirst();
  // Kept as read: a route that asks for the access parses its settings then, a change never does.
  if (!isApiKeyId(userId)) {
    const access: AccessRow | null = row?.status === 'active' && row.role ? { ...row, role: row.role } : null;
    rememberForRequest(accessKey(orgId, userId), access);
  }
  if (!row) return null;
  return { status: row.status, createdBy: row.created_by, isMember: row.user_id !== null, twoFactorLocked: row.locked };
}

const accessKey = (orgId: string, userId: string) => `org-access:${orgId}:${userId}`;
