import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESENCE_AWAY_AFTER_MS, presenceEvents, type PresenceState } from '@roster/contracts';
import { FakeSocket } from '../test-support/fake-socket.ts';
import { startPresence } from './presence-sender.ts';
import { usePresenceStore } from './presence-store.ts';

const ORG = 'org_acme';
const ada = { userId: 'usr_ada', name: 'Ada Lovelace', editing: null, away: false };
const grace = { userId: 'usr_grace', name: 'Grace Hopper', editing: null, away: false };
const store = () => usePresenceStore.getState();

function setup() {
  const socket = new FakeSocket();
  const stop = startPresence(socket);
  const sent = () => socket.emitted(presenceEvents.update);
  return { socket, stop, sent };
}

describe('presence sender', () => {
  let stop = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    usePresenceStore.setState({ orgId: null, view: null, selfId: null, editing: null, away: false, others: [] });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('says which page the tab is on, and leaving one page for the next is one update', async () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    await vi.advanceTimersByTimeAsync(0);
    store().leave(ORG, 'members');
    store().enter({ orgId: ORG, view: 'settings', selfId: ada.userId });
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent()).toEqual([
      { orgId: ORG, view: 'members', editing: null, away: false },
      { orgId: ORG, view: 'settings', editing: null, away: false },
    ]);
    store().leave(ORG, 'settings');
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent().at(-1)).toEqual({ orgId: ORG, view: null, editing: null, away: false });
  });

  it('sends at most 10 a second, and the last state of a burst always goes out', async () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    for (let i = 0; i < 30; i++) {
      store().startEditing({ kind: 'member', id: `usr_${i}` });
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(s.sent().length).toBeLessThanOrEqual(4);
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent().at(-1)).toMatchObject({ editing: { kind: 'member', id: 'usr_29' } });
  });

  it('says it all again after a reconnect, since the server forgot the socket', async () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    await vi.advanceTimersByTimeAsync(0);
    s.socket.connected = false;
    s.socket.serverEmit('disconnect');
    store().startEditing({ kind: 'member', id: 'usr_linus' });
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent()).toHaveLength(1);
    s.socket.connected = true;
    s.socket.serverEmit('connect');
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent().at(-1)).toEqual({
      orgId: ORG,
      view: 'members',
      editing: { kind: 'member', id: 'usr_linus' },
      away: false,
    });
  });

  it('keeps the others on this page, never you, and drops them when the connection does', async () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    const state: PresenceState = { orgId: ORG, view: 'members', people: [ada, grace] };
    s.socket.serverEmit(presenceEvents.state, state);
    expect(store().others).toEqual([grace]);
    // Another page's state (a late one after moving on) is not this page's.
    s.socket.serverEmit(presenceEvents.state, { ...state, view: 'audit', people: [ada] });
    expect(store().others).toEqual([grace]);
    s.socket.serverEmit(presenceEvents.state, { orgId: ORG, view: 'members', people: 'nonsense' });
    expect(store().others).toEqual([grace]);
    s.socket.serverEmit('disconnect');
    expect(store().others).toEqual([]);
  });

  it('applies what changed on the page to the people it has', () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    const linus = { userId: 'usr_linus', name: 'Linus Torvalds', editing: null, away: false };
    s.socket.serverEmit(presenceEvents.state, { orgId: ORG, view: 'members', people: [ada, linus] });
    const editing = { kind: 'member' as const, id: 'usr_x' };
    s.socket.serverEmit(presenceEvents.changes, {
      orgId: ORG,
      view: 'members',
      people: [{ ...ada, editing }, grace],
      left: [linus.userId],
    });
    expect(store().others).toEqual([grace]);
    s.socket.serverEmit(presenceEvents.changes, { orgId: ORG, view: 'members', people: [linus], left: [] });
    expect(store().others.map((p) => p.name)).toEqual(['Grace Hopper', 'Linus Torvalds']);
    // Another page's changes are not this one's.
    s.socket.serverEmit(presenceEvents.changes, { orgId: ORG, view: 'audit', people: [], left: [grace.userId] });
    expect(store().others).toHaveLength(2);
  });

  it('shows the tab away after it has been hidden a while, and back at once', async () => {
    const s = setup();
    stop = s.stop;
    store().enter({ orgId: ORG, view: 'members', selfId: ada.userId });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(PRESENCE_AWAY_AFTER_MS - 1_000);
    expect(s.sent().at(-1)).toMatchObject({ away: false });
    await vi.advanceTimersByTimeAsync(1_100);
    expect(s.sent().at(-1)).toMatchObject({ away: true });
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(200);
    expect(s.sent().at(-1)).toMatchObject({ away: false });
  });
});
