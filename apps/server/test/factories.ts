import { randomUUID } from 'node:crypto';
import type { OrgRole, OrgSettings } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';
import {
  hashPassword,
  insertMemberships,
  insertOrganization,
  insertUsers,
  insertWorkspace,
  insertWorkspaceMemberships,
} from '../src/db/seed-helpers.ts';

export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export interface TestPerson {
  id: string;
  name: string;
  email: string;
  role: OrgRole;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomUUID().slice(0, 4)}`;

/** A person who can sign in with PASSWORD, not yet in any org. */
export async function createUser(db: Db, name = 'Test Person'): Promise<Omit<TestPerson, 'role'>> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${name.split(' ')[0]!.toLowerCase()}.${unique()}@example.test`;
  const [row] = await insertUsers(db, [{ name, email }], await passwordHash, new Date());
  return row!;
}

export interface TestOrg {
  id: string;
  creator: TestPerson;
  people: Record<string, TestPerson>;
  workspaces: Record<string, string>;
}

/**
 * An org whose creator is the first person listed. People are given by name with their role,
 * e.g. `{ ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' }`.
 */
export async function createOrg(
  db: Db,
  roles: Record<string, OrgRole>,
  options: { settings?: Partial<OrgSettings>; workspaces?: string[]; lite?: string[] } = {},
): Promise<TestOrg> {
  const people: Record<string, TestPerson> = {};
  const joinedAt = new Date('2026-01-01T00:00:00Z');
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db, `${key[0]!.toUpperCase()}${key.slice(1)} Tester`);
    people[key] = { ...user, role };
  }
  const list = Object.values(people);
  const id = await insertOrganization(db, {
    name: `Org ${unique()}`,
    slug: `org-${unique()}`,
    createdBy: list[0]!.id,
    settings: options.settings,
    at: joinedAt,
  });
  await insertMemberships(
    db,
    id,
    list.map((p, i) => ({
      userId: p.id,
      name: p.name,
      email: p.email,
      role: p.role,
      lite: options.lite?.includes(Object.keys(people)[i]!),
      joinedAt: new Date(joinedAt.getTime() + i * 1000),
    })),
  );
  const workspaces: Record<string, string> = {};
  for (const name of options.workspaces ?? []) workspaces[name] = await insertWorkspace(db, id, name, joinedAt);
  return { id, creator: list[0]!, people, workspaces };
}

export async function grantWorkspace(
  db: Db,
  orgId: string,
  workspaceId: string,
  userId: string,
  role: 'OWNER' | 'MEMBER' | 'VIEWER',
) {
  await insertWorkspaceMemberships(db, orgId, [{ workspaceId, userId, role, joinedAt: new Date() }]);
}

/** A person's membership row as the database holds it, or undefined when they are not a member. */
export async function memberRow(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('org_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}
