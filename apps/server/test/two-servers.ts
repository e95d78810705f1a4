import { expect } from 'vitest';
import { PASSWORD } from './factories.ts';
import { freePort, hasCommand, startRedis, startServerProcess, type Child } from './processes.ts';
import { createTestDatabase } from './test-database.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';

/** Two server processes need a real PostgreSQL to share and a Redis of their own to start. */
export const twoServersRunnable = Boolean(process.env.DATABASE_URL) && hasCommand('redis-server');

export interface TwoServers {
  database: DatabaseHandle;
  servers: [Child & { url: string }, Child & { url: string }];
  /** The private Redis both use: stop it for an outage, start it again on the same port. */
  redis: { stop(): Promise<void>; start(): Promise<void> };
  /** Signs in through one server's real auth endpoint; the session cookie works on both. */
  signIn: (serverUrl: string, email: string) => Promise<string>;
  close(): Promise<void>;
}

/** Two real server processes on one fresh PostgreSQL database and one private Redis, as behind a load balancer. */
export async function startTwoServers(): Promise<TwoServers> {
  const database = await createTestDatabase();
  const redisPort = await freePort();
  let redis: Child | undefined = await startRedis(redisPort);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = (
    await database.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('name')).executeTakeFirstOrThrow()
  ).name;
  const env = {
    DATABASE_URL: `${url.protocol}//${url.username}@${url.host}${url.pathname}`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    SESSION_SECRET: 'two-servers-secret-shared-by-both-processes-0123456789',
  };
  const servers = (await Promise.all([startServerProcess(env), startServerProcess(env)])) as TwoServers['servers'];
  return {
    database,
    servers,
    redis: {
      async stop() {
        await redis?.stop();
        redis = undefined;
      },
      async start() {
        redis = await startRedis(redisPort);
      },
    },
    signIn: async (serverUrl, email) => {
      const response = await fetch(`${serverUrl}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: serverUrl },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      return response.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
    },
    async close() {
      await Promise.all(servers.map((s) => s.stop()));
      await redis?.stop();
      await database.close();
    },
  };
}
