import { setupServer } from 'msw/node';
import { connectDatabase, type Db } from '../../../../server/src/db/connect.ts';
import { migrateToLatest } from '../../../../server/src/db/migrate.ts';
import { seedDemo } from '../../../../server/src/db/seed-demo.ts';
import { createInProcessApp } from '../../../../server/src/in-process-app.ts';
import { systemClock } from '../../../../server/src/lib/clock.ts';
import { createLogger } from '../../../../server/src/lib/logger.ts';
import { startServer } from '../../../../server/src/server.ts';
import { apiHandler } from '../server-in-browser/api-handler.ts';
import type { CookieJar } from '../server-in-browser/cookie-jar.ts';
import { keepForbiddenHeaders } from '../server-in-browser/shims/forbidden-headers.ts';
import { createRestorePoint } from '../../../../server/src/db/restore-point.ts';
import type { Mail } from '../../../../server/src/mail/mail.ts';

export interface Answer {
  status: number;
  body: unknown;
}

/** One way of reaching the server's app: requests go in, answers come out, as a browser sees them. */
export interface Target {
  name: string;
  /** The origin links in answers carry. */
  origin: string;
  db: Db;
  send(jar: CookieJar, method: string, path: string, body?: unknown): Promise<Answer>;
  /** Remembers the database as it is now; `reset` brings it back. */
  snapshot(): Promise<void>;
  reset(): Promise<void>;
  /**
   * Lets the work a step left behind finish: what a change publishes after its response, and the
   * mail it queued. Steps then compare the app at rest, not a race with its background work.
   */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const silent = createLogger('silent');
// Both sides name the same client, so the sessions they record look alike.
const USER_AGENT = 'roster-parity';

/** The Node server itself, on a real port, over real HTTP; the person's cookie travels as a header. */
export async function startRealTarget(fetch: typeof globalThis.fetch): Promise<Target> {
  const database = await connectDatabase({});
  const { db } = database;
  await migrateToLatest(db);
  await seedDemo(db, systemClock);
  const server = await startServer({
    db,
    logger: silent,
    port: 0,
    host: '127.0.0.1',
    secret: 'parity-secret-that-is-long-enough-for-the-library',
    rateLimit: false,
  });
  // server.url names localhost, which may resolve to ::1 while the server listens on 127.0.0.1.
  const address = server.url.replace('localhost', '127.0.0.1');
  let restore: (() => Promise<void>) | undefined;
  return {
    name: 'server',
    origin: server.url,
    db,
    async send(jar, method, path, body) {
      const headers = new Headers({ 'user-agent': USER_AGENT });
      const cookie = jar.header();
      if (cookie) headers.set('cookie', cookie);
      if (method !== 'GET') headers.set('origin', server.url);
      if (body !== undefined) headers.set('content-type', 'application/json');
      const response = await fetch(`${address}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
      });
      jar.store(response);
      return { status: response.status, body: await readBody(response) };
    },
    snapshot: async () => void (restore = await createRestorePoint(db)),
    reset: () => restore!(),
    settle: () => settled(server.mail),
    async close() {
      await server.close();
      await database.close();
    },
  };
}

/**
 * Mock mode in Node: the in-process app behind the very MSW handler the tab uses, reached
 * through the global fetch. The handler's jar is whichever person the current step acts as.
 */
export async function startMockTarget(): Promise<Target> {
  const origin = 'http://mock.test';
  const inProcess = await createInProcessApp({ origin, logger: silent });
  let current: CookieJar | undefined;
  const jar: CookieJar = {
    header: () => current!.header(),
    store: (response) => current!.store(response),
    clear: () => current!.clear(),
  };
  const msw = setupServer(apiHandler({ fetch: (request) => inProcess.app.fetch(request), jar, origin }));
  msw.listen({ onUnhandledRequest: 'error' });
  let restore: (() => Promise<void>) | undefined;
  return {
    name: 'mock',
    origin,
    db: inProcess.db,
    async send(personJar, method, path, body) {
      current = personJar;
      return inTheTabsGlobals(async () => {
        const headers = new Headers({ 'user-agent': USER_AGENT });
        if (body !== undefined) headers.set('content-type', 'application/json');
        const response = await globalThis.fetch(`${origin}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          redirect: 'manual',
        });
        return { status: response.status, body: await readBody(response) };
      });
    },
    snapshot: async () => void (restore = await createRestorePoint(inProcess.db)),
    reset: () => restore!(),
    settle: () => settled(inProcess.mail),
    async close() {
      msw.close();
      await inProcess.close();
    },
  };
}

/**
 * The tab's Request and Response (start.ts: keepForbiddenHeaders) while mock mode answers: a
 * request the app rebuilds (the body limit wraps its body) keeps the cookie and Origin the
 * handler gave it; without them every change with a body is answered 401. Only for the length
 * of one request: the Node server in this same process starts with its own Request on the
 * global object, and answers 500 to a DELETE with the tab's.
 */
async function inTheTabsGlobals<T>(run: () => Promise<T>): Promise<T> {
  const { Request, Response } = globalThis;
  keepForbiddenHeaders();
  try {
    return await run();
  } finally {
    Object.assign(globalThis, { Request, Response });
  }
}

/** One turn of the event loop runs what was published after commit; then the outbox is emptied. */
async function settled(mail: Mail): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await mail.worker.drain();
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('ndjson'))
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as unknown);
  if (type.includes('json') && text) return JSON.parse(text) as unknown;
  // A download: its type and file name's shape, and its lines (compared with ids and times named).
  if (type.startsWith('text/csv')) {
    const filename = response.headers.get('content-disposition')?.replace(/\d{4}-\d{2}-\d{2}/g, '<date>');
    return { contentType: type, filename, csv: text.split('\n') };
  }
  return text;
}
