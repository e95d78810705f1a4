import { createClient } from 'redis';
import type { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from '../lib/logger.ts';

/**
 * Shares rooms across server processes through Redis Streams (ADR 0004): unlike pub/sub it
 * replays what a node missed while the broker was briefly away. Postgres stays the truth; the
 * seq log and roster:sync cover anything longer.
 */
export async function useRedisAdapter(io: Server, url: string, logger: Logger): Promise<() => Promise<void>> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  // Without a listener a broker outage would be an unhandled 'error' event and kill the process.
  let down = false;
  client.on('error', (error) => {
    if (!down) logger.warn('redis unavailable; live updates fall back to sync', { error: String(error) });
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info('redis back');
    down = false;
  });
  await client.connect();
  catchDroppedPublishes(client, logger);
  io.adapter(createAdapter(client));
  return () => {
    client.destroy();
    return Promise.resolve();
  };
}

/**
 * The adapter sends server-side emits (presence beats, the event tail's news) by PUBLISH and
 * drops the promise (redis-streams-adapter 0.3.1). When Redis dies with one awaiting its reply,
 * the client rejects it, nothing catches it, and the unhandled rejection ends the process: both
 * nodes once did so in the fault suite. Each publish now has a catch; the caller still gets the
 * promise.
 */
function catchDroppedPublishes(client: ReturnType<typeof createClient>, logger: Logger) {
  const publish = client.publish.bind(client);
  Object.assign(client, {
    publish: (...args: Parameters<typeof publish>) => {
      const reply = publish(...args);
      reply.catch((error: unknown) => logger.debug('redis publish failed', { error: String(error) }));
      return reply;
    },
  });
}
