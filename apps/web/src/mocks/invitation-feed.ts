import { db, findOrg } from './db.ts';
import { demoPeople } from './fixtures/people.ts';
import { configureInvitationStore, invitationStore } from './invitation-store.ts';
import { createInvitations, expireInvitation, revokeInvitation } from './invitation-rules.ts';
import { MockRefusal } from './mock-errors.ts';
import type { ScenarioName } from './scenarios.ts';

const ORG_ID = 'org_acme';

/** Knobs of the invitation scenarios, set before the mock db is first read. */
export function configureInvitationScenario(name: ScenarioName) {
  configureInvitationStore({ moreExpired: name === 'expired-invites', mailFails: name === 'mail-failure' });
}

/** `seat-cap`: the cap is exactly the seats in use, so any new invitation gets LIMIT_EXCEEDED. */
export function applyInvitationScenario(name: ScenarioName) {
  const org = findOrg(ORG_ID);
  if (!org || name !== 'seat-cap') return;
  const live = invitationStore().invitations.filter(
    (i) => i.orgId === ORG_ID && ['pending', 'requested'].includes(i.status),
  );
  org.settings = { ...org.settings, memberCap: org.members.length + live.length };
}

/** As Grace, in turn: invite someone new, then revoke that invitation (and, with expired-invites, expire one). */
function playOnce(tick: number, name: ScenarioName) {
  const org = findOrg(ORG_ID);
  const grace = demoPeople.grace;
  if (!org) return;
  const asGrace = <T>(run: () => T) => {
    const session = db.sessionUserId;
    db.sessionUserId = grace.id;
    try {
      return run();
    } catch (error) {
      if (!(error instanceof MockRefusal)) throw error;
      return undefined;
    } finally {
      db.sessionUserId = session;
    }
  };
  const ours = invitationStore().invitations.filter(
    (i) => i.orgId === ORG_ID && i.status === 'pending' && i.row.email.startsWith('guest.'),
  );
  if (name === 'expired-invites' && tick % 3 === 2) {
    const pending = invitationStore().invitations.find((i) => i.orgId === ORG_ID && i.status === 'pending');
    if (pending) expireInvitation(ORG_ID, pending.row.id);
    return;
  }
  if (tick % 2 === 1 && ours[0]) {
    asGrace(() => revokeInvitation(ORG_ID, ours[0]!.row.id, ours[0]!.row.version));
    return;
  }
  asGrace(() => createInvitations(ORG_ID, { emails: [`guest.${Date.now() % 100000}@example.com`], role: 'MEMBER' }));
}

/** The invitation part of the live feed: every 9 s, unless the scenario is quiet. */
export function startInvitationFeed(name: ScenarioName): () => void {
  if (name === 'quiet') return () => {};
  let tick = 0;
  const timer = setInterval(() => playOnce(tick++, name), 9_000);
  return () => clearInterval(timer);
}
