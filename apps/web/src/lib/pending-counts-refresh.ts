import type { OrgEvent } from '@roster/contracts';

/** A burst of invitation changes (a bulk invite, a stream of requests) refreshes the counts once. */
export const PENDING_COUNTS_DELAY_MS = 1_500;

const movesPendingCounts = (event: OrgEvent) =>
  event.type.startsWith('invitation.') || event.type.startsWith('invite_request.');

/**
 * The switcher's pending badges come with `/api/me`: after events that change what waits in an
 * org (invitations sent, accepted, expired; requests made or decided), `refresh` runs once,
 * a moment after the last of them, rather than once per event.
 */
export function createPendingCountsRefresh(refresh: () => void, delayMs = PENDING_COUNTS_DELAY_MS) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    onEvents(events: readonly OrgEvent[]) {
      if (!events.some(movesPendingCounts)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        refresh();
      }, delayMs);
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
