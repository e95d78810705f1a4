import type { Member, OrgEvent, OrgSettings, PersonalEvent } from '@roster/contracts';
import { defaultOrgSettings } from '@roster/contracts';
import { buildAcmeMembers, buildMember } from '../test/fixtures/members-fixtures.ts';
import { demoPeople, generatedPeople, MOCK_PASSWORD } from '../test/fixtures/people.ts';
import { createAccount, createAuthState, type MockAccount, type MockAuthState } from './account-db.ts';

export interface MockOrg {
  id: string;
  name: string;
  slug: string;
  createdBy: string;
  settings: OrgSettings;
  seq: number;
  members: Member[];
  events: OrgEvent[];
}

export interface MockDb {
  people: MockAccount[];
  orgs: MockOrg[];
  sessionUserId: string | null;
  auth: MockAuthState;
}

/** `to` is the one person a personal event is for; org events go to the org's admins. */
type Listener = (event: OrgEvent | PersonalEvent, to?: string) => void;
const listeners = new Set<Listener>();

export interface MockDbOptions {
  /** Generated members of Acme besides the four demo accounts. */
  extraMembers?: number;
}

/** The mocked backend's state: Acme (60 members, Ada's org) and Initech, where Ada is only a member. */
export function createMockDb({ extraMembers = 56 }: MockDbOptions = {}): MockDb {
  const { ada, grace, linus, eve } = demoPeople;
  const acme = buildAcmeMembers(extraMembers);
  const initech = [
    buildMember({ person: grace, role: 'ADMIN', joinedDaysAgo: 200, grants: [] }),
    buildMember({ person: ada, role: 'MEMBER', joinedDaysAgo: 90, grants: [] }),
  ];
  const everyone = [ada, grace, linus, eve, ...generatedPeople(extraMembers)];
  return {
    people: everyone.map((p) => createAccount(p, MOCK_PASSWORD)),
    orgs: [
      {
        id: 'org_acme',
        name: 'Acme',
        slug: 'acme',
        createdBy: ada.id,
        settings: defaultOrgSettings,
        seq: 0,
        members: acme,
        events: [],
      },
      {
        id: 'org_initech',
        name: 'Initech',
        slug: 'initech',
        createdBy: grace.id,
        settings: defaultOrgSettings,
        seq: 0,
        members: initech,
        events: [],
      },
    ],
    sessionUserId: null,
    auth: createAuthState([ada, grace, linus, eve].map((p) => p.id)),
  };
}

export let db = createMockDb();

/** Tests start every case from the same fixtures; mock mode may ask for a bigger org. */
export function resetMockDb(options?: MockDbOptions): MockDb {
  db = createMockDb(options);
  listeners.clear();
  return db;
}

export const findOrg = (orgId: string) => db.orgs.find((o) => o.id === orgId);
export const findPerson = (userId: string | null) => db.people.find((p) => p.id === userId);
export const roleIn = (org: MockOrg, userId: string | null) =>
  org.members.find((m) => m.userId === userId)?.role ?? null;

/** What the mocked socket delivers: every committed org event and personal event. */
export function onMockEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publish(event: OrgEvent | PersonalEvent, to?: string) {
  listeners.forEach((l) => l(event, to));
}

let persistSession: ((userId: string | null) => void) | undefined;

/** Mock mode keeps the session across reloads; tests keep it in memory. */
export function persistSessionWith(save: (userId: string | null) => void) {
  persistSession = save;
}

export function setSession(userId: string | null) {
  db.sessionUserId = userId;
  persistSession?.(userId);
}
