import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presenceEvents, type PresenceState, type PresenceUpdate } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { ready, startTestServer, type TestServer } from '../../../test/test-server.ts';
import { presenceOn, withPresence } from '../../../test/presence-helpers.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function admins(people: Record<string, 'ADMIN' | 'MEMBER' | 'EXTERNAL'>) {
  const org = await createOrg(t.database.db, people);
  const socketOf = async (key: string) => {
    const client = await t.signIn(org.people[key]!.email);
    const socket = client.socket();
    await ready(socket, org.id).catch(() => undefined);
    return withPresence(socket);
  };
  return { org, socketOf };
}

const names = (state: PresenceState | undefined) => state?.people.map((p) => p.name) ?? [];

describe('presence', () => {
  it('lists the admins on a page to each other, with what each is editing, one entry per person', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace, graceSecondTab] = [await socketOf('ada'), await socketOf('grace'), await socketOf('grace')];
    const on = (update: Partial<PresenceUpdate>) => ({ orgId: org.id, view: 'members' as const, ...update });
    ada.socket.emit(presenceEvents.update, on({}));
    // A newcomer is told who is there as they arrive.
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 1);
    grace.socket.emit(presenceEvents.update, on({}));
    graceSecondTab.socket.emit(presenceEvents.update, on({}));
    const both = await ada.waitFor(org.id, 'members', (s) => names(s).length === 2);
    expect(names(both).sort()).toEqual([org.people.ada!.name, org.people.grace!.name].sort());

    const editing = { kind: 'member' as const, id: org.people.ada!.id };
    graceSecondTab.socket.emit(presenceEvents.update, on({ editing }));
    const state = await ada.waitFor(org.id, 'members', (s) => s.people.some((p) => p.editing !== null));
    expect(state.people.find((p) => p.userId === org.people.grace!.id)).toMatchObject({ editing, away: false });
    // Her first tab stays on the page: she is still listed once when the editing tab moves on.
    graceSecondTab.socket.emit(presenceEvents.update, on({ view: 'settings' }));
    const after = await ada.waitFor(org.id, 'members', (s) => s.people.every((p) => p.editing === null));
    expect(names(after)).toHaveLength(2);
  });

  it('tells a page only when it changed, and a person moving on leaves the page they left', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await socketOf('ada'), await socketOf('grace')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 2);
    const seen = ada.states.length;
    // The same update again changes nothing, so nothing is sent.
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ada.states.length).toBe(seen);
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'invitations' });
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 1);
    // Those already on the page are told only what changed, not the whole page again.
    expect(ada.changes.at(-1)).toEqual({ orgId: org.id, view: 'members', people: [], left: [org.people.grace!.id] });
    const invitations = await grace.waitFor(org.id, 'invitations', (s) => names(s).length === 1);
    expect(invitations.people.map((p) => p.userId)).toEqual([org.people.grace!.id]);
  });

  it('shows a tab hidden for a while as away', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await socketOf('ada'), await socketOf('grace')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members', away: true });
    const state = await ada.waitFor(org.id, 'members', (s) => names(s).length === 2);
    expect(state.people.find((p) => p.userId === org.people.grace!.id)?.away).toBe(true);
  });

  it('ignores members, pages one may not open and bad updates: no state to them, listed to no one', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', linus: 'MEMBER' });
    const other = await createOrg(t.database.db, { grace: 'ADMIN' });
    const [ada, linus] = [await socketOf('ada'), await socketOf('linus')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 1);
    linus.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    // An admin of one org is nobody on another org's pages.
    ada.socket.emit(presenceEvents.update, { orgId: other.id, view: 'members' });
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members', editing: { kind: 'nope', id: 'x' } });
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'workspace:' });
    ada.socket.emit(presenceEvents.update, 'members');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(linus.states).toEqual([]);
    expect(ada.states.filter((s) => s.orgId === other.id)).toEqual([]);
    // The forbidden page took her off this one, as moving to any other page would.
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    const state = await ada.waitFor(org.id, 'members', (s) => names(s).length === 1);
    expect(state.people.map((p) => p.userId)).toEqual([org.people.ada!.id]);
  });

  it('ends a demoted admin’s presence on admin pages at once', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await socketOf('ada'), await socketOf('grace')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 2);
    const adaClient = await t.signIn(org.people.ada!.email);
    const demoted = await adaClient.patch(`/api/orgs/${org.id}/members/${org.people.grace!.id}`, {
      role: 'MEMBER',
      version: 1,
    });
    expect(demoted.status).toBe(200);
    const state = await ada.waitFor(org.id, 'members', (s) => names(s).length === 1, 1_000);
    expect(state.people.map((p) => p.userId)).toEqual([org.people.ada!.id]);
    // Her updates are ignored from now on.
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members', editing: null });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(names(presenceOn(ada, org.id, 'members'))).toHaveLength(1);
  });

  it('keeps someone listed through a reload, and drops them within 5 s of their last tab closing', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await socketOf('ada'), await socketOf('grace')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    grace.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 2);
    const closedAt = Date.now();
    grace.socket.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(names(presenceOn(ada, org.id, 'members'))).toHaveLength(2);
    await ada.waitFor(org.id, 'members', (s) => names(s).length === 1, 5_000);
    expect(Date.now() - closedAt).toBeLessThan(5_000);
  });

  it('keeps the last of a burst of updates, past the rate limit', async () => {
    const { org, socketOf } = await admins({ ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await socketOf('ada'), await socketOf('grace')];
    ada.socket.emit(presenceEvents.update, { orgId: org.id, view: 'members' });
    for (let i = 0; i < 40; i++) {
      grace.socket.emit(presenceEvents.update, {
        orgId: org.id,
        view: 'members',
        editing: { kind: 'member', id: `m${i}` },
      });
    }
    const state = await ada.waitFor(org.id, 'members', (s) => s.people.some((p) => p.editing?.id === 'm39'), 3_000);
    expect(state.people).toHaveLength(2);
    // Far fewer states than updates reached the others: changes within a moment go out together.
    expect(ada.states.length).toBeLessThan(20);
    expect(grace.socket.connected).toBe(true);
  });
});
