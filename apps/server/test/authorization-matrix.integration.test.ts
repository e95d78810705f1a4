import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from './factories.ts';
import { apiClient, startTestServer, type ApiClient, type TestServer } from './test-server.ts';

// Every org endpoint × every kind of caller: each gets exactly what the rules allow (R1, R2),
// and ids from another org never reveal anything (404 or 403, never the other org's data).
const personas = ['anonymous', 'member', 'external', 'workspaceOwner', 'foreignAdmin', 'admin'] as const;
type Persona = (typeof personas)[number];
type Expect = Record<Persona, number>;

let t: TestServer;
let org: TestOrg;
let foreign: TestOrg;
let clients: Record<Persona, ApiClient>;
let orgSlug: string;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(
    t.database.db,
    { ada: 'ADMIN', linus: 'MEMBER', eve: 'EXTERNAL', olga: 'MEMBER', mia: 'MEMBER' },
    { workspaces: ['Design'] },
  );
  await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.olga!.id, 'OWNER');
  await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.mia!.id, 'MEMBER');
  foreign = await createOrg(t.database.db, { zed: 'ADMIN', yan: 'MEMBER' }, { workspaces: ['Secret'] });
  orgSlug = (
    await t.database.db.selectFrom('organizations').select('slug').where('id', '=', org.id).executeTakeFirstOrThrow()
  ).slug;
  clients = {
    anonymous: apiClient(t.server, ''),
    member: await t.signIn(org.people.linus!.email),
    external: await t.signIn(org.people.eve!.email),
    workspaceOwner: await t.signIn(org.people.olga!.email),
    foreignAdmin: await t.signIn(foreign.people.zed!.email),
    admin: await t.signIn(org.people.ada!.email),
  };
});
afterAll(() => t.close());

const only = (allowed: Partial<Expect>, otherwise = 403): Expect => ({
  anonymous: 401,
  member: otherwise,
  external: otherwise,
  workspaceOwner: otherwise,
  foreignAdmin: otherwise,
  admin: otherwise,
  ...allowed,
});

type Case = [name: string, method: string, path: () => string, body: unknown, expected: () => Expect];
const o = () => `/api/orgs/${org.id}`;
const cases: Case[] = [
  ['read the org', 'GET', o, undefined, () => only({ member: 200, external: 200, workspaceOwner: 200, admin: 200 })],
  [
    'find the org by its slug',
    'GET',
    () => `/api/orgs/by-slug/${orgSlug}`,
    undefined,
    () => only({ member: 200, external: 200, workspaceOwner: 200, admin: 200 }, 404),
  ],
  ['rename the org (stale)', 'PATCH', o, { name: 'Renamed', version: 999 }, () => only({ admin: 409 })],
  [
    'hand the creator role to someone outside the org',
    'POST',
    () => `${o()}/transfer`,
    { userId: 'not-a-member', version: 1 },
    () => only({ admin: 404 }),
  ],
  ['delete the org (wrong confirmation)', 'DELETE', o, { confirm: 'not its name' }, () => only({ admin: 400 })],
  ['restore the org (not deleted: nothing to do)', 'POST', () => `${o()}/restore`, {}, () => only({ admin: 200 })],
  ['list the org’s domains', 'GET', () => `${o()}/domains`, undefined, () => only({ admin: 200 })],
  [
    'add a public mail domain',
    'POST',
    () => `${o()}/domains`,
    { domain: 'gmail.com', verifyEmail: 'it@gmail.com' },
    // The domain itself is refused before anyone's role is looked at.
    () => only({}, 422),
  ],
  [
    'change a domain that does not exist',
    'PATCH',
    () => `${o()}/domains/nope`,
    { enrollment: 'off', version: 1 },
    () => only({ admin: 404 }),
  ],
  [
    'join through a domain the org does not have',
    'POST',
    () => `/api/me/suggested-orgs/${org.id}/join`,
    {},
    () => only({ member: 409, external: 409, workspaceOwner: 409, admin: 409 }),
  ],
  ['list the org’s API keys', 'GET', () => `${o()}/api-keys`, undefined, () => only({ admin: 200 })],
  [
    'make an API key (no scopes)',
    'POST',
    () => `${o()}/api-keys`,
    { name: 'Script', scopes: [] },
    // The body is refused before anyone's role is looked at.
    () => only({}, 422),
  ],
  [
    'revoke an API key that does not exist',
    'DELETE',
    () => `${o()}/api-keys/nope`,
    undefined,
    () => only({ admin: 404 }),
  ],
  ['list members', 'GET', () => `${o()}/members`, undefined, () => only({ admin: 200 })],
  [
    'change a role (no-op)',
    'PATCH',
    () => `${o()}/members/${org.people.mia!.id}`,
    { role: 'MEMBER', version: 1 },
    () => only({ admin: 200 }),
  ],
  [
    'remove someone of another org',
    'DELETE',
    () => `${o()}/members/${foreign.people.yan!.id}`,
    undefined,
    () => only({ admin: 404 }),
  ],
  ['view access', 'GET', () => `${o()}/members/${org.people.mia!.id}/access`, undefined, () => only({ admin: 200 })],
  [
    'view access of someone of another org',
    'GET',
    () => `${o()}/members/${foreign.people.yan!.id}/access`,
    undefined,
    () => only({ admin: 404 }),
  ],
  [
    'bulk preview',
    'POST',
    () => `${o()}/members/bulk`,
    { action: { type: 'remove' }, filter: {}, preview: true },
    () => only({ admin: 200 }),
  ],
  [
    'undo a change that never happened',
    'POST',
    () => `${o()}/members/undo`,
    { eventSeq: 999 },
    () => only({ admin: 404 }),
  ],
  ['events', 'GET', () => `${o()}/events?since=0`, undefined, () => only({ admin: 200 })],
  ['read the audit log', 'GET', () => `${o()}/audit?action=member.*`, undefined, () => only({ admin: 200 })],
  ['export the audit log', 'GET', () => `${o()}/audit/export?format=csv`, undefined, () => only({ admin: 200 })],
  ['revert an entry that does not exist', 'POST', () => `${o()}/audit/999999/revert`, {}, () => only({ admin: 404 })],
  ['export the members', 'GET', () => `${o()}/members/export?format=ndjson`, undefined, () => only({ admin: 200 })],
  ['read settings', 'GET', () => `${o()}/settings`, undefined, () => only({ admin: 200 })],
  [
    'change settings (stale)',
    'PATCH',
    () => `${o()}/settings`,
    { protectCreator: false, version: 999 },
    () => only({ admin: 409 }),
  ],
  [
    'list workspaces',
    'GET',
    () => `${o()}/workspaces`,
    undefined,
    () => only({ member: 200, external: 200, workspaceOwner: 200, admin: 200 }),
  ],
  [
    'list a workspace’s members',
    'GET',
    () => `${o()}/workspaces/${org.workspaces.Design}/members`,
    undefined,
    () => only({ workspaceOwner: 200, admin: 200 }),
  ],
  [
    'change a workspace role (no-op)',
    'PATCH',
    () => `${o()}/workspaces/${org.workspaces.Design}/members/${org.people.mia!.id}`,
    { role: 'MEMBER', version: 1 },
    () => only({ workspaceOwner: 200, admin: 200 }),
  ],
  [
    'a workspace of another org',
    'GET',
    () => `${o()}/workspaces/${foreign.workspaces.Secret}/members`,
    undefined,
    () => only({ admin: 404 }),
  ],
  ['list invitations', 'GET', () => `${o()}/invitations`, undefined, () => only({ admin: 200 })],
  ['list invite requests', 'GET', () => `${o()}/invite-requests`, undefined, () => only({ admin: 200 })],
  ['leave (not allowed by the org)', 'POST', () => `${o()}/leave`, {}, () => only({})],
  [
    'another org’s members, by its id',
    'GET',
    () => `/api/orgs/${foreign.id}/members`,
    undefined,
    () => only({ foreignAdmin: 200 }),
  ],
];

describe('authorization matrix', () => {
  for (const [name, method, path, body, expected] of cases) {
    it(name, async () => {
      const seen = {} as Expect;
      for (const persona of personas) {
        const response = await clients[persona].request(method, path(), body);
        seen[persona] = response.status;
        if (response.status >= 400) {
          const { error } = ErrorBodySchema.parse(await response.json());
          // A refusal names no other org's data: only our stable envelope comes back.
          expect(JSON.stringify(error)).not.toContain(foreign.people.yan!.email);
        }
      }
      expect(seen).toEqual(expected());
    });
  }
});
