import './shims/node-globals.ts';
import { setupWorker } from 'msw/browser';
import databaseUrl from 'virtual:roster-mock-database';
import { consoleLogger, createInProcessApp } from '../../../../server/src/in-process-app.ts';
import { apiHandler } from './api-handler.ts';
import { createCookieJar, sessionStorageOf } from './cookie-jar.ts';
import { liveBridge } from './live-bridge.ts';
import { chosenScenario, runScenario, scenarioNames, scenarios } from './scenarios/scenarios.ts';
import { createWorld } from './scenarios/world.ts';
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
  const snapshot = await fetch(databaseUrl).then((response) => response.blob());
  const server = await createInProcessApp({ origin, live: bridge.live, snapshot, expirySweepMs: 60_000 });
  const scenario = chosenScenario();
  await runScenario(scenario, await createWorld(server, bridge, origin));
  const handler = apiHandler({ fetch: (request) => server.app.fetch(request), jar, origin });
  const worker = setupWorker(handler, ...bridge.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  window.__rosterMockServer = { timings: server.timings, startedAt, readyAt: performance.now() };
  console.info(
    '[roster] mock mode: the server runs in this tab; sign in as ada@acme.test / roster-demo\n' +
      `scenario "${scenario}": ${scenarios[scenario].summary}\n` +
      `another: ?scenario=${scenarioNames.join(' | ')}`,
  );
}
