import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { Logger } from '../lib/logger.ts';
import { freePort, startRedis, type Child } from '../../test/processes.ts';
import { useRedisAdapter } from './redis-adapter.ts';

const redisMissing = spawnSync('redis-server', ['--version']).status !== 0;
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

describe.skipIf(redisMissing && !process.env.CI)('the Redis adapter when Redis dies', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (stops.length) await stops.pop()!();
  });

  it('survives server-side emits in flight when Redis is killed, with no unhandled rejection', async () => {
    const port = await freePort();
    const redis: Child = await startRedis(port);
    stops.push(() => redis.stop());
    // Not attached to an HTTP server: the adapter is all this needs, and closing it is closing its client.
    const io = new Server();
    const close = await useRedisAdapter(io, `redis://127.0.0.1:${port}`, quiet);
    stops.push(close);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    stops.push(async () => void process.off('unhandledRejection', onUnhandled));

    // Presence beats and the event tail's news go out as server-side emits (PUBLISH), many a second.
    const emitting = setInterval(() => io.serverSideEmit('beat', Date.now()), 1);
    stops.push(async () => clearInterval(emitting));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    expect(unhandled.map(String)).toEqual([]);
  });
});
