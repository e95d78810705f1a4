import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  InvitationLinkSchema,
  type ErrorCode,
} from '@roster/contracts';
import { STRONG_PASSWORD } from './account-helpers.ts';
import { databaseSnapshot } from './database-snapshot.ts';
import { createOrg, type TestOrg } from './factories.ts';
import { requestInvitation } from './invite-request-helpers.ts';
import { apiClient, startTestServer, type ApiClient, type TestServer } from './test-server.ts';

// The inputs of an outside review that answered 500 (NUL bytes, lone surrogates, odd cursor
// dates, a 900 KB name, numbers past the database's integers, ids no route could hold), each
// against a real route: a 4xx with its stable code, and nothing written.
let t: TestServer;
let org: TestOrg;
let callers: Record<'admin' | 'member' | 'anonymous', ApiClient>;
let requestId: string;
let token: string;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
  callers = {
    admin: await t.signIn(org.people.ada!.email),
    member: await t.signIn(org.people.linus!.email),
    anonymous: apiClient(t.server, ''),
  };
  requestId = await requestInvitation(callers.member, org.id, 'proposed@example.test');
  const created = await callers.admin.post(`/api/orgs/${org.id}/invitations`, {
    emails: ['newcomer@example.test'],
    role: 'MEMBER',
  });
  const invitationId = CreateInvitationsResponseSchema.parse(await created.json()).results[0]!.invitationId!;
  const link = await callers.admin.post(`/api/orgs/${org.id}/invitations/${invitationId}/link`, {});
  token = InvitationLinkSchema.parse(await link.json()).url.split('/invitations/')[1]!;
  await t.server.mail.worker.drain();
});
afterAll(() => t.close());

/** A cursor as the server encodes one (base64url JSON), holding whatever a forger likes. */
const forged = (...parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const nul = encodeURIComponent('\u0000');
const o = () => `/api/orgs/${org.id}`;
const hugeName = 'N'.repeat(900_000);

type Case = {
  name: string;
  as: keyof typeof callers;
  method: string;
  path: () => string;
  body?: () => unknown;
  headers?: Record<string, string>;
  status: number;
  code: ErrorCode;
};

const invalid = (name: string, c: Omit<Case, 'name' | 'status' | 'code'>): Case => ({
  name,
  ...c,
  status: 422,
  code: 'VALIDATION_FAILED',
});
const badCursor = (name: string, path: () => string): Case => ({
  name,
  as: 'admin',
  method: 'GET',
  path,
  status: 400,
  code: 'INVALID_CURSOR',
});
const notFound = (name: string, c: Omit<Case, 'name' | 'status' | 'code'>): Case => ({
  name,
  ...c,
  status: 404,
  code: 'NOT_FOUND',
});

const cases: Case[] = [
  // Text with what no person types, in bodies, queries and headers.
  invalid('workspace name with NUL', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/workspaces`,
    body: () => ({ name: 'Design\u0000' }),
  }),
  invalid('workspace name with a lone surrogate', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/workspaces`,
    body: () => ({ name: 'Ops \ud800' }),
  }),
  invalid('workspace name with a terminal escape', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/workspaces`,
    body: () => ({ name: 'Ops\u001b[2J' }),
  }),
  invalid('display name of 900 KB', {
    as: 'member',
    method: 'PATCH',
    path: () => '/api/me',
    body: () => ({ name: hugeName, version: 1 }),
  }),
  invalid('display name with NUL', {
    as: 'member',
    method: 'PATCH',
    path: () => '/api/me',
    body: () => ({ name: 'Linus\u0000', version: 1 }),
  }),
  invalid('reject reason with NUL', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/invite-requests/${requestId}/reject`,
    body: () => ({ version: 1, reason: 'no\u0000thanks' }),
  }),
  invalid('invitation address with NUL', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/invitations`,
    body: () => ({ emails: ['nul\u0000@example.test'], role: 'MEMBER' }),
  }),
  invalid('idempotency key with a control character', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/invitations`,
    body: () => ({ emails: ['keyed@example.test'], role: 'MEMBER' }),
    headers: { 'idempotency-key': 'key\u0001' },
  }),
  invalid('members search with NUL', { as: 'admin', method: 'GET', path: () => `${o()}/members?q=a${nul}b` }),
  invalid('invitations search with NUL', { as: 'admin', method: 'GET', path: () => `${o()}/invitations?q=${nul}` }),
  invalid('people search with NUL', {
    as: 'admin',
    method: 'GET',
    path: () => `${o()}/workspaces/${org.workspaces.Design}/people?q=ad${nul}`,
  }),
  invalid('bulk filter with NUL', {
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/members/bulk`,
    body: () => ({ action: { type: 'remove' }, filter: { q: '\u0000' }, preview: true }),
  }),
  invalid('sign-up with a 900 KB name', {
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-up/email',
    body: () => ({ name: hugeName, email: 'huge@example.test', password: STRONG_PASSWORD }),
  }),
  invalid('sign-up from an invitation link with a 900 KB name', {
    as: 'anonymous',
    method: 'POST',
    path: () => `/api/invitations/${token}/sign-up`,
    body: () => ({ name: hugeName, password: STRONG_PASSWORD }),
  }),
  invalid('sign-in with a lone surrogate in the password', {
    as: 'anonymous',
    method: 'POST',
    path: () => '/api/auth/sign-in/email',
    body: () => ({ email: org.people.linus!.email, password: 'pass\udfffword' }),
  }),
  // Cursors the server never issued, and dates PostgreSQL cannot hold.
  badCursor('members cursor that is not base64 JSON', () => `${o()}/members?cursor=%25%25not-ours`),
  badCursor(
    'members cursor with a date only JavaScript reads',
    () => `${o()}/members?sort=joinedAt&cursor=${forged('members:joinedAt', '1', 'x')}`,
  ),
  badCursor(
    'members cursor before 4713 BC',
    () => `${o()}/members?sort=joinedAt&cursor=${forged('members:joinedAt', '-271821-04-20T00:00:00.000Z', 'x')}`,
  ),
  badCursor(
    'members cursor of the old shape with a date PostgreSQL cannot hold',
    () => `${o()}/members?sort=joinedAt&cursor=${forged('-271821-04-20T00:00:00.000Z', 'x')}`,
  ),
  badCursor(
    'members cursor with NUL in a name',
    () => `${o()}/members?cursor=${forged('members:name', 'ada\u0000', 'x')}`,
  ),
  badCursor(
    'members cursor of another sort',
    () => `${o()}/members?sort=name&cursor=${forged('members:role', 'ADMIN', 'ada', 'x')}`,
  ),
  badCursor(
    'invitations cursor before 4713 BC',
    () => `${o()}/invitations?cursor=${forged('invitations', '-271821-04-20T00:00:00.000Z', 'x')}`,
  ),
  badCursor(
    'invitations cursor in the year 275760',
    () => `${o()}/invitations?cursor=${forged('invitations', '+275760-09-13T00:00:00.000Z', 'x')}`,
  ),
  badCursor(
    'invite-requests cursor on the 45th of the 13th month',
    () => `${o()}/invite-requests?cursor=${forged('invitations', '2026-13-45T00:00:00.000Z', 'x')}`,
  ),
  // Ids in paths that no row could have.
  notFound('member id with NUL', {
    as: 'admin',
    method: 'PATCH',
    path: () => `${o()}/members/${nul}`,
    body: () => ({ role: 'ADMIN', version: 1 }),
  }),
  notFound('workspace id with NUL', { as: 'admin', method: 'GET', path: () => `${o()}/workspaces/${nul}/members` }),
  notFound('org id with NUL', { as: 'admin', method: 'GET', path: () => `/api/orgs/x${nul}/members` }),
  notFound('org id of 300 characters', {
    as: 'admin',
    method: 'GET',
    path: () => `/api/orgs/${'o'.repeat(300)}/settings`,
  }),
  notFound('org id that is not UTF-8', { as: 'admin', method: 'GET', path: () => '/api/orgs/%C0%80/settings' }),
  notFound('session id with NUL', { as: 'member', method: 'DELETE', path: () => `/api/me/sessions/${nul}` }),
  notFound('inbox invitation id with NUL', {
    as: 'member',
    method: 'POST',
    path: () => `/api/me/invitations/${nul}/accept`,
    body: () => ({}),
  }),
  notFound('invitation token with NUL', { as: 'anonymous', method: 'GET', path: () => `/api/invitations/${nul}` }),
  // Numbers past PostgreSQL's integer.
  invalid('version past 2^31', {
    as: 'admin',
    method: 'PATCH',
    path: () => `${o()}/members/${org.people.linus!.id}`,
    body: () => ({ role: 'ADMIN', version: 2 ** 40 }),
  }),
  invalid('remove with a version past 2^31', {
    as: 'admin',
    method: 'DELETE',
    path: () => `${o()}/members/${org.people.linus!.id}?version=99999999999`,
  }),
  invalid('events since past 2^31', { as: 'admin', method: 'GET', path: () => `${o()}/events?since=99999999999` }),
  // A body larger than any request needs.
  {
    name: 'body of 2 MB',
    as: 'admin',
    method: 'POST',
    path: () => `${o()}/workspaces`,
    body: () => ({ name: 'x'.repeat(2 * 1024 * 1024) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

describe('bad input answers 4xx with a stable code and writes nothing', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const before = await databaseSnapshot(t.database.db);
      const response = await callers[c.as].request(c.method, c.path(), c.body?.(), c.headers);
      const body: unknown = await response.json().catch(() => null);
      expect({ status: response.status, code: ErrorBodySchema.safeParse(body).data?.error.code }).toEqual({
        status: c.status,
        code: c.code,
      });
      await t.server.mail.worker.drain();
      expect(await databaseSnapshot(t.database.db)).toEqual(before);
    });
  }

  it('still serves the invitation link the long name could not break', async () => {
    const response = await callers.anonymous.get(`/api/invitations/${token}`);
    expect(response.status).toBe(200);
  });
});
