import { randomBytes } from 'node:crypto';
import {
  API_KEY_SCOPES,
  CreatedApiKeySchema,
  CreateInvitationsResponseSchema,
  InvitationLinkSchema,
  ListInvitationsResponseSchema,
  ListMembersResponseSchema,
  MemberSortSchema,
} from '@roster/contracts';
import { createOrg, grantWorkspace, type TestOrg } from './factories.ts';
import type { Pools } from './fuzz-arbitraries.ts';
import { requestInvitation } from './invite-request-helpers.ts';
import { apiClient, type ApiClient, type TestServer } from './test-server.ts';

/** Every kind of caller, as in the authorization matrix. */
export const personas = ['anonymous', 'stranger', 'external', 'member', 'workspaceOwner', 'admin', 'program'] as const;
export type Persona = (typeof personas)[number];

/** How often each caller is drawn: those who may do most are drawn most, to reach deep code. */
export const personaWeights: Record<Persona, number> = {
  anonymous: 1,
  stranger: 1,
  external: 1,
  member: 2,
  workspaceOwner: 2,
  admin: 4,
  program: 2,
};

export interface World {
  org: TestOrg;
  /** Another org, whose admin is the stranger: its ids must never open anything here. */
  foreign: TestOrg;
  clients: Record<Persona, ApiClient>;
  emails: Record<Persona, string>;
  pools: Pools;
  /** Who holds which role, as built: while it holds, the next route can reuse this world. */
  fingerprint: string;
}

/**
 * One org with a person of every kind, a foreign org, a live invitation link, an invitation in
 * the stranger's inbox, two requests, and cursors the server issued for each list.
 */
export async function buildWorld(t: TestServer): Promise<World> {
  const db = t.database.db;
  const org = await createOrg(
    db,
    { ada: 'ADMIN', linus: 'MEMBER', eve: 'EXTERNAL', olga: 'MEMBER', mia: 'MEMBER', ivan: 'MEMBER' },
    { workspaces: ['Design', 'Platform'] },
  );
  await grantWorkspace(db, org.id, org.workspaces.Design!, org.people.olga!.id, 'OWNER');
  await grantWorkspace(db, org.id, org.workspaces.Design!, org.people.mia!.id, 'MEMBER');
  const foreign = await createOrg(db, { zed: 'ADMIN', yan: 'MEMBER' }, { workspaces: ['Secret'] });
  const emails: Record<Persona, string> = {
    anonymous: '',
    stranger: foreign.people.zed!.email,
    external: org.people.eve!.email,
    member: org.people.linus!.email,
    workspaceOwner: org.people.olga!.email,
    admin: org.people.ada!.email,
    program: '',
  };
  const clients = { anonymous: apiClient(t.server, '') } as Record<Persona, ApiClient>;
  for (const persona of personas.slice(1, -1)) clients[persona] = await t.signIn(emails[persona]);

  const admin = clients.admin;
  // The org's own program: every scope but `admin`, so it reaches far and never grants ADMIN.
  const made = await admin.post(`/api/orgs/${org.id}/api-keys`, {
    name: 'Fuzz program',
    scopes: API_KEY_SCOPES.filter((scope) => scope !== 'admin'),
  });
  clients.program = keyClient(t, CreatedApiKeySchema.parse(await made.json()).key);
  const newcomer = `newcomer.${randomBytes(4).toString('hex')}@example.test`;
  const invited = await admin.post(`/api/orgs/${org.id}/invitations`, {
    emails: [newcomer, emails.stranger],
    role: 'MEMBER',
  });
  const invitationIds = CreateInvitationsResponseSchema.parse(await invited.json()).results.map((r) => r.invitationId!);
  const link = await admin.post(`/api/orgs/${org.id}/invitations/${invitationIds[0]}/link`, {});
  const token = InvitationLinkSchema.parse(await link.json()).url.split('/invitations/')[1]!;
  const requestIds = [
    await requestInvitation(clients.member, org.id, `proposed.${randomBytes(4).toString('hex')}@example.test`),
    await requestInvitation(clients.member, org.id, `proposed.${randomBytes(4).toString('hex')}@example.test`),
  ];
  await t.server.mail.worker.drain();

  const people = [...Object.values(org.people), ...Object.values(foreign.people)];
  const userIds = people.map((p) => p.id);
  const workspaceIds = [...Object.values(org.workspaces), ...Object.values(foreign.workspaces)];
  const sessions = await t.database.db.selectFrom('sessions').select('id').where('user_id', 'in', userIds).execute();
  const slugs = await db.selectFrom('organizations').select('slug').where('id', 'in', [org.id, foreign.id]).execute();
  const byName = {
    orgId: [org.id, org.id, org.id, foreign.id],
    slug: slugs.map((row) => row.slug),
    userId: userIds,
    wsId: workspaceIds,
    workspaceId: workspaceIds,
    id: [...invitationIds, ...requestIds, ...sessions.map((s) => s.id)],
  };
  const world: Omit<World, 'fingerprint'> = {
    org,
    foreign,
    clients,
    emails,
    pools: {
      byName,
      ids: [...Object.values(byName).flat(), 'system'],
      emails: [
        ...people.map((p) => p.email),
        newcomer,
        'fresh.person@example.test',
        'ADA@EXAMPLE.TEST',
        'not-an-email',
      ],
      tokens: [token, randomBytes(32).toString('base64url')],
      cursors: await issuedCursors(admin, org.id),
    },
  };
  return { ...world, fingerprint: await fingerprint(t, world) };
}

/**
 * The roles, settings and accounts the callers depend on. Changing routes may alter them (a
 * member removed, two-factor required); when they did, the next route gets a fresh world.
 */
export async function fingerprint(t: TestServer, world: Pick<World, 'org' | 'emails'>): Promise<string> {
  const db = t.database.db;
  const [members, grants, org, users] = await Promise.all([
    db
      .selectFrom('org_members')
      .select(['user_id', 'role', 'lite'])
      .where('org_id', '=', world.org.id)
      .orderBy('user_id')
      .execute(),
    db
      .selectFrom('workspace_members')
      .select(['workspace_id', 'user_id', 'role'])
      .where('org_id', '=', world.org.id)
      .orderBy('user_id')
      .orderBy('workspace_id')
      .execute(),
    db.selectFrom('organizations').select(['settings']).where('id', '=', world.org.id).execute(),
    db
      .selectFrom('users')
      .select(['email', 'two_factor_enabled', 'email_verified'])
      .where('email', 'in', Object.values(world.emails).filter(Boolean))
      .orderBy('email')
      .execute(),
  ]);
  return JSON.stringify({ members, grants, org, users });
}

/** The first page's `nextCursor` of every list and sort: cursors the server really issued. */
async function issuedCursors(admin: ApiClient, orgId: string): Promise<string[]> {
  const cursors: string[] = [];
  for (const sort of MemberSortSchema.options) {
    const page = ListMembersResponseSchema.parse(
      await (await admin.get(`/api/orgs/${orgId}/members?sort=${sort}&limit=1`)).json(),
    );
    cursors.push(page.nextCursor!);
  }
  for (const list of ['invitations', 'invite-requests']) {
    const page = ListInvitationsResponseSchema.pick({ nextCursor: true }).parse(
      await (await admin.get(`/api/orgs/${orgId}/${list}?limit=1`)).json(),
    );
    cursors.push(page.nextCursor!);
  }
  return cursors;
}

/** After a caller signed themselves out (or deleted their account), they come back if they can. */
export async function signInAgain(t: TestServer, world: World, persona: Persona): Promise<void> {
  if (persona === 'anonymous' || persona === 'program') return;
  try {
    world.clients[persona] = await t.signIn(world.emails[persona]);
  } catch {
    world.clients[persona] = apiClient(t.server, '');
  }
}

/** A program calling with an API key: `Authorization: Bearer`, and neither cookie nor Origin. */
function keyClient(t: TestServer, key: string): ApiClient {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.server.app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    cookie: '',
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path, body) => request('DELETE', path, body),
    socket: () => {
      throw new Error('A program has no live connection');
    },
  };
}
