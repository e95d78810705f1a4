import { createClient } from 'redis';
import type { Logger } from './logger.ts';

export type RedisClient = ReturnType<typeof createClient>;

/**
 * A Redis client that survives its broker: reconnects with backoff and, above all, has an
 * `error` listener, without which an outage would be an unhandled event that kills the process.
 */
export async function connectRedis(url: string, logger: Logger, purpose: string): Promise<RedisClient> {
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  let down = false;
  client.on('error', (error) => {
    if (!down) logger.warn(`redis unavailable (${purpose})`, { error: String(error) });
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info(`redis back (${purpose})`);
    down = false;
  });
  await client.connect();
  return client;
}
