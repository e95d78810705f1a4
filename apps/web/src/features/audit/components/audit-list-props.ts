import type { Ref } from 'react';
import type { AuditEntry } from '@roster/contracts';

/** What the page asks of the list it shows: the live tail needs to know and move its scroll. */
export interface AuditListHandle {
  /** Whether the newest entries are in view (new ones can then appear without moving anything read). */
  isAtTop: () => boolean;
  scrollToTop: () => void;
}

export interface AuditListProps {
  orgId: string;
  entries: AuditEntry[];
  /** New filters are loading while the previous entries stay on screen. */
  refreshing: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** The reader scrolled back up to the newest entries. */
  onReachTop: () => void;
  ref?: Ref<AuditListHandle>;
}

/** Within this many pixels of the top counts as at the top. */
export const TOP_SLACK = 8;
