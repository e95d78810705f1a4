import './shims/node-globals.ts';
import { setupWorker } from 'msw/browser';
import { consoleLogger, createInProcessApp } from '../../../../server/src/in-process-app.ts';
import { apiHandler } from './api-handler.ts';
import { createCookieJar, sessionStorageOf } from './cookie-jar.ts';
import { liveBridge } from './live-bridge.ts';
import { keepForbiddenHeaders } from './shims/forbidden-headers.ts';

declare global {
  interface Window {
    __rosterMockServer?: { timings: Record<string, number>; startedAt: number; readyAt: number };
  }
}

/**
 * Mock mode on the server's own code (ADR 18): MSW hands every /api request to the server's
 * Hono app, which runs in this tab on PGlite with the real migrations and the demo seed, and
 * the server's publisher reaches the page through the mocked Socket.IO connection.
 */
export async function startMockWorker(): Promise<void> {
  const startedAt = performance.now();
  keepForbiddenHeaders();
  const origin = location.origin;
  const jar = createCookieJar(sessionStorageOf('roster-mock-cookies'));
  const bridge = liveBridge({ jar, logger: consoleLogger });
  const { app, timings } = await createInProcessApp({ origin, live: bridge.live, expirySweepMs: 60_000 });
  const worker = setupWorker(apiHandler({ fetch: (request) => app.fetch(request), jar, origin }), ...bridge.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  window.__rosterMockServer = { timings, startedAt, readyAt: performance.now() };
  console.info('[roster] mock mode: the server runs in this tab; sign in as ada@acme.test / roster-demo');
}
