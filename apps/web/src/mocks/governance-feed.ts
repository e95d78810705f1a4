import { findOrg } from './db.ts';
import { demoPeople } from './fixtures/people.ts';
import { fileRequest } from './handlers/invite-requests-handlers.ts';
import { mockSockets } from './handlers/socket-handlers.ts';
import type { Scenario } from './scenarios.ts';

const first = ['ana', 'bo', 'cy', 'dee', 'eli', 'fay', 'gus', 'hal', 'ida', 'jo'];

/** Members propose invitations now and then, so the admins' Requests badge counts up live. */
export function startGovernanceFeed(scenario: Scenario): () => void {
  if (!scenario.requestEveryMs) return () => {};
  let tick = 0;
  const timer = setInterval(() => {
    const org = findOrg('org_acme');
    if (!org || mockSockets.size === 0) return;
    const requesters = org.members.filter((m) => m.role === 'MEMBER' && !m.lite);
    const by = requesters[(tick * 7) % requesters.length]?.userId ?? demoPeople.linus.id;
    const email = `${first[tick % first.length]}.${Date.now().toString(36)}@newhire.test`;
    fileRequest(org, by, email, tick % 4 === 3 ? 'EXTERNAL' : 'MEMBER');
    tick += 1;
  }, scenario.requestEveryMs);
  return () => clearInterval(timer);
}
