import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { LiveMemberChange } from '../lib/explain-member-changes.ts';

type Listener = (changes: readonly LiveMemberChange[]) => void;
const listeners = new Set<Listener>();

/**
 * What of a live batch is news to tell: other people's changes (yours already got a toast), and
 * only while a list of that org is on screen (a list the cache kept after you left is not).
 */
export function changesToAnnounce(
  queryClient: QueryClient,
  listsKey: QueryKey,
  changes: readonly LiveMemberChange[],
  myId: string | undefined,
): LiveMemberChange[] {
  const onScreen = queryClient
    .getQueryCache()
    .findAll({ queryKey: listsKey })
    .some((query) => query.getObserversCount() > 0);
  return onScreen ? changes.filter((c) => c.actorId !== myId) : [];
}

/** Hands live changes to the live region, which tells them in batches. */
export function announceMemberChanges(changes: readonly LiveMemberChange[]) {
  if (changes.length > 0) listeners.forEach((listener) => listener(changes));
}

export function onMemberChangesToAnnounce(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
