import { presenceEvents, type PresenceState, type PresenceUpdate } from '@roster/contracts';
import type { Db } from '../src/db/connect.ts';
import type { RunningServer } from '../src/server.ts';
import { createOrg, PASSWORD } from '../test/factories.ts';
import { signIn } from './http.ts';
import { SocketFleet } from './socket-fleet.ts';

export interface PresenceRun {
  /** From a new socket's `presence:update` onto the page until the last of the others has the state naming it. */
  join: number[];
  /** The page they then knew (its size is reported). */
  state: PresenceState;
  /** The message that told them (changes naming one person), so the floor relays the same size. */
  message: unknown;
  /** While one admin changes what they edit `editsPerSecond` times a second. */
  traffic: { bytesPerSocketPerSecond: number; statesPerSocket: number };
}

/**
 * `sockets` admins of one org (one socket each, each a different person) on its members page:
 * how soon they see another admin arrive, and what presence costs each of them in bytes while
 * one of them keeps opening and closing a member's role.
 */
export async function measurePresence(
  server: RunningServer,
  db: Db,
  sockets: number,
  samples: number,
  trafficSeconds: number,
  editsPerSecond = 2,
): Promise<PresenceRun> {
  const admins = Array.from({ length: sockets }, (_, i) => [`admin${i}`, 'ADMIN'] as const);
  const org = await createOrg(db, { ...Object.fromEntries(admins), joiner: 'ADMIN', edited: 'MEMBER' });
  const cookies = [];
  for (const [key] of admins) cookies.push(await signIn(server, org.people[key]!.email, PASSWORD));
  const joiner = org.people.joiner!;
  const joinerCookie = await signIn(server, joiner.email, PASSWORD);
  const onPage = { orgId: org.id, view: 'members' } satisfies PresenceUpdate;
  const fleet = SocketFleet.start();
  await fleet.open({ url: server.url, cookies, orgId: org.id, count: sockets });
  await fleet.present({ event: presenceEvents.update, payload: onPage, people: sockets });

  const join: number[] = [];
  let state: PresenceState | undefined;
  let message: unknown;
  for (let i = 0; i < samples + 3; i++) {
    const run = await fleet.join(
      { url: server.url, cookie: joinerCookie, orgId: org.id, count: 1 },
      {
        event: presenceEvents.update,
        payload: onPage,
        personId: joiner.id,
        // Off the page, so the next sample's arrival is a change again (a closed tab would linger for the grace).
        leave: { ...onPage, view: null } satisfies PresenceUpdate,
      },
    );
    // The first few warm the paths both ways.
    if (i < 3) continue;
    join.push(run.last - run.sent);
    state ??= run.state;
    message ??= run.message;
  }

  const editing = { kind: 'member' as const, id: org.people.edited!.id };
  const traffic = await fleet.traffic({
    event: presenceEvents.update,
    payloads: [
      { ...onPage, editing },
      { ...onPage, editing: null },
    ],
    everyMs: 1000 / editsPerSecond,
    seconds: trafficSeconds,
  });
  await fleet.close();
  return { join, state: state!, message, traffic };
}
