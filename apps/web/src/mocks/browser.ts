import { setupWorker } from 'msw/browser';
import { persistSessionWith, resetMockDb } from './db.ts';
import { httpHandlers } from './handlers/http-handlers.ts';
import { socketHandlers } from './handlers/socket-handlers.ts';
import { startGovernanceFeed } from './governance-feed.ts';
import { startLiveFeed } from './live-feed.ts';
import { applyInvitationScenario, configureInvitationScenario, startInvitationFeed } from './invitation-feed.ts';
import { currentScenario } from './scenarios.ts';

const SESSION_KEY = 'roster-mock-session';

/** Mock mode: the worker serves every endpoint, the socket is mocked, and a scenario plays live. */
export async function startMockWorker() {
  const scenario = currentScenario();
  configureInvitationScenario(scenario.name);
  const db = resetMockDb(scenario.members ? { extraMembers: scenario.members } : {});
  // The mock "cookie": survives reloads of this tab, like a real session would.
  db.sessionUserId = sessionStorage.getItem(SESSION_KEY);
  persistSessionWith((userId) =>
    userId ? sessionStorage.setItem(SESSION_KEY, userId) : sessionStorage.removeItem(SESSION_KEY),
  );
  const worker = setupWorker(...httpHandlers, ...socketHandlers);
  await worker.start({
    onUnhandledRequest: (request, print) => {
      if (new URL(request.url).pathname.startsWith('/api/')) print.warning();
    },
    quiet: true,
  });
  startLiveFeed(scenario);
  startGovernanceFeed(scenario);
  applyInvitationScenario(scenario.name);
  startInvitationFeed(scenario.name);
  console.info(
    `[roster] mock mode, scenario "${scenario.name}" (?scenario=live|busy|reconnect|large|quiet|expired-invites|mail-failure|seat-cap|busy-org)`,
  );
}
