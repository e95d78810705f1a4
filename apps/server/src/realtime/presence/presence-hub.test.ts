import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyPresenceChanges, presenceEvents, type PresenceState } from '@roster/contracts';
import { createPresenceHub, type PresenceGossip, type PresenceHub } from './presence-hub.ts';

/** Processes linked like the Redis adapter links them: every message reaches every other one. */
function cluster(size: number) {
  const hubs: PresenceHub[] = [];
  const sent: Array<Array<{ to: string[]; state: PresenceState }>> = [];
  const links = new Set<number>(Array.from({ length: size }, (_, i) => i));
  for (let i = 0; i < size; i++) {
    sent.push([]);
    hubs.push(
      createPresenceHub({
        node: `node-${i}`,
        flushMs: 10,
        transport: {
          mayView: () => true,
          send: (to, message) => {
            // Arrivals get the page; the others patch what they had with its changes.
            for (const id of to) {
              const had = sent[i]!.filter((s) => s.to.includes(id)).at(-1)?.state;
              sent[i]!.push({
                to: [id],
                state:
                  message.event === presenceEvents.state
                    ? message.payload
                    : { ...had!, people: applyPresenceChanges(had!.people, message.payload) },
              });
            }
          },
        },
        publish: (message: PresenceGossip) => {
          if (!links.has(i)) return;
          for (const j of links) if (j !== i) queueMicrotask(() => hubs[j]?.receive(message));
        },
      }),
    );
  }
  return {
    hubs,
    sent,
    /** The process stops talking, as a killed one does. */
    kill: (i: number) => {
      links.delete(i);
      hubs[i]!.close();
    },
    latest: (i: number, socketId: string) => sent[i]!.filter((s) => s.to.includes(socketId)).at(-1)?.state,
  };
}

const who = (id: string, userId = id) => ({ id, userId, name: userId });
const on = (view = 'members', extra: object = {}) => ({ orgId: 'org', view, ...extra });

let close: () => void = () => {};
afterEach(() => {
  close();
  vi.useRealTimers();
});

describe('presence across processes', () => {
  it('lists people of every process on a page, and forgets a process that went quiet', async () => {
    vi.useFakeTimers();
    const c = cluster(2);
    close = () => c.hubs.forEach((h) => h.close());
    c.hubs[0]!.update(who('a'), on());
    c.hubs[1]!.update(who('b'), on('members', { editing: { kind: 'member', id: 'x' } }));
    await vi.advanceTimersByTimeAsync(50);
    expect(c.latest(0, 'a')?.people.map((p) => [p.userId, p.editing?.id ?? null])).toEqual([
      ['a', null],
      ['b', 'x'],
    ]);
    expect(c.latest(1, 'b')?.people.map((p) => p.userId)).toEqual(['a', 'b']);
    c.kill(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(c.latest(0, 'a')?.people.map((p) => p.userId)).toEqual(['a']);
  });

  it('gives a process that starts late everything the others hold', async () => {
    vi.useFakeTimers();
    const c = cluster(2);
    close = () => c.hubs.forEach((h) => h.close());
    c.hubs[0]!.update(who('a'), on());
    await vi.advanceTimersByTimeAsync(50);
    // Say the second process lost that change: the first one's beat counts one person, so it asks again.
    c.hubs[1]!.receive({ kind: 'snapshot', node: 'node-0', entries: [] });
    c.hubs[1]!.update(who('b'), on());
    await vi.advanceTimersByTimeAsync(1_100);
    await vi.advanceTimersByTimeAsync(50);
    expect(c.latest(1, 'b')?.people.map((p) => p.userId)).toEqual(['a', 'b']);
  });

  it('counts a person’s tabs once, shows their newest edit, and away only when every tab is', async () => {
    vi.useFakeTimers();
    const c = cluster(2);
    close = () => c.hubs.forEach((h) => h.close());
    c.hubs[0]!.update(who('viewer'), on());
    c.hubs[0]!.update(who('tab1', 'grace'), on('members', { away: true }));
    await vi.advanceTimersByTimeAsync(5);
    c.hubs[1]!.update(who('tab2', 'grace'), on('members', { editing: { kind: 'member', id: 'y' } }));
    await vi.advanceTimersByTimeAsync(50);
    expect(c.latest(0, 'viewer')?.people.find((p) => p.userId === 'grace')).toEqual({
      userId: 'grace',
      name: 'grace',
      editing: { kind: 'member', id: 'y' },
      away: false,
    });
  });
});
