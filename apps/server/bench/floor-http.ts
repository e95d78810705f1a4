import type { AddressInfo } from 'node:net';
import type { Server as HttpServer } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import type { Db } from '../src/db/connect.ts';
import { commitFloorOnce } from './floor-commit.ts';

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

/** Bare Hono on the same database: `PATCH /rows/:id { role }` does the commit floor over HTTP. */
export async function startBareHono(db: Db): Promise<BareServer> {
  const app = new Hono();
  app.patch('/rows/:id', async (c) => {
    const { role } = await c.req.json<{ role: string }>();
    await commitFloorOnce(db, Number(c.req.param('id')), role);
    return c.json({ ok: true });
  });
  const server = createAdaptorServer({ fetch: app.fetch }) as HttpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Requests a second: each client sends its next request when its last one is answered, for
 * `ms` after a short warm-up.
 */
export async function ratePerSecond(clients: Array<(i: number) => Promise<void>>, ms: number): Promise<number> {
  await Promise.all(
    clients.map(async (send) => {
      for (let i = 0; i < 5; i++) await send(i);
    }),
  );
  let done = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (send) => {
      for (let i = 0; performance.now() - started < ms; i++) {
        await send(i);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function bareRate(bare: BareServer, clients: number, ms: number) {
  return ratePerSecond(
    Array.from({ length: clients }, (_, c) => async (i: number) => {
      const response = await fetch(`${bare.url}/rows/${c + 1}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: i % 2 ? 'MEMBER' : 'EXTERNAL' }),
      });
      if (!response.ok) throw new Error(`bare floor failed: ${response.status}`);
      await response.arrayBuffer();
    }),
    ms,
  );
}
