import type { ListMembersResponse, PresenceEditing, PresenceView } from '@roster/contracts';
import { every, type World } from './world.ts';

/** Demo members the busy-org scenario makes admins: the seed's only other admin is Grace. */
export const OTHER_ADMINS = [
  'barbara.2@acme.test',
  'margaret.13@acme.test',
  'radia.17@acme.test',
  'frances.6@acme.test',
];

/** Where each admin sits: Grace opens a member's role now and then, Radia walks between two pages. */
const seats: { email: string; view: PresenceView; away?: boolean; editor?: true; walksTo?: PresenceView }[] = [
  { email: 'grace@acme.test', view: 'members', editor: true },
  { email: 'barbara.2@acme.test', view: 'members' },
  { email: 'margaret.13@acme.test', view: 'members', away: true },
  { email: 'radia.17@acme.test', view: 'invitations', walksTo: 'members' },
  { email: 'frances.6@acme.test', view: 'settings' },
];

/** Grace makes them admins through the API, with each row's version, as a person would. */
export async function promoteOtherAdmins(world: World): Promise<void> {
  const grace = await world.as('grace@acme.test');
  const members = `/api/orgs/${world.orgId}/members`;
  for (const email of OTHER_ADMINS) {
    const page = await grace.call<ListMembersResponse>('GET', `${members}?q=${encodeURIComponent(email)}&limit=1`);
    const member = page?.items[0];
    if (!member || member.role === 'ADMIN') continue;
    await grace.call('PATCH', `${members}/${member.userId}`, { role: 'ADMIN', version: member.version });
  }
}

/**
 * Acme's other admins move around its admin pages, through the server's own presence hub: each
 * is a visitor socket placed in the rooms the server's access read gives them, so someone who is
 * not (or no longer) an admin is shown to no one, as on the server. Every `ms` Grace opens a
 * member's role or closes it again; every fourth beat Radia changes page. They leave when the
 * scenario stops.
 */
export async function playAdminsAround(world: World, ms = 3_000): Promise<void> {
  const presence = world.bridge.presence;
  const hub = presence.hub;
  const db = world.server.db;
  const emails = seats.map((seat) => seat.email);
  const users = await db.selectFrom('users').select(['id', 'name', 'email']).where('email', 'in', emails).execute();
  const editable = await db
    .selectFrom('org_members')
    .select('user_id')
    .where('org_id', '=', world.orgId)
    .where('role', '=', 'MEMBER')
    .orderBy('email')
    .limit(40)
    .execute();
  const visitors = seats.flatMap((seat) => {
    const user = users.find((u) => u.email === seat.email);
    if (!user) return [];
    const socket = { id: `scenario-${seat.email.split('@')[0]}`, userId: user.id, name: user.name };
    return [{ seat, socket, view: seat.view, editing: null as PresenceEditing }];
  });
  const show = (visitor: (typeof visitors)[number]) =>
    hub.update(visitor.socket, {
      orgId: world.orgId,
      view: visitor.view,
      editing: visitor.editing,
      away: visitor.seat.away ?? false,
    });
  for (const visitor of visitors) {
    await presence.visit(visitor.socket.id, visitor.socket.userId);
    show(visitor);
  }
  let beat = 0;
  every(
    ms,
    () => {
      beat++;
      const member = editable[Math.floor(Math.random() * editable.length)];
      for (const visitor of visitors) {
        if (visitor.seat.editor) {
          visitor.editing = beat % 2 === 1 && member ? { kind: 'member', id: member.user_id, field: 'role' } : null;
          show(visitor);
        }
        if (visitor.seat.walksTo && beat % 4 === 0) {
          visitor.view = visitor.view === visitor.seat.view ? visitor.seat.walksTo : visitor.seat.view;
          show(visitor);
        }
      }
    },
    world.stopped,
  );
  world.stopped.addEventListener('abort', () => visitors.forEach(({ socket }) => presence.leave(socket.id)), {
    once: true,
  });
}
