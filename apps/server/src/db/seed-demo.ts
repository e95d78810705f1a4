import type { Clock } from '../lib/clock.ts';
import type { Db } from './connect.ts';
import {
  hashPassword,
  insertMemberships,
  insertOrganization,
  insertUsers,
  insertWorkspace,
  insertWorkspaceMemberships,
  type NewMembership,
} from './seed-helpers.ts';

export const DEMO_PASSWORD = 'roster-demo';

const firstNames = [
  'Alan',
  'Barbara',
  'Claude',
  'Dennis',
  'Edsger',
  'Frances',
  'Guido',
  'Hedy',
  'Ivan',
  'Jean',
  'Ken',
  'Leslie',
  'Margaret',
  'Niklaus',
  'Ole',
  'Peter',
  'Radia',
  'Sophie',
  'Tim',
  'Vint',
];
const lastNames = [
  'Turing',
  'Liskov',
  'Shannon',
  'Ritchie',
  'Dijkstra',
  'Allen',
  'van Rossum',
  'Lamarr',
  'Sutherland',
  'Sammet',
  'Thompson',
  'Lamport',
  'Hamilton',
  'Wirth',
  'Dahl',
  'Naur',
  'Perlman',
  'Wilson',
  'Berners-Lee',
  'Cerf',
];

/**
 * The demo organization a newcomer signs in to. Runs only on an empty database, so it never
 * touches real data and never runs twice.
 */
export async function seedDemo(db: Db, clock: Clock): Promise<boolean> {
  const { count } = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  if (Number(count) > 0) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (tx) => {
    const now = clock.now();
    const day = 86_400_000;
    const people = [
      { name: 'Ada Lovelace', email: 'ada@acme.test', role: 'ADMIN' as const },
      { name: 'Grace Hopper', email: 'grace@acme.test', role: 'ADMIN' as const },
      { name: 'Linus Torvalds', email: 'linus@acme.test', role: 'MEMBER' as const },
      { name: 'Eve External', email: 'ext@partner.test', role: 'EXTERNAL' as const, lite: true },
      ...Array.from({ length: 40 }, (_, i) => ({
        // The second round of first names gets other surnames, so no two demo people share a name.
        name: `${firstNames[i % 20]} ${lastNames[(i * 7 + 3 + Math.floor(i / 20) * 5) % 20]}`,
        email: `${firstNames[i % 20]!.toLowerCase()}.${i + 1}@acme.test`,
        role: 'MEMBER' as const,
      })),
    ];
    const users = await insertUsers(tx, people, hash, now);
    const orgId = await insertOrganization(tx, { name: 'Acme', slug: 'acme', createdBy: users[0]!.id, at: now });
    const memberships: NewMembership[] = people.map((p, i) => ({
      ...p,
      userId: users[i]!.id,
      joinedAt: new Date(now.getTime() - (people.length - i) * day),
    }));
    await insertMemberships(tx, orgId, memberships);
    const workspaceNames = ['Platform', 'Design', 'Research', 'Growth'];
    const workspaceIds: string[] = [];
    for (const name of workspaceNames) workspaceIds.push(await insertWorkspace(tx, orgId, name, now));
    const grants = memberships.flatMap((m, i) => {
      if (m.role === 'EXTERNAL')
        return [{ workspaceId: workspaceIds[2]!, userId: m.userId, role: 'VIEWER' as const, joinedAt: m.joinedAt }];
      const primary = workspaceIds[i % workspaceIds.length]!;
      const role = i < 2 ? ('OWNER' as const) : i % 9 === 0 ? ('VIEWER' as const) : ('MEMBER' as const);
      const extra =
        i % 3 === 0
          ? [
              {
                workspaceId: workspaceIds[(i + 1) % workspaceIds.length]!,
                userId: m.userId,
                role: 'MEMBER' as const,
                joinedAt: m.joinedAt,
              },
            ]
          : [];
      return [{ workspaceId: primary, userId: m.userId, role, joinedAt: m.joinedAt }, ...extra];
    });
    await insertWorkspaceMemberships(tx, orgId, grants);
  });
  return true;
}
