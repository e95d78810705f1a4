import { io as connect, type Socket } from 'socket.io-client';
import { vi } from 'vitest';
import type { RosterEvent } from '@roster/contracts';
import { manualClock } from '../src/lib/clock.ts';
import { shutdownInSteps } from '../src/lib/bounded-shutdown.ts';
import { createLogger, type Logger } from '../src/lib/logger.ts';
import { startServer, type RunningServer, type ServerConfig } from '../src/server.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { adminRoom } from '../src/realtime/rooms.ts';
import { createTestDatabase } from './test-database.ts';
import { PASSWORD } from './factories.ts';

export interface TestServer {
  server: RunningServer;
  database: DatabaseHandle;
  clock: ReturnType<typeof manualClock>;
  /** Signs a person in through the real auth endpoint and returns an API client for them. */
  signIn(email: string): Promise<ApiClient>;
  close(): Promise<void>;
}

/** The real app on a real port and a fresh database; a fake clock moves time. */
export interface TestServerOptions {
  heartbeatMs?: number;
  /** Send mail through this SMTP server instead of the dev mailbox. */
  smtpUrl?: string;
  /** Mail retry delays; the fake clock must pass them before a retry is due. */
  mailRetryDelaysMs?: number[];
  /** Turn the sign-in, sign-up, reset and resend limits on (off by default, so suites can sign in freely). */
  rateLimit?: boolean;
  trustProxy?: string;
  publicUrl?: string;
  /** Serve this database instead of a fresh one (a second "process" on the same data); not closed by close(). */
  database?: DatabaseHandle;
  /** How long a change may wait for its org's turn before 503 BUSY. */
  orgQueueWaitMs?: number;
  /** Past this, an unanswered API request is answered 503 BUSY. */
  requestTimeoutMs?: number;
  /** Serve this built SPA folder. */
  webRoot?: string;
  /** MAX_ORGS_PER_USER (default 20). */
  maxOrgsPerUser?: number;
  /** Requests one API key may make a minute (default API_KEY_REQUESTS_PER_MINUTE). */
  apiKeyRequestsPerMinute?: number;
  /** Webhook delivery settings (private targets, retry schedule, poll). */
  webhooks?: ServerConfig['webhooks'];
  /** Log here instead of nowhere (TEST_LOG_LEVEL=debug logs to the console). */
  logger?: Logger;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const ownsDatabase = !options.database;
  const clock = manualClock(new Date());
  const logger = options.logger ?? testLogger();
  const server = await startServer({
    db: database.db,
    logger,
    port: 0,
    host: '127.0.0.1',
    clock,
    secret: 'test-secret-that-is-long-enough-for-the-library',
    rateLimit: options.rateLimit ?? false,
    trustProxy: options.trustProxy,
    publicUrl: options.publicUrl,
    heartbeatMs: options.heartbeatMs,
    smtpUrl: options.smtpUrl,
    mail: { retryDelaysMs: options.mailRetryDelaysMs },
    orgQueueWaitMs: options.orgQueueWaitMs,
    requestTimeoutMs: options.requestTimeoutMs,
    webRoot: options.webRoot,
    maxOrgsPerUser: options.maxOrgsPerUser,
    apiKeyRequestsPerMinute: options.apiKeyRequestsPerMinute,
    webhooks: options.webhooks,
  });
  const sockets: Socket[] = [];
  return {
    server,
    database,
    clock,
    async signIn(email) {
      const client = await signIn(server, email);
      const openSocket = client.socket.bind(client);
      client.socket = (opts) => {
        const socket = openSocket(opts);
        sockets.push(socket);
        return socket;
      };
      return client;
    },
    async close() {
      sockets.forEach((s) => s.disconnect());
      await shutdownInSteps(
        [
          ['test server', () => server.close()],
          ['test database', () => (ownsDatabase ? database.close() : undefined)],
        ],
        logger,
        20_000,
      );
    },
  };
}

export interface ApiClient {
  cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(path: string, body: unknown): Promise<Response>;
  delete(path: string, body?: unknown): Promise<Response>;
  socket(options?: { origin?: string }): Socket;
}

async function signIn(server: RunningServer, email: string): Promise<ApiClient> {
  const response = await server.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return apiClient(server, cookie);
}

export function apiClient(server: RunningServer, cookie: string): ApiClient {
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    server.app.request(path, {
      method,
      headers: {
        cookie,
        origin: server.url,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    cookie,
    request,
    get: (path) => request('GET', path),
    post: (path, body, headers) => request('POST', path, body, headers),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path, body) => request('DELETE', path, body),
    socket: (opts = {}) =>
      connect(server.url, {
        transports: ['websocket'],
        extraHeaders: { cookie, origin: opts.origin ?? server.url },
        reconnection: false,
      }),
  };
}

/** Resolves with the next `roster:event` of a given type (or rejects after a while). */
export function nextEvent<T extends RosterEvent['type']>(socket: Socket, type: T, timeoutMs = 5_000) {
  return new Promise<Extract<RosterEvent, { type: T }>>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off('roster:event', onEvent);
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    function onEvent(event: RosterEvent) {
      if (event.type !== type) return;
      clearTimeout(timer);
      socket.off('roster:event', onEvent);
      resolve(event as Extract<RosterEvent, { type: T }>);
    }
    socket.on('roster:event', onEvent);
  });
}

/** Collects every `roster:event` a socket receives. */
export function recordEvents(socket: Socket): RosterEvent[] {
  const seen: RosterEvent[] = [];
  socket.on('roster:event', (event: RosterEvent) => seen.push(event));
  return seen;
}

export function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

/** Waits until the server has placed the socket in its rooms (the first sync answers after that). */
export async function ready(socket: Socket, orgId: string) {
  await connected(socket);
  await socket.timeout(5_000).emitWithAck('roster:sync', { orgId, since: 0 });
}

/**
 * Waits until the server has the socket in (or out of) an org's admin room. Room changes made
 * after a request was answered (an account hook, a settings change) land a moment later.
 */
export async function inAdminRoom(t: TestServer, socket: Socket, orgId: string, expected = true) {
  await vi.waitFor(
    async () => {
      const ids = (await t.server.realtime.io.in(adminRoom(orgId)).fetchSockets()).map((s) => s.id);
      if (ids.includes(socket.id!) !== expected)
        throw new Error(`socket ${expected ? 'not yet in' : 'still in'} the admin room`);
    },
    { timeout: 5_000, interval: 20 },
  );
}

/** Silent unless TEST_LOG_LEVEL=debug, but a stalled shutdown always shows: it names what hung. */
function testLogger(): Logger {
  const base = createLogger(process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent');
  return {
    ...base,
    warn(msg, data) {
      if (msg.startsWith('shutdown:')) console.warn(msg, data ?? '');
      base.warn(msg, data);
    },
  };
}
