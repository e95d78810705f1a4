/**
 * What the mock live feed plays, picked with `?scenario=` (remembered for the tab):
 * - `live` (default): another admin changes a role every 4 s; every 5th broadcast is lost, so
 *   the client sees a gap and syncs.
 * - `busy`: a change every 120 ms, to watch a long list stay smooth under a stream of events.
 * - `reconnect`: like `live`, and the socket drops every 25 s, then comes back "Resynced".
 * - `large`: 5,000 members and a change every 250 ms: scrolling and paging stay smooth.
 * - `quiet`: nothing moves.
 * - `expired-invites`: several expired invitations, and the feed expires pending ones.
 * - `mail-failure`: every invitation mail fails ("Mail failed" badges).
 * - `seat-cap`: the seat cap is reached, so inviting anyone gets LIMIT_EXCEEDED.
 * - `busy-org`: 800 members, a role change every 2 s and a member's invite request every 6 s:
 *   the Requests badge counts up, and bulk actions have plenty to work on.
 * Every scenario but `quiet` also has Grace invite someone and revoke it, every 9 s.
 */
export type ScenarioName =
  'live' | 'busy' | 'reconnect' | 'large' | 'quiet' | 'expired-invites' | 'mail-failure' | 'seat-cap' | 'busy-org';

export interface Scenario {
  name: ScenarioName;
  changeEveryMs: number | null;
  dropEveryNth: number | null;
  disconnectEveryMs: number | null;
  members?: number;
  /** A member files an invitation request this often (governance). */
  requestEveryMs?: number;
}

const scenarios: Record<ScenarioName, Scenario> = {
  live: { name: 'live', changeEveryMs: 4_000, dropEveryNth: 5, disconnectEveryMs: null },
  busy: { name: 'busy', changeEveryMs: 120, dropEveryNth: 50, disconnectEveryMs: null },
  reconnect: { name: 'reconnect', changeEveryMs: 4_000, dropEveryNth: null, disconnectEveryMs: 25_000 },
  large: { name: 'large', changeEveryMs: 250, dropEveryNth: 40, disconnectEveryMs: null, members: 5_000 },
  quiet: { name: 'quiet', changeEveryMs: null, dropEveryNth: null, disconnectEveryMs: null },
  'expired-invites': { name: 'expired-invites', changeEveryMs: null, dropEveryNth: null, disconnectEveryMs: null },
  'mail-failure': { name: 'mail-failure', changeEveryMs: null, dropEveryNth: null, disconnectEveryMs: null },
  'seat-cap': { name: 'seat-cap', changeEveryMs: null, dropEveryNth: null, disconnectEveryMs: null },
  'busy-org': {
    name: 'busy-org',
    changeEveryMs: 2_000,
    dropEveryNth: null,
    disconnectEveryMs: null,
    members: 800,
    requestEveryMs: 6_000,
  },
};

const STORAGE_KEY = 'roster-mock-scenario';

export function currentScenario(): Scenario {
  const fromUrl = new URLSearchParams(window.location.search).get('scenario');
  if (fromUrl && fromUrl in scenarios) sessionStorage.setItem(STORAGE_KEY, fromUrl);
  const name = (sessionStorage.getItem(STORAGE_KEY) ?? 'live') as ScenarioName;
  return scenarios[name] ?? scenarios.live;
}
