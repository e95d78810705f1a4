import { describe, expect, it } from 'vitest';
import type { OrgEvent } from '@roster/contracts';
import { createEventTail } from './event-tail.ts';

const event = (seq: number, orgId = 'org-1') =>
  ({
    orgId,
    seq,
    type: 'member.role_changed',
    at: '2026-01-01T00:00:00.000Z',
    actor: null,
    data: {},
  }) as unknown as OrgEvent;
const run = (from: number, to: number, orgId = 'org-1') =>
  Array.from({ length: to - from + 1 }, (_, i) => event(from + i, orgId));
const seqs = (events: OrgEvent[] | undefined) => events?.map((e) => e.seq);

describe('the event tail', () => {
  it('answers only what its gap-free run covers, through the head', () => {
    const tail = createEventTail();
    tail.record(run(5, 9));
    expect(seqs(tail.read('org-1', 6, 9))).toEqual([7, 8, 9]);
    expect(seqs(tail.read('org-1', 4, 8))).toEqual([5, 6, 7, 8, 9]);
    expect(seqs(tail.read('org-1', 9, 9))).toEqual([]);
    // Older than the tail, or a head it has not heard of: the database answers.
    expect(tail.read('org-1', 3, 9)).toBeUndefined();
    expect(tail.read('org-1', 6, 10)).toBeUndefined();
    expect(tail.read('org-2', 0, 0)).toBeUndefined();
  });

  it('ignores duplicates, takes the event just before its first, and restarts after a gap', () => {
    const tail = createEventTail();
    tail.record(run(5, 7));
    tail.record([event(6), event(4)]);
    expect(seqs(tail.read('org-1', 3, 7))).toEqual([4, 5, 6, 7]);
    tail.record([event(2)]);
    expect(seqs(tail.read('org-1', 3, 7))).toEqual([4, 5, 6, 7]);
    tail.record([event(9)]);
    expect(tail.read('org-1', 7, 9)).toBeUndefined();
    expect(seqs(tail.read('org-1', 8, 9))).toEqual([9]);
  });

  it('merges a database read that overlaps or adjoins its run, and keeps the newest per org', () => {
    const tail = createEventTail({ perOrg: 6 });
    tail.record(run(8, 10));
    tail.remember('org-1', run(3, 8));
    expect(seqs(tail.read('org-1', 4, 10))).toEqual([5, 6, 7, 8, 9, 10]);
    expect(tail.read('org-1', 3, 10)).toBeUndefined();
    // A read entirely older than the run, with a gap between: the run stays.
    tail.remember('org-1', run(1, 2));
    expect(seqs(tail.read('org-1', 9, 10))).toEqual([10]);
  });

  it('forgets the least recently changed org first', () => {
    const tail = createEventTail({ orgs: 2 });
    tail.record([event(1, 'a')]);
    tail.record([event(1, 'b')]);
    tail.record([event(2, 'a')]);
    tail.record([event(1, 'c')]);
    expect(tail.read('b', 0, 1)).toBeUndefined();
    expect(seqs(tail.read('a', 0, 2))).toEqual([1, 2]);
    expect(seqs(tail.read('c', 0, 1))).toEqual([1]);
  });

  it('keeps at most its event budget across orgs, dropping the least recently changed first', () => {
    const tail = createEventTail({ perOrg: 10, events: 25 });
    tail.record(run(1, 10, 'org-a'));
    tail.record(run(1, 10, 'org-b'));
    tail.record(run(1, 10, 'org-c'));
    expect(tail.read('org-a', 0, 10)).toBeUndefined();
    expect(seqs(tail.read('org-b', 0, 10))).toHaveLength(10);
    expect(seqs(tail.read('org-c', 0, 10))).toHaveLength(10);
    // A change to b makes c the least recent: the next org pushes c out, not b.
    tail.record([event(11, 'org-b')]);
    tail.record(run(1, 10, 'org-d'));
    expect(tail.read('org-c', 0, 10)).toBeUndefined();
    expect(seqs(tail.read('org-b', 1, 11))).toHaveLength(10);
  });
});
