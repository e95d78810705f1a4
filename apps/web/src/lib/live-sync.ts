import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { SyncAckSchema, socketEvents, type SyncAck, type SyncRequest } from '@roster/contracts';
import type { MembersCache } from './live-member-cache.ts';
import type { LiveSocket } from './live-socket.ts';

/** Every fetched members page reports the `seq` it reflects, so the tracker can fill the gap. */
export function watchListSeqs(
  queryClient: QueryClient,
  cache: MembersCache,
  report: (orgId: string, seq: number) => void,
) {
  return queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
    const list = cache.parseMembersListKey(event.query.queryKey as QueryKey);
    const data = event.query.state.data as { pages?: { seq: number }[] } | undefined;
    if (!list || !data?.pages) return;
    // A "load more" adds the last page; any other fetch refetched them all, oldest seq first.
    const forward = (event.query.state.fetchMeta as { fetchMore?: { direction: string } } | null)?.fetchMore;
    const page = forward ? data.pages.at(-1) : data.pages[0];
    if (page) report(list.orgId, page.seq);
  });
}

/** `roster:sync` with its ack; undefined when no valid answer comes in time. */
export function requestSync(socket: LiveSocket, request: SyncRequest, timeoutMs: number): Promise<SyncAck | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    socket.emit(socketEvents.sync, request, (ack: unknown) => {
      clearTimeout(timer);
      const parsed = SyncAckSchema.safeParse(ack);
      resolve(parsed.success ? parsed.data : undefined);
    });
  });
}
