import type { OrgRole } from '@roster/contracts';
import { findOrg, roleIn } from './db.ts';
import { demoPeople } from './fixtures/people.ts';
import { mockSockets } from './handlers/socket-handlers.ts';
import { changeRole } from './member-rules.ts';
import { MockRefusal } from './mock-errors.ts';
import type { Scenario } from './scenarios.ts';

const ORG_ID = 'org_acme';
const actor = demoPeople.grace;

/** The next role for someone: members and externals swap, and now and then someone becomes admin and back. */
function nextRole(role: OrgRole, tick: number): OrgRole {
  if (role === 'ADMIN') return 'MEMBER';
  if (role === 'MEMBER' && tick % 7 === 3) return 'ADMIN';
  return role === 'MEMBER' ? 'EXTERNAL' : 'MEMBER';
}

/** One change by Grace Hopper to someone who is neither a demo account nor the creator. */
function playOnce(scenario: Scenario, tick: number) {
  const org = findOrg(ORG_ID);
  if (!org || roleIn(org, actor.id) !== 'ADMIN' || mockSockets.size === 0) return;
  const reserved = new Set(Object.values(demoPeople).map((p) => p.id));
  const candidates = org.members.filter((m) => !reserved.has(m.userId) && !m.lite);
  const target = candidates[(tick * 17) % candidates.length];
  if (!target) return;
  const dropBroadcast = scenario.dropEveryNth !== null && tick % scenario.dropEveryNth === scenario.dropEveryNth - 1;
  try {
    changeRole(org, actor.id, target.userId, nextRole(target.role, tick), target.version, { dropBroadcast });
  } catch (error) {
    if (!(error instanceof MockRefusal)) throw error;
  }
}

/** Plays the scenario for as long as the page lives; the mock sockets receive what it commits. */
export function startLiveFeed(scenario: Scenario): () => void {
  const timers: ReturnType<typeof setInterval>[] = [];
  let tick = 0;
  if (scenario.changeEveryMs !== null)
    timers.push(setInterval(() => playOnce(scenario, tick++), scenario.changeEveryMs));
  if (scenario.disconnectEveryMs !== null) {
    timers.push(setInterval(() => mockSockets.forEach((c) => c.client.close()), scenario.disconnectEveryMs));
  }
  return () => timers.forEach(clearInterval);
}
