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
  target_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  data: Json<unknown>;
  at: Timestamp;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  accounts: AccountsTable;
  verifications: VerificationsTable;
  organizations: OrganizationsTable;
  workspaces: WorkspacesTable;
  org_members: OrgMembersTable;
  workspace_members: WorkspaceMembersTable;
  org_member_counts: OrgMemberCountsTable;
  events: EventsTable;
}

export type OrgMemberRow = Selectable<OrgMembersTable>;
export type NewEvent = Insertable<EventsTable>;
