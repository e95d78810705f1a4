import { defaultOrgSettings, type OrgRole, type OrgSettings } from '@roster/contracts';
import { insertMemberships, insertOrganization } from '../src/db/seed-helpers.ts';
import type { Db } from '../src/db/connect.ts';
import { createUser } from './factories.ts';
import type { TestServer } from './test-server.ts';

/** A signed-in person with two sessions, as with two browser tabs. */
export interface Person {
  id: string;
  name: string;
  email: string;
  tabs: [string, string];
}

export interface Answer {
  status: number;
  // Any route's JSON: each race pair reads the fields its own route answers.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * People signed in once for the whole run (signing in hashes a password, far too slow per pair)
 * and the real HTTP port of the test server; each pair gets a fresh org of some of them.
 */
export interface RaceWorld {
  db: Db;
  baseUrl: string;
  admins: Person[];
  members: Person[];
  invitees: Person[];
  /** A real HTTP request from one tab of a person. */
  call(
    person: Person,
    tab: number,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer>;
}

export async function createRaceWorld(t: TestServer): Promise<RaceWorld> {
  const db = t.database.db;
  const baseUrl = t.server.url.replace('localhost', '127.0.0.1');
  const person = async (name: string): Promise<Person> => {
    const user = await createUser(db, name);
    const tabs = [(await t.signIn(user.email)).cookie, (await t.signIn(user.email)).cookie] as [string, string];
    return { ...user, tabs };
  };
  const people = async (prefix: string, count: number) => {
    const list: Person[] = [];
    for (let i = 0; i < count; i++) list.push(await person(`${prefix}${i} Racer`));
    return list;
  };
  return {
    db,
    baseUrl,
    admins: await people('Admin', 4),
    members: await people('Member', 3),
    invitees: await people('Invitee', 2),
    async call(who, tab, method, path, body, headers = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          cookie: who.tabs[tab]!,
          origin: baseUrl,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

let orgCounter = 0;

/** A fresh org of pool people with these roles (joined in this order), created by `creatorId`. */
export async function createRaceOrg(
  world: RaceWorld,
  roles: Array<[Person, OrgRole]>,
  options: { creatorId: string; settings?: Partial<OrgSettings> },
): Promise<string> {
  const at = new Date('2026-01-01T00:00:00Z');
  const n = ++orgCounter;
  const orgId = await insertOrganization(world.db, {
    name: `Race ${n}`,
    slug: `race-${n}-${Date.now().toString(36)}`,
    createdBy: options.creatorId,
    settings: { ...defaultOrgSettings, ...options.settings },
    at,
  });
  await insertMemberships(
    world.db,
    orgId,
    roles.map(([p, role], i) => ({
      userId: p.id,
      name: p.name,
      email: p.email,
      role,
      joinedAt: new Date(at.getTime() + i * 1000),
    })),
  );
  return orgId;
}
