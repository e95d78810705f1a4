import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { OrgRole, WorkspaceRole } from '@roster/contracts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** Written through `jsonb()` so both drivers send the same thing. */
type Json<T> = ColumnType<T, T, T>;

/** Tables owned by the auth library; the columns it reads and writes. */
export interface UsersTable {
  id: string;
  name: string;
  email: string;
  email_verified: boolean;
  image: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Bumped by every change Roster makes to the account (its display name). */
  version: Generated<number>;
  two_factor_enabled: Generated<boolean>;
}
export interface SessionsTable {
  id: string;
  expires_at: Timestamp;
  token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
  user_id: string;
}
export interface AccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: Timestamp | null;
  refresh_token_expires_at: Timestamp | null;
  scope: string | null;
  password: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export interface VerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The auth library's two-factor secrets (encrypted by it) and recovery codes. */
export interface TwoFactorsTable {
  id: string;
  secret: string;
  backup_codes: string;
  user_id: string;
  verified: boolean | null;
  failed_verification_count: number | null;
  locked_until: Timestamp | null;
}
/** Counters of the sign-in, sign-up, reset and resend limits, shared by every process. */
export interface RateLimitsTable {
  key: string;
  points: number;
  expires_at: Timestamp;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  slug: string;
  created_by: string;
  settings: Json<Record<string, unknown>>;
  /** The per-org event sequence: bumped under the row lock by every change. */
  event_seq: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  /** `pending_deletion` from the creator's delete until the purge or a restore. */
  status: Generated<'active' | 'pending_deletion'>;
  purge_after: Timestamp | null;
}
/** What is left of a purged organization: who made it, who deleted it, and when. */
export interface OrgTombstonesTable {
  org_id: string;
  name: string;
  slug: string;
  created_by: string;
  deleted_by: string;
  deleted_at: Timestamp;
  purged_at: Timestamp;
  /** The org's last event seq: how long its audit log was. */
  last_seq: number;
}
/** A mail domain an org claims (R21): pending until its link is opened, then verified. */
export interface OrgDomainsTable {
  id: string;
  org_id: string;
  domain: string;
  status: 'pending' | 'verified';
  enrollment: Generated<'off' | 'suggest' | 'request'>;
  verify_email: string;
  token_hash: string | null;
  token_expires_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  verified_at: Timestamp | null;
  version: Generated<number>;
}
/** An org API key (ADR 31): only the hash of its secret. */
export interface ApiKeysTable {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: Json<string[]>;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  last_used_at: Timestamp | null;
  last_used_ip: string | null;
}
/** A renamed org's old slug, leading to it until `expires_at`. */
export interface OrgSlugRedirectsTable {
  slug: string;
  org_id: string;
  expires_at: Timestamp;
}
export interface WorkspacesTable {
  id: string;
  org_id: string;
  name: string;
  version: Generated<number>;
  created_at: Timestamp;
}
export interface OrgMembersTable {
  org_id: string;
  user_id: string;
  role: OrgRole;
  lite: Generated<boolean>;
  /** Copies of the user's name and email so one org's list sorts and searches on its own indexes. */
  name: string;
  email: string;
  joined_at: Timestamp;
  version: Generated<number>;
  changed_by: string | null;
  changed_at: Timestamp | null;
}
export interface WorkspaceMembersTable {
  workspace_id: string;
  user_id: string;
  org_id: string;
  role: WorkspaceRole;
  version: Generated<number>;
  joined_at: Timestamp;
}
export interface OrgMemberCountsTable {
  org_id: string;
  role: OrgRole;
  count: number;
}
/** The append-only event and audit log. `seq` is null for denied attempts, which nobody replays. */
export interface EventsTable {
  id: Generated<number>;
  org_id: string;
  seq: number | null;
  type: string;
  actor_id: string;
  actor_name: string;
  /** The actor's address at the time; null for the system and for entries older than it. */
  actor_email: ColumnType<string | null, string | null | undefined, never>;
  target_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  data: Json<unknown>;
  at: Timestamp;
  /** The request that made the change, and where it came from (null for background jobs). */
  request_id: ColumnType<string | null, string | null | undefined, never>;
  ip: ColumnType<string | null, string | null | undefined, never>;
  user_agent: ColumnType<string | null, string | null | undefined, never>;
}

export type InvitationStatusColumn =
  'requested' | 'pending' | 'expired' | 'accepted' | 'revoked' | 'declined' | 'rejected';
export type DeliveryState = 'queued' | 'sent' | 'failed';

/** One address invited to an org. Only the sha256 of its token is kept, never the token. */
export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  email_lower: string;
  role: OrgRole;
  lite: Generated<boolean>;
  status: InvitationStatusColumn;
  token_hash: string | null;
  /** The link an admin copied by hand (ADR 0005); it lives beside the mailed one. */
  link_token_hash: Generated<string | null>;
  invited_by: string;
  invited_by_name: string;
  created_at: Timestamp;
  expires_at: Timestamp | null;
  version: Generated<number>;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  delivery_state: DeliveryState | null;
  delivery_attempts: Generated<number>;
  delivery_error: string | null;
  /** When a mail was last queued for it: the resend cooldown counts from here. */
  last_sent_at: Timestamp | null;
  /** The outbox row carrying the current link; results of older mails are ignored. */
  outbox_id: string | null;
  /** It began as a member's request (R3); the admin's decision on it is kept apart from `decided_*`. */
  was_requested: Generated<boolean>;
  request_outcome: 'approved' | 'rejected' | null;
  request_decided_by: string | null;
  request_decided_by_name: string | null;
  request_decided_at: Timestamp | null;
  request_reason: string | null;
}
export interface InvitationWorkspacesTable {
  invitation_id: string;
  workspace_id: string;
  role: WorkspaceRole;
}
/** Mail to send after commit. The payload holds the link's token sealed (AES-GCM), wiped once done. */
export interface OutboxTable {
  id: string;
  kind: string;
  invitation_id: string | null;
  payload: Json<Record<string, unknown>>;
  state: 'queued' | 'sent' | 'failed' | 'cancelled';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
}
export interface DevMailboxTable {
  id: Generated<string>;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: Timestamp;
}
export interface IdempotencyKeysTable {
  org_id: string;
  actor_id: string;
  key: string;
  request_hash: string;
  response: Json<unknown>;
  created_at: Timestamp;
}

/** An org's webhook receiver (ADR 33). Its secrets sign deliveries; the previous one for a day after a rotation. */
export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  events: Json<string[]>;
  description: string | null;
  enabled: Generated<boolean>;
  disabled_reason: string | null;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}
/** The webhook outbox: one audit entry for one endpoint, written in the change's transaction. */
export interface WebhookDeliveriesTable {
  /** Also the `webhook-id` header of every attempt. */
  id: string;
  endpoint_id: string;
  org_id: string;
  seq: number;
  event_type: string;
  payload: Json<Record<string, unknown>>;
  state: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  lease_owner: string | null;
  lease_until: Timestamp | null;
  created_at: Timestamp;
}
/** The delivery log: one row per attempt. */
export interface WebhookAttemptsTable {
  id: Generated<string>;
  delivery_id: string;
  endpoint_id: string;
  attempt: number;
  status: 'succeeded' | 'failed';
  http_status: number | null;
  duration_ms: number;
  error: string | null;
  at: Timestamp;
  next_retry_at: Timestamp | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  two_factors: TwoFactorsTable;
  rate_limits: RateLimitsTable;
  organizations: OrganizationsTable;
  org_slug_redirects: OrgSlugRedirectsTable;
  org_tombstones: OrgTombstonesTable;
  org_domains: OrgDomainsTable;
  api_keys: ApiKeysTable;
  workspaces: WorkspacesTable;
  org_members: OrgMembersTable;
  workspace_members: WorkspaceMembersTable;
  org_member_counts: OrgMemberCountsTable;
  events: EventsTable;
  invitations: InvitationsTable;
  invitation_workspaces: InvitationWorkspacesTable;
  outbox: OutboxTable;
  dev_mailbox: DevMailboxTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export type OrgMemberRow = Selectable<OrgMembersTable>;
export type NewEvent = Insertable<EventsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
