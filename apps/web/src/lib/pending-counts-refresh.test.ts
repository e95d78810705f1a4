import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrgEvent } from '@roster/contracts';
import { createPendingCountsRefresh, PENDING_COUNTS_DELAY_MS } from './pending-counts-refresh.ts';

const event = (type: string) => ({ type }) as OrgEvent;

afterEach(() => vi.useRealTimers());

describe('pending counts refresh', () => {
  it('refreshes once, after the last of a burst of invitation events', () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const counts = createPendingCountsRefresh(refresh);
    counts.onEvents([event('invitation.created'), event('invitation.created')]);
    vi.advanceTimersByTime(PENDING_COUNTS_DELAY_MS - 1);
    counts.onEvents([event('invite_request.approved')]);
    vi.advanceTimersByTime(PENDING_COUNTS_DELAY_MS - 1);
    expect(refresh).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ignores events that leave the counts as they are, and stops with the live connection', () => {
    vi.useFakeTimers();
    const refresh = vi.fn();
    const counts = createPendingCountsRefresh(refresh);
    counts.onEvents([event('member.role_changed'), event('settings.updated')]);
    vi.advanceTimersByTime(PENDING_COUNTS_DELAY_MS * 2);
    expect(refresh).not.toHaveBeenCalled();
    counts.onEvents([event('invitation.accepted')]);
    counts.stop();
    vi.advanceTimersByTime(PENDING_COUNTS_DELAY_MS * 2);
    expect(refresh).not.toHaveBeenCalled();
  });
});
