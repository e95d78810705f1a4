import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_KEY_SCOPES,
  CreatedApiKeySchema,
  ErrorBodySchema,
  ListApiKeysResponseSchema,
  ListAuditResponseSchema,
  MemberAccessSchema,
  type ApiKeyScope,
} from '@roster/contracts';
import { createOrg, memberRow, type TestOrg } from '../../../test/factories.ts';
import { invitationRow, requestInvitation, requestsUrl } from '../../../test/invite-request-helpers.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';
import { hashApiKey } from './api-key-token.ts';

let t: TestServer;
let org: TestOrg;
let other: TestOrg;
let creator: ApiClient;
let admin: ApiClient;
let member: ApiClient;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(
    t.database.db,
    { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER', mia: 'MEMBER', otto: 'MEMBER' },
    { workspaces: ['Design'] },
  );
  other = await createOrg(t.database.db, { zed: 'ADMIN' }, { workspaces: ['Secret'] });
  creator = await t.signIn(org.people.ada!.email);
  admin = await t.signIn(org.people.grace!.email);
  member = await t.signIn(org.people.linus!.email);
});
afterAll(() => t.close());

const keysUrl = (orgId = org.id) => `/api/orgs/${orgId}/api-keys`;

async function makeKey(scopes: ApiKeyScope[], by = creator, extra: Record<string, unknown> = {}) {
  const response = await by.post(keysUrl(), { name: `Key ${scopes.join(' ')}`.slice(0, 100), scopes, ...extra });
  expect(response.status).toBe(201);
  return CreatedApiKeySchema.parse(await response.json());
}

/** A request as a program makes it: the key, and neither cookie nor Origin. */
function withKey(key: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return t.server.app.request(path, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function errorCode(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error.code;
}

describe('making, listing and revoking keys', () => {
  it('shows the key once and keeps only its hash', async () => {
    const created = await makeKey(['members:read']);
    expect(created.key).toMatch(/^rk_[0-9a-f]{8}_[0-9a-f]{64}$/);
    expect(created.key.startsWith(`${created.prefix}_`)).toBe(true);
    const row = await t.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(created.prefix.length + 1));

    const list = ListApiKeysResponseSchema.parse(await (await creator.get(keysUrl())).json());
    const listed = list.items.find((k) => k.id === created.id)!;
    expect(listed).toMatchObject({
      prefix: created.prefix,
      scopes: ['members:read'],
      createdBy: { id: org.people.ada!.id, name: org.people.ada!.name },
      lastUsedAt: null,
      expiresAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.key);
  });

  it('is for admins only, and refuses a bad body with a code', async () => {
    expect((await member.get(keysUrl())).status).toBe(403);
    expect((await member.post(keysUrl(), { name: 'x', scopes: ['members:read'] })).status).toBe(403);
    for (const body of [
      { name: '', scopes: ['members:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['members:read', 'members:read'] },
      { name: 'x', scopes: ['root'] },
      { name: 'x'.repeat(101), scopes: ['members:read'] },
      { name: 'x', scopes: ['members:read'], expiresInDays: 366 },
      { name: 'x', scopes: ['members:read'], expiresInDays: 0 },
    ]) {
      const response = await creator.post(keysUrl(), body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('lets only the org’s creator give the admin scope', async () => {
    const refused = await admin.post(keysUrl(), { name: 'Root', scopes: ['admin'] });
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('FORBIDDEN');
    await makeKey(['admin'], creator);
    await makeKey(['members:read'], admin);
  });

  it('audits creation and revocation, with the creator and the key named', async () => {
    const created = await makeKey(['audit:read'], admin);
    expect((await admin.delete(`${keysUrl()}/${created.id}`)).status).toBe(204);
    const audit = ListAuditResponseSchema.parse(await (await creator.get(`/api/orgs/${org.id}/audit`)).json());
    const actions = audit.items
      .filter((e) => e.target.id === created.id)
      .map((e) => [e.action, e.actor.kind, e.target]);
    expect(actions).toEqual([
      ['api_key.revoked', 'user', { kind: 'api_key', id: created.id, name: 'Key audit:read' }],
      ['api_key.created', 'user', { kind: 'api_key', id: created.id, name: 'Key audit:read' }],
    ]);
    const list = ListApiKeysResponseSchema.parse(await (await creator.get(keysUrl())).json());
    expect(list.items.map((k) => k.id)).not.toContain(created.id);
  });

  it('sends the admins key changes live', async () => {
    const socket = admin.socket();
    const events: Array<{ type: string }> = [];
    socket.on('roster:event', (event: { type: string }) => events.push(event));
    await new Promise<void>((resolve) => socket.on('connect', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const created = await makeKey(['members:read']);
    await creator.delete(`${keysUrl()}/${created.id}`);
    await expect.poll(() => events.map((e) => e.type)).toEqual(['api_key.created', 'api_key.revoked']);
    socket.disconnect();
  });
});

describe('a key on the org’s routes', () => {
  type Case = [scope: ApiKeyScope, method: string, path: () => string, body?: unknown];
  const o = () => `/api/orgs/${org.id}`;
  const cases: Case[] = [
    ['members:read', 'GET', () => `${o()}/members`],
    ['members:read', 'GET', () => `${o()}/members/${org.people.linus!.id}/access`],
    ['members:read', 'GET', () => `${o()}/members/export?format=csv`],
    ['members:read', 'GET', () => `${o()}/admins`],
    ['members:write', 'PATCH', () => `${o()}/members/${org.people.linus!.id}`, {}],
    ['members:write', 'POST', () => `${o()}/members/bulk`, {}],
    ['invitations:read', 'GET', () => `${o()}/invitations`],
    ['invitations:read', 'GET', () => `${o()}/invite-requests`],
    ['invitations:write', 'POST', () => `${o()}/invitations`, {}],
    ['workspaces:read', 'GET', () => `${o()}/workspaces`],
    ['workspaces:read', 'GET', () => `${o()}/workspaces/${org.workspaces.Design}/members`],
    ['workspaces:write', 'POST', () => `${o()}/workspaces`, {}],
    ['audit:read', 'GET', () => `${o()}/audit`],
    ['settings:read', 'GET', () => `${o()}/settings`],
    ['settings:read', 'GET', o],
    ['settings:write', 'PATCH', () => `${o()}/settings`, {}],
    ['settings:write', 'PATCH', o, {}],
  ];
  const keys = new Map<ApiKeyScope, string>();
  let everything: string;

  beforeAll(async () => {
    for (const scope of API_KEY_SCOPES) keys.set(scope, (await makeKey([scope])).key);
    everything = (await makeKey([...API_KEY_SCOPES])).key;
  });

  it.each(cases)('%s is needed for %s %s', async (scope, method, path, body) => {
    const allowed = await withKey(keys.get(scope)!, method, path(), body);
    // Through the gate: the route answers (a body of `{}` is then refused by the route itself).
    expect(allowed.status, await allowed.clone().text()).toBe(body === undefined ? 200 : 422);
    for (const without of API_KEY_SCOPES.filter((s) => s !== scope)) {
      const refused = await withKey(keys.get(without)!, method, path(), body);
      expect(refused.status, without).toBe(403);
      expect(await errorCode(refused)).toBe('API_KEY_SCOPE_MISSING');
    }
  });

  it('answers the permission check: org role and each workspace role', async () => {
    const response = await withKey(keys.get('members:read')!, 'GET', `${o()}/members/${org.people.linus!.id}/access`);
    const access = MemberAccessSchema.parse(await response.json());
    expect(access).toMatchObject({ orgRole: 'MEMBER', workspaces: [{ id: org.workspaces.Design, role: null }] });
  });

  it('never reaches what no key may use, whatever its scopes', async () => {
    for (const [method, path, body] of [
      ['GET', `${o()}/api-keys`],
      ['POST', `${o()}/api-keys`, { name: 'x', scopes: ['members:read'] }],
      ['DELETE', o(), { confirm: 'x' }],
      ['POST', `${o()}/leave`],
      ['POST', `${o()}/transfer`, { userId: 'x', version: 1 }],
      ['GET', `${o()}/domains`],
      ['GET', `${o()}/events?after=0`],
      ['POST', `${o()}/audit/1/revert`, {}],
      ['GET', '/api/me'],
      ['POST', '/api/orgs', { name: 'Mine' }],
    ] as Array<[string, string, unknown?]>) {
      const response = await withKey(everything, method, path, body);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(response)).toBe('API_KEY_SCOPE_MISSING');
    }
  });

  it('gets nothing of another org: 404, as a stranger', async () => {
    for (const path of [`/api/orgs/${other.id}`, `/api/orgs/${other.id}/members`, `/api/orgs/${other.id}/workspaces`]) {
      const response = await withKey(everything, 'GET', path);
      expect(response.status).toBe(404);
      expect(await errorCode(response)).toBe('ORG_NOT_FOUND');
    }
    const write = await withKey(everything, 'POST', `/api/orgs/${other.id}/workspaces`, { name: 'Planted' });
    expect(write.status).toBe(404);
  });

  it('works without cookie or Origin, and with a foreign Origin too (CSRF rules are for cookies)', async () => {
    const plain = await withKey(keys.get('workspaces:write')!, 'POST', `${o()}/workspaces`, { name: 'From a script' });
    expect(plain.status).toBe(201);
    const foreign = await withKey(
      keys.get('workspaces:write')!,
      'POST',
      `${o()}/workspaces`,
      { name: 'From elsewhere' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(201);
    // The same foreign Origin with a cookie is still refused.
    const cookie = await creator.request(
      'POST',
      `${o()}/workspaces`,
      { name: 'Forged' },
      { origin: 'https://evil.example' },
    );
    expect(cookie.status).toBe(403);
  });

  it('ignores a cookie sent beside the key: the key alone decides', async () => {
    const response = await withKey(keys.get('audit:read')!, 'GET', `${o()}/members`, undefined, {
      cookie: creator.cookie,
    });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('API_KEY_SCOPE_MISSING');
  });

  it('is the actor of its changes in the audit log', async () => {
    const created = await makeKey(['workspaces:write'], admin);
    const response = await withKey(created.key, 'POST', `${o()}/workspaces`, { name: 'Made by a key' });
    expect(response.status).toBe(201);
    const audit = ListAuditResponseSchema.parse(await (await creator.get(`${o()}/audit?actor=${created.id}`)).json());
    expect(audit.items[0]).toMatchObject({
      action: 'workspace.created',
      actor: { kind: 'api_key', id: created.id, name: 'Key workspaces:write' },
    });
  });

  it('notes when and from where it was last used, at most once a minute', async () => {
    const created = await makeKey(['members:read']);
    const lastUse = async () =>
      ListApiKeysResponseSchema.parse(await (await creator.get(keysUrl())).json()).items.find(
        (k) => k.id === created.id,
      )!;
    // Over a real socket, so the server sees the caller's address.
    const call = () =>
      fetch(`${t.server.url}/api/orgs/${org.id}/members`, { headers: { authorization: `Bearer ${created.key}` } });
    expect((await call()).status).toBe(200);
    const first = await lastUse();
    expect(first.lastUsedAt).toBe(t.clock.now().toISOString());
    expect(first.lastUsedIp).toMatch(/127\.0\.0\.1/);
    t.clock.advance(30_000);
    await call();
    expect((await lastUse()).lastUsedAt).toBe(first.lastUsedAt);
    t.clock.advance(31_000);
    await call();
    expect((await lastUse()).lastUsedAt).toBe(t.clock.now().toISOString());
  });
});

describe('granting ADMIN', () => {
  let writer: string;
  let root: string;

  beforeAll(async () => {
    writer = (await makeKey(['members:write', 'invitations:write', 'invitations:read'])).key;
    root = (await makeKey(['members:write', 'invitations:write', 'admin'])).key;
  });

  it('a key without the admin scope cannot invite an admin', async () => {
    const body = { emails: ['new-admin@example.test'], role: 'ADMIN' };
    const refused = await withKey(writer, 'POST', `/api/orgs/${org.id}/invitations`, body);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe('FORBIDDEN');
    const member = await withKey(writer, 'POST', `/api/orgs/${org.id}/invitations`, { ...body, role: 'MEMBER' });
    expect(member.status).toBe(200);
    const admin = await withKey(root, 'POST', `/api/orgs/${org.id}/invitations`, {
      emails: ['other-admin@example.test'],
      role: 'ADMIN',
    });
    expect(admin.status).toBe(200);
  });

  it('a key without the admin scope cannot make someone an admin', async () => {
    const target = org.people.mia!.id;
    const version = (await memberRow(t.database.db, org.id, target))!.version;
    const refused = await withKey(writer, 'PATCH', `/api/orgs/${org.id}/members/${target}`, { role: 'ADMIN', version });
    expect(refused.status).toBe(403);
    expect((await memberRow(t.database.db, org.id, target))!.role).toBe('MEMBER');
    const bulk = await withKey(writer, 'POST', `/api/orgs/${org.id}/members/bulk`, {
      action: { type: 'change_role', role: 'ADMIN' },
      members: [{ userId: target, version }],
    });
    await bulk.text();
    expect((await memberRow(t.database.db, org.id, target))!.role).toBe('MEMBER');
    const done = await withKey(root, 'PATCH', `/api/orgs/${org.id}/members/${target}`, { role: 'ADMIN', version });
    expect(done.status).toBe(200);
    expect((await memberRow(t.database.db, org.id, target))!.role).toBe('ADMIN');
  });

  it('a key without the admin scope cannot approve a request as an admin', async () => {
    const requestId = await requestInvitation(member, org.id, 'asked-for@example.test');
    const { version } = await invitationRow(t.database.db, requestId);
    const refused = await withKey(writer, 'POST', `${requestsUrl(org.id, requestId)}/approve`, {
      role: 'ADMIN',
      version,
    });
    expect(refused.status).toBe(403);
    const approved = await withKey(writer, 'POST', `${requestsUrl(org.id, requestId)}/approve`, { version });
    expect(approved.status).toBe(200);
  });

  it('audits the refusal as the key’s', async () => {
    const target = org.people.otto!.id;
    const version = (await memberRow(t.database.db, org.id, target))!.version;
    const refused = await withKey(writer, 'PATCH', `/api/orgs/${org.id}/members/${target}`, { role: 'ADMIN', version });
    expect(refused.status).toBe(403);
    const audit = ListAuditResponseSchema.parse(
      await (await creator.get(`/api/orgs/${org.id}/audit?outcome=denied`)).json(),
    );
    expect(audit.items[0]).toMatchObject({
      actor: { kind: 'api_key' },
      target: { id: target },
      data: { action: 'member.change_role', code: 'FORBIDDEN' },
    });
  });
});

describe('a key that stops working', () => {
  it('is refused at once once revoked', async () => {
    const created = await makeKey(['members:read']);
    expect((await withKey(created.key, 'GET', `/api/orgs/${org.id}/members`)).status).toBe(200);
    expect((await creator.delete(`${keysUrl()}/${created.id}`)).status).toBe(204);
    const refused = await withKey(created.key, 'GET', `/api/orgs/${org.id}/members`);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('API_KEY_REVOKED');
  });

  it('is refused once expired', async () => {
    const created = await makeKey(['members:read'], creator, { expiresInDays: 1 });
    expect((await withKey(created.key, 'GET', `/api/orgs/${org.id}/members`)).status).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    const refused = await withKey(created.key, 'GET', `/api/orgs/${org.id}/members`);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('API_KEY_EXPIRED');
  });

  it('refuses what is no key of ours', async () => {
    for (const value of ['rk_00000000_' + '0'.repeat(64), 'not-a-key', '']) {
      const response = await withKey(value, 'GET', `/api/orgs/${org.id}/members`);
      expect(response.status, value).toBe(401);
      expect(await errorCode(response)).toBe('API_KEY_INVALID');
    }
  });

  it('two revocations at once: one revokes, the other finds nothing, one audit row', async () => {
    const created = await makeKey(['members:read']);
    const answers = await Promise.all([
      creator.delete(`${keysUrl()}/${created.id}`),
      admin.delete(`${keysUrl()}/${created.id}`),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([204, 404]);
    const rows = await t.database.db
      .selectFrom('events')
      .select('seq')
      .where('org_id', '=', org.id)
      .where('type', '=', 'api_key.revoked')
      .where('target_id', '=', created.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('the OpenAPI document', () => {
  it('declares the bearer scheme with its scope on the operations a key may call, and only there', async () => {
    const document = (await (await t.server.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security: Array<Record<string, string[]>> }>>;
    };
    const security = (path: string, method: string) => document.paths[path]![method]!.security;
    expect(security('/api/orgs/{orgId}/members', 'get')).toContainEqual({ bearer: ['members:read'] });
    expect(security('/api/orgs/{orgId}/invitations', 'post')).toContainEqual({ bearer: ['invitations:write'] });
    expect(security('/api/orgs/{orgId}/api-keys', 'post')).toEqual([{ session: [] }]);
    expect(security('/api/orgs/{orgId}', 'delete')).toEqual([{ session: [] }]);
  });
});

describe('two server processes on one database', () => {
  let second: TestServer;

  beforeAll(async () => {
    second = await startTestServer({ database: t.database, apiKeyRequestsPerMinute: 4 });
  });
  afterAll(() => second.close());

  const onSecond = (key: string) =>
    second.server.app.request(`/api/orgs/${org.id}/members`, { headers: { authorization: `Bearer ${key}` } });

  it('a key revoked on one is refused by the other at once', async () => {
    const created = await makeKey(['members:read']);
    expect((await onSecond(created.key)).status).toBe(200);
    expect((await creator.delete(`${keysUrl()}/${created.id}`)).status).toBe(204);
    const refused = await onSecond(created.key);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('API_KEY_REVOKED');
  });

  it('one key’s limit counts its requests on both', async () => {
    const created = await makeKey(['members:read']);
    // The first server allows 600 a minute; the second, 4: its counter already holds the first's.
    for (let i = 0; i < 4; i += 1)
      expect((await withKey(created.key, 'GET', `/api/orgs/${org.id}/members`)).status).toBe(200);
    const refused = await onSecond(created.key);
    expect(refused.status).toBe(429);
  });
});

describe('rate limit per key', () => {
  let limited: TestServer;

  beforeAll(async () => {
    limited = await startTestServer({ apiKeyRequestsPerMinute: 3 });
  });
  afterAll(() => limited.close());

  it('answers the IETF RateLimit headers, then 429 with Retry-After', async () => {
    const small = await createOrg(limited.database.db, { kim: 'ADMIN' });
    const kim = await limited.signIn(small.people.kim!.email);
    const created = CreatedApiKeySchema.parse(
      await (await kim.post(`/api/orgs/${small.id}/api-keys`, { name: 'Busy', scopes: ['members:read'] })).json(),
    );
    const call = () =>
      limited.server.app.request(`/api/orgs/${small.id}/members`, {
        headers: { authorization: `Bearer ${created.key}` },
      });
    const first = await call();
    expect(first.status).toBe(200);
    expect(first.headers.get('RateLimit-Policy')).toBe('"default";q=3;w=60');
    expect(first.headers.get('RateLimit')).toMatch(/^"default";r=2;t=\d+$/);
    await call();
    await call();
    const refused = await call();
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(refused.headers.get('RateLimit')).toMatch(/^"default";r=0;t=\d+$/);
  });
});
