import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  Invitation,
  InvitationDelivery,
  InvitationStatus,
  ListInvitationsResponse,
  ListMyInvitationsResponse,
  OrgEvent,
  PersonalEvent,
} from '@roster/contracts';

/** An invitations list as the infinite query caches it: newest-first pages, each with its `seq` and seats. */
export type InvitationPages = InfiniteData<ListInvitationsResponse, string | null>;

/** The part of a list's query that decides whether an invitation belongs in it. */
export interface InvitationListFilter {
  status?: 'requested' | 'pending' | 'expired' | undefined;
  q?: string | undefined;
}

/** How the invitation features key their caches, handed in by the app so lib never imports a feature. */
export interface InvitationsCache {
  invitationListsKey: (orgId: string) => QueryKey;
  parseInvitationListKey: (key: QueryKey) => { orgId: string; filter: InvitationListFilter } | null;
  /** The signed-in person's inbox (`GET /api/me/invitations`). */
  myInvitationsKey: QueryKey;
}

type ListsCache = Pick<InvitationsCache, 'invitationListsKey' | 'parseInvitationListKey'>;

/** The statuses an admin's list shows; the others (accepted, revoked…) leave it. */
const LISTED = new Set<InvitationStatus>(['requested', 'pending', 'expired']);
/** The statuses that hold a seat (R5). */
const HOLDS_SEAT = new Set<InvitationStatus>(['requested', 'pending']);

type Change = { seq: number | null } & (
  | { kind: 'row'; invitation: Invitation; type: OrgEvent['type'] }
  | { kind: 'delivery'; id: string; delivery: InvitationDelivery }
  | { kind: 'seats'; delta: number }
);

function changeOf(event: OrgEvent): Change | null {
  const seq = event.seq;
  switch (event.type) {
    case 'invitation.delivery_changed':
      return { seq, kind: 'delivery', id: event.data.invitationId, delivery: event.data.delivery };
    case 'member.joined':
      return { seq, kind: 'seats', delta: 1 };
    case 'member.removed':
    case 'member.left':
      return { seq, kind: 'seats', delta: -1 };
    default:
      return 'data' in event && 'invitation' in event.data
        ? { seq, kind: 'row', invitation: event.data.invitation, type: event.type }
        : null;
  }
}

/**
 * Which transitions already moved the seat count (`id:version:status`), and each invitation's last
 * known status: a mutation's answer and the live event that follows it must count once.
 */
const ledgers = new WeakMap<QueryClient, { counted: Set<string>; status: Map<string, InvitationStatus> }>();
function ledgerOf(queryClient: QueryClient) {
  let ledger = ledgers.get(queryClient);
  if (!ledger) ledgers.set(queryClient, (ledger = { counted: new Set(), status: new Map() }));
  return ledger;
}

/**
 * Folds a batch of org events into every cached invitations list of their org: rows are patched,
 * inserted or dropped (a version older than the cached one is ignored), and seat usage follows.
 * A list skips events its fetch already reflects (`seq` not above the list's).
 */
export function applyInvitationEvents(queryClient: QueryClient, cache: ListsCache, events: OrgEvent[]) {
  const byOrg = new Map<string, Change[]>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const change = changeOf(event);
    if (!change) continue;
    byOrg.set(event.orgId, [...(byOrg.get(event.orgId) ?? []), change]);
  }
  for (const [orgId, changes] of byOrg) writeInvitationChanges(queryClient, cache, orgId, changes);
}

/** A mutation's answer, patched like a live event (the event that follows finds it counted). */
export function writeInvitation(queryClient: QueryClient, cache: ListsCache, orgId: string, invitation: Invitation) {
  writeInvitationChanges(queryClient, cache, orgId, [
    { seq: null, kind: 'row', invitation, type: 'invitation.updated' },
  ]);
}

function writeInvitationChanges(queryClient: QueryClient, cache: ListsCache, orgId: string, changes: Change[]) {
  const lists = queryClient
    .getQueriesData<InvitationPages>({ queryKey: cache.invitationListsKey(orgId) })
    .flatMap(([key, data]) => {
      const list = cache.parseInvitationListKey(key);
      return data && list ? [{ key, data, filter: list.filter, next: data }] : [];
    });
  if (lists.length === 0) return;
  const ledger = ledgerOf(queryClient);
  const known = new Map<string, Invitation>();
  for (const { data } of lists) for (const page of data.pages) for (const row of page.items) known.set(row.id, row);
  for (const change of changes) {
    if (change.kind === 'row') {
      const before = known.get(change.invitation.id);
      if (before && change.invitation.version < before.version) continue;
    }
    const delta = seatDelta(change, known, ledger);
    if (change.kind === 'row') known.set(change.invitation.id, change.invitation);
    for (const list of lists) {
      const listSeq = list.next.pages[0]?.seq ?? 0;
      if (change.seq !== null && change.seq <= listSeq) continue;
      list.next = applyChange(list.next, change, list.filter, delta);
    }
  }
  for (const { key, data, next } of lists) if (next !== data) queryClient.setQueryData(key, next);
}

/** Seats held before and after: a live invitation (pending, requested) or a member holds one. */
function seatDelta(change: Change, known: Map<string, Invitation>, ledger: ReturnType<typeof ledgerOf>): number {
  if (change.kind === 'seats') return change.delta;
  if (change.kind === 'delivery') return 0;
  const { id, version, status } = change.invitation;
  const transition = `${id}:${version}:${status}`;
  const previous = ledger.status.get(id);
  ledger.status.set(id, status);
  if (ledger.counted.has(transition)) return 0;
  ledger.counted.add(transition);
  const before = known.get(id)?.status ?? previous;
  const held =
    before !== undefined
      ? HOLDS_SEAT.has(before)
      : !['invitation.created', 'invitation.requested', 'invitation.renewed'].includes(change.type);
  // An accepted invitation hands its seat to the member (`member.joined` counts that one).
  return Number(HOLDS_SEAT.has(status)) - Number(held);
}

function matches(filter: InvitationListFilter, invitation: Invitation): boolean {
  if (!LISTED.has(invitation.status)) return false;
  if (filter.status && invitation.status !== filter.status) return false;
  const q = filter.q?.trim().toLowerCase();
  return !q || invitation.email.toLowerCase().includes(q);
}

function applyChange(data: InvitationPages, change: Change, filter: InvitationListFilter, delta: number) {
  let pages = data.pages;
  if (change.kind === 'delivery') {
    pages = mapRow(pages, change.id, (row) => ({ ...row, delivery: change.delivery }));
  } else if (change.kind === 'row') {
    pages = upsertRow(pages, change.invitation, filter);
  }
  if (delta !== 0 || change.seq !== null) {
    // The first page carries what the list reflects: its seat usage, and the last event applied.
    const [first, ...rest] = pages;
    if (first)
      pages = [{ ...first, seats: shiftSeats(first.seats, delta), seq: Math.max(first.seq, change.seq ?? 0) }, ...rest];
  }
  return pages === data.pages ? data : { ...data, pages };
}

const shiftSeats = (seats: ListInvitationsResponse['seats'], delta: number) => ({
  ...seats,
  used: Math.max(0, seats.used + delta),
});

function mapRow(pages: ListInvitationsResponse[], id: string, update: (row: Invitation) => Invitation | null) {
  let touched = false;
  const next = pages.map((page) => {
    if (!page.items.some((row) => row.id === id)) return page;
    touched = true;
    const items = page.items.flatMap((row) => {
      if (row.id !== id) return [row];
      const updated = update(row);
      return updated ? [updated] : [];
    });
    return { ...page, items };
  });
  return touched ? next : pages;
}

/**
 * Replaces the row where it is, or drops it when it no longer belongs. A new row goes in
 * newest-first order when its place is among the loaded rows; otherwise "load more" brings it.
 */
function upsertRow(pages: ListInvitationsResponse[], invitation: Invitation, filter: InvitationListFilter) {
  const held = pages.some((page) => page.items.some((row) => row.id === invitation.id));
  const belongs = matches(filter, invitation);
  if (held) {
    return mapRow(pages, invitation.id, (row) =>
      invitation.version < row.version ? row : belongs ? invitation : null,
    );
  }
  if (!belongs || pages.length === 0) return pages;
  const last = pages.at(-1)!;
  const oldestLoaded = last.items.at(-1)?.createdAt;
  if (last.nextCursor !== null && oldestLoaded !== undefined && invitation.createdAt < oldestLoaded) return pages;
  const index = pages.findIndex((page) => page.items.some((row) => row.createdAt <= invitation.createdAt));
  const target = index === -1 ? pages.length - 1 : index;
  return pages.map((page, i) => {
    if (i !== target) return page;
    const at = page.items.findIndex((row) => row.createdAt <= invitation.createdAt);
    const items = [...page.items];
    items.splice(at === -1 ? items.length : at, 0, invitation);
    return { ...page, items };
  });
}

/** `invitation.received` upserts into your inbox, `invitation.withdrawn` takes it out. */
export function applyMyInvitationEvent(queryClient: QueryClient, key: QueryKey, event: PersonalEvent) {
  if (event.type !== 'invitation.received' && event.type !== 'invitation.withdrawn') return;
  const data = queryClient.getQueryData<ListMyInvitationsResponse>(key);
  if (!data) {
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  if (event.type === 'invitation.withdrawn') {
    const items = data.items.filter((i) => i.id !== event.data.invitationId);
    if (items.length !== data.items.length) queryClient.setQueryData(key, { ...data, items });
    return;
  }
  const invitation = event.data.invitation;
  const rest = data.items.filter((i) => i.id !== invitation.id);
  queryClient.setQueryData(key, { ...data, items: [invitation, ...rest] });
}
