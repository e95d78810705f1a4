import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { startServer } from '../server.ts';
import { freePort } from '../../test/processes.ts';
import { createTestDatabase } from '../../test/test-database.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisReachable = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(redisUrl);
  const socket = connect(Number(port || 6379), hostname);
  socket.once('connect', () => resolve(true));
  socket.once('error', () => resolve(false));
  socket.setTimeout(1_000, () => resolve(false));
});

// With Redis the server awaits its adapter after it listens: requests already arrive then.
describe.skipIf(!redisReachable)('a server starting while requests arrive', () => {
  it('answers them 503 BUSY or for real, never crashes, and still serves the SPA', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'roster-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    const database = await createTestDatabase();
    const port = await freePort();
    const statuses = new Set<number>();
    let starting = true;
    const knock = (async () => {
      while (starting) {
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (response) => statuses.add(response.status),
          () => undefined,
        );
      }
    })();
    const server = await startServer({
      db: database.db,
      logger: createLogger('silent'),
      port,
      host: '127.0.0.1',
      secret: 'test-secret-that-is-long-enough-for-the-library',
      rateLimit: false,
      redisUrl,
      webRoot,
    });
    try {
      await fetch(`${server.url}/api/health`).then((response) => statuses.add(response.status));
      starting = false;
      await knock;
      expect([...statuses].filter((status) => status !== 200 && status !== 503)).toEqual([]);
      expect((await fetch(`${server.url}/members`)).status).toBe(200);
    } finally {
      starting = false;
      await server.close();
      await database.close();
    }
  });
});
