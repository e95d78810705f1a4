import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { socketEvents, type AuditEntry } from '@roster/contracts';
import { getSocket } from '../../../lib/socket.ts';
import { auditKeys } from '../api/audit-keys.ts';
import { fetchAuditPage } from '../api/audit-query.ts';
import type { AuditFilterParams } from './use-audit-search-params.ts';

/** Events come in bursts (a bulk change): one look at the log after the burst. */
const SETTLE_MS = 300;
/** How far the look reaches; more new entries than this read as "200+". */
export const NEW_ENTRIES_LOOKAHEAD = 200;

interface LiveTailOptions {
  orgId: string;
  filters: AuditFilterParams;
  enabled: boolean;
  /** The newest entry on screen; entries after it are new. */
  newest: AuditEntry | undefined;
  /** Whether the reader is at the newest entries, where new ones can appear without moving anything. */
  isAtTop: () => boolean;
}

/**
 * New entries as they commit: every org event with a `seq` is a new entry of this org's log.
 * At the top, the list refetches and they appear there; scrolled down, nothing moves, and the
 * count of new entries matching the filters waits for `showNew` (the "N new entries" pill).
 */
export function useAuditLiveTail({ orgId, filters, enabled, newest, isAtTop }: LiveTailOptions) {
  const queryClient = useQueryClient();
  // Counted for the filters of the moment: other filters, other news.
  const filtersKey = JSON.stringify(filters);
  const [counted, setCounted] = useState({ filtersKey, count: 0 });
  const pending = counted.filtersKey === filtersKey ? counted.count : 0;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const refresh = useCallback(() => {
    setCounted({ filtersKey, count: 0 });
    void queryClient.invalidateQueries({ queryKey: auditKeys.list(orgId, filters), exact: true });
  }, [queryClient, orgId, filters, filtersKey]);

  const look = useEffectEvent(async () => {
    if (isAtTop()) return refresh();
    const head = await queryClient.fetchQuery({
      queryKey: auditKeys.head(orgId, filters),
      queryFn: ({ signal }) => fetchAuditPage(orgId, filters, null, signal, NEW_ENTRIES_LOOKAHEAD),
      staleTime: 0,
    });
    const seen = newest ? head.items.findIndex((entry) => entry.id === newest.id) : head.items.length;
    setCounted({ filtersKey, count: seen === -1 ? head.items.length : seen });
  });

  const lookSoon = useEffectEvent(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void look().catch(() => undefined), SETTLE_MS);
  });

  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    const onEvent = (raw: unknown) => isOrgChange(raw, orgId) && lookSoon();
    // A reconnected socket does not replay what it missed to this page: the log itself tells.
    const onReconnect = () => lookSoon();
    socket.on(socketEvents.event, onEvent);
    socket.on('connect', onReconnect);
    return () => {
      socket.off(socketEvents.event, onEvent);
      socket.off('connect', onReconnect);
      clearTimeout(timer.current);
    };
  }, [enabled, orgId]);

  return { pending, showNew: refresh };
}

/** A committed change of this org (it carries its place in the org's sequence). */
function isOrgChange(raw: unknown, orgId: string): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const event = raw as { orgId?: unknown; seq?: unknown };
  return event.orgId === orgId && typeof event.seq === 'number';
}
