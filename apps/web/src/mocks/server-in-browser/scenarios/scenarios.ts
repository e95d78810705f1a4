import { OTHER_ADMINS, playAdminsAround, promoteOtherAdmins } from './admins-around.ts';
import { seedDeletedOrg } from './deleted-org.ts';
import { playExpiries, seedExpiredInvitations } from './expired-invites.ts';
import { failAllMail } from './failing-mail.ts';
import { playInviteChurn } from './invite-churn.ts';
import { playInviteRequests } from './invite-requests.ts';
import { addMembers } from './many-members.ts';
import { seedLongHistory } from './long-history.ts';
import { seedNewcomer } from './newcomer.ts';
import { playRoleChanges } from './role-changes.ts';
import { reachSeatCap } from './seat-cap.ts';
import { every, type World } from './world.ts';

/**
 * A scenario: what is true before the page loads (`seed`), and what other people and the network
 * do while it is open (`play`). Changes go through the server's own rules as demo people; faults
 * go through the live bridge. Every scenario but `quiet` also has Grace invite someone and revoke
 * it every 9 s.
 */
export interface Scenario {
  summary: string;
  seed?(world: World): Promise<void>;
  play?(world: World): Promise<void> | void;
}

export const scenarios = {
  live: {
    summary: 'Grace changes a role every 4 s; every 5th live event is lost, so the page sees a gap and syncs',
    play: (world) => {
      world.bridge.faults.dropEveryNth = 5;
      return playRoleChanges(world, 4_000);
    },
  },
  busy: {
    summary: 'a role change every 120 ms (every 50th event lost): a long list stays smooth under a stream',
    play: (world) => {
      world.bridge.faults.dropEveryNth = 50;
      return playRoleChanges(world, 120);
    },
  },
  reconnect: {
    summary: 'like live without losses, and the connection drops every 25 s, then comes back "Resynced"',
    play: (world) => {
      every(25_000, () => world.bridge.dropConnections(), world.stopped);
      return playRoleChanges(world, 4_000);
    },
  },
  large: {
    summary: '5,000 more members and a role change every 250 ms: scrolling and paging stay smooth',
    seed: (world) => addMembers(world, 5_000),
    play: (world) => {
      world.bridge.faults.dropEveryNth = 40;
      return playRoleChanges(world, 250);
    },
  },
  'long-history': {
    summary:
      'seven months of audit log (thousands of entries), and Grace flips the role of Alan Ritchie or Alan Sutherland every 3 s: open their History to watch it grow',
    seed: seedLongHistory,
    play: (world) => playRoleChanges(world, 3_000, 2),
  },
  quiet: { summary: 'nothing moves' },
  'expired-invites': {
    summary: 'five expired invitations, and another of Grace’s pending ones expires every 20 s',
    seed: seedExpiredInvitations,
    play: (world) => playExpiries(world, 20_000),
  },
  'mail-failure': {
    summary: 'every mail fails: invitations show "Mail failed" once the retries give up (~6 s)',
    seed: failAllMail,
  },
  'seat-cap': {
    summary: 'the seat cap equals the seats in use, so the server refuses any further invitation',
    seed: reachSeatCap,
  },
  'busy-org': {
    summary:
      '800 more members, a role change every 2 s, a member’s invite request every 6 s; four more admins, and five admins on the admin pages: Grace opens a member’s role every few seconds, Margaret is away',
    seed: async (world) => {
      await addMembers(world, 800);
      await promoteOtherAdmins(world);
    },
    play: async (world) => {
      await playRoleChanges(world, 2_000, undefined, OTHER_ADMINS);
      await playInviteRequests(world, 6_000);
      await playAdminsAround(world);
    },
  },
  'deleted-org': {
    summary: 'Ada founded Beta Labs and deleted it: her switcher marks it Deleted and its page offers the restore',
    seed: seedDeletedOrg,
  },
  newcomer: {
    summary: 'sign in as nora@acme.test: no organization yet, and acme.test lets her join Acme on one click',
    seed: seedNewcomer,
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

const STORAGE_KEY = 'roster-mock-scenario';

/** `?scenario=name` picks one and the tab remembers it; `live` when none (or an unknown) is named. */
export function chosenScenario(): ScenarioName {
  const fromUrl = new URLSearchParams(location.search).get('scenario');
  if (fromUrl && fromUrl in scenarios) sessionStorage.setItem(STORAGE_KEY, fromUrl);
  const remembered = sessionStorage.getItem(STORAGE_KEY);
  return remembered && remembered in scenarios ? (remembered as ScenarioName) : 'live';
}

/**
 * Seeds (awaited: the page must not see the data without it) and starts the players. A scenario
 * that fails is reported and left out: mock mode itself still starts.
 */
export async function runScenario(name: ScenarioName, world: World): Promise<void> {
  const scenario: Scenario = scenarios[name];
  try {
    await scenario.seed?.(world);
    await scenario.play?.(world);
    if (name !== 'quiet') playInviteChurn(world);
  } catch (error) {
    console.error(`[roster] scenario "${name}" could not start`, error);
  }
}
