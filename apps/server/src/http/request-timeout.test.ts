import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { remainingMs } from '../lib/request-deadline.ts';
import type { AppEnv } from './context.ts';
import { errorHandler } from './error-handler.ts';
import { requestTimeout } from './request-timeout.ts';

function app(handlerMs: number, seen: { left?: number } = {}) {
  const hono = new Hono<AppEnv>();
  hono.onError(errorHandler(createLogger('silent')));
  hono.use('*', requestTimeout(100));
  hono.get('/slow', async (c) => {
    seen.left = remainingMs();
    await new Promise((resolve) => setTimeout(resolve, handlerMs));
    return c.json({ ok: true });
  });
  return hono;
}

it('answers a request still unanswered at its deadline with 503 BUSY and Retry-After', async () => {
  const response = await app(1_000).request('/slow');
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(await response.json()).toMatchObject({ error: { code: 'BUSY' } });
});

it('lets a quick request through, and tells the layers below how long is left', async () => {
  const seen: { left?: number } = {};
  const response = await app(5, seen).request('/slow');
  expect(response.status).toBe(200);
  expect(seen.left).toBeGreaterThan(50);
  expect(seen.left).toBeLessThanOrEqual(100);
  expect(remainingMs()).toBeUndefined();
});
