import './node-typed-arrays.ts';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { server } from '../msw-server.ts';
import { apiHandler } from '../../mocks/server-in-browser/api-handler.ts';
import { keepForbiddenHeaders } from '../../mocks/server-in-browser/shims/forbidden-headers.ts';
import { TEST_ORIGIN, type DemoPerson } from './demo-people.ts';
import { closeServerApp, jar, resetServerApp, serverApp } from './server-app.ts';

export type { DemoPerson } from './demo-people.ts';

/**
 * Answers this file's /api requests with the server's own app (ADR 18), in this process: the
 * same routes, rules and refusals as production, on PGlite reset to the demo seed after each test.
 */
export function withServerApp(): void {
  // The tab's Request and Response, as mock mode installs them (start.ts): a request the app
  // rebuilds (the body limit wraps its body) keeps the cookie and Origin the handler gave it.
  const { Request, Response } = globalThis;
  beforeAll(keepForbiddenHeaders);
  afterAll(() => void Object.assign(globalThis, { Request, Response }));
  // Started before the first test, so no test's own time limit pays for the start.
  beforeAll(async () => void (await serverApp()), 60_000);
  beforeEach(() => {
    server.use(
      apiHandler({ fetch: async (request) => (await serverApp()).app.app.fetch(request), jar, origin: TEST_ORIGIN }),
    );
  });
  afterEach(resetServerApp);
  afterAll(closeServerApp);
}

/** Signs a demo person in, as the browser's session cookie would (their session is in the seed). */
export function signInAs(person: DemoPerson): void {
  jar.clear();
  const cookies = inject('serverApp').cookies[person];
  const headers = new Headers();
  for (const pair of cookies.split('; ')) headers.append('set-cookie', `${pair}; Path=/`);
  jar.store(new Response(null, { headers }));
}

/** The cookies the browser holds now ('' once signed out). */
export function browserCookies(): string {
  return jar.header();
}

/** The app's database, for the situations the UI cannot make (an expired invitation...). */
export async function testDb() {
  return (await serverApp()).app.db;
}

/** A demo person's user id, as the seed gave it. */
export async function userIdOf(person: DemoPerson): Promise<string> {
  const email = { ada: 'ada@acme.test', grace: 'grace@acme.test', linus: 'linus@acme.test', ext: 'ext@partner.test' }[
    person
  ];
  const row = await (
    await testDb()
  )
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A seeded organization's id (the demo seed has Acme, `acme`). */
export async function orgIdOf(slug: string): Promise<string> {
  const row = await (
    await testDb()
  )
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A seeded workspace of an organization, by name. */
export async function workspaceOf(orgId: string, name: string): Promise<{ id: string; version: number }> {
  return (await testDb())
    .selectFrom('workspaces')
    .select(['id', 'version'])
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Another person, acting through the API while the page under test watches: what they change
 * goes through the server's rules and reaches the page as it would live.
 */
export function as(person: DemoPerson) {
  const send = async <T = unknown>(method: Method, path: string, body?: unknown): Promise<T> => {
    const { app } = await serverApp();
    const headers = new Headers({ cookie: inject('serverApp').cookies[person], origin: TEST_ORIGIN });
    if (body !== undefined) headers.set('content-type', 'application/json');
    const response = await app.app.fetch(
      new Request(`${TEST_ORIGIN}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`${person}: ${method} ${path} answered ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T = unknown>(path: string) => send<T>('GET', path),
    post: <T = unknown>(path: string, body?: unknown) => send<T>('POST', path, body),
    patch: <T = unknown>(path: string, body?: unknown) => send<T>('PATCH', path, body),
    put: <T = unknown>(path: string, body?: unknown) => send<T>('PUT', path, body),
    delete: <T = unknown>(path: string, body?: unknown) => send<T>('DELETE', path, body),
  };
}

/** How many members an org has now (the members page's count). */
export async function memberCountOf(orgId: string): Promise<number> {
  const rows = await (await testDb()).selectFrom('org_members').select('user_id').where('org_id', '=', orgId).execute();
  return rows.length;
}
