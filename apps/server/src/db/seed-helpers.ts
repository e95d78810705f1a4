import { randomUUID } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { defaultOrgSettings, type OrgRole, type OrgSettings, type WorkspaceRole } from '@roster/contracts';
import type { Db } from './connect.ts';
import { jsonb } from './json.ts';

export interface NewUser {
  id?: string;
  name: string;
  email: string;
  /** Seeded and test accounts are verified unless said otherwise. */
  emailVerified?: boolean;
}

/** Inserts people who sign in with `passwordHash` (hash it once with `hashPassword`). */
export async function insertUsers(db: Db, users: NewUser[], passwordHash: string, at: Date) {
  const rows = users.map((u) => ({ id: u.id ?? randomUUID(), name: u.name, email: u.email.toLowerCase() }));
  if (rows.length === 0) return rows;
  await db
    .insertInto('users')
    .values(
      rows.map((u, i) => ({ ...u, email_verified: users[i]!.emailVerified ?? true, created_at: at, updated_at: at })),
    )
    .execute();
  await db
    .insertInto('accounts')
    .values(
      rows.map((u) => ({
        id: randomUUID(),
        account_id: u.id,
        provider_id: 'credential',
        user_id: u.id,
        password: passwordHash,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  return rows;
}

export async function insertOrganization(
  db: Db,
  org: { name: string; slug: string; createdBy: string; settings?: Partial<OrgSettings>; at: Date },
) {
  const id = randomUUID();
  await db
    .insertInto('organizations')
    .values({
      id,
      name: org.name,
      slug: org.slug,
      created_by: org.createdBy,
      settings: jsonb({ ...defaultOrgSettings, ...org.settings }),
      created_at: org.at,
    })
    .execute();
  return id;
}

export async function insertWorkspace(db: Db, orgId: string, name: string, at: Date) {
  const id = randomUUID();
  await db.insertInto('workspaces').values({ id, org_id: orgId, name, created_at: at }).execute();
  return id;
}

export interface NewMembership {
  userId: string;
  name: string;
  email: string;
  role: OrgRole;
  lite?: boolean;
  joinedAt: Date;
}

export async function insertMemberships(db: Db, orgId: string, members: NewMembership[]) {
  if (members.length === 0) return;
  await db
    .insertInto('org_members')
    .values(
      members.map((m) => ({
        org_id: orgId,
        user_id: m.userId,
        role: m.role,
        lite: m.lite ?? false,
        name: m.name,
        email: m.email.toLowerCase(),
        joined_at: m.joinedAt,
      })),
    )
    .execute();
}

export async function insertWorkspaceMemberships(
  db: Db,
  orgId: string,
  grants: Array<{ workspaceId: string; userId: string; role: WorkspaceRole; joinedAt: Date }>,
) {
  if (grants.length === 0) return;
  await db
    .insertInto('workspace_members')
    .values(
      grants.map((g) => ({
        workspace_id: g.workspaceId,
        user_id: g.userId,
        org_id: orgId,
        role: g.role,
        joined_at: g.joinedAt,
      })),
    )
    .execute();
}

export { hashPassword };
