import { create } from 'zustand';
import {
  applyPresenceChanges,
  type PresenceChanges,
  type PresenceEditing,
  type PresencePerson,
  type PresenceState,
  type PresenceView,
} from '@roster/contracts';

/**
 * This tab's presence (the page it shows, what it is about to change, whether it is hidden) and
 * the other people the server says are on that page. Ephemeral UI state: never in the query cache.
 */
interface PresenceStoreState {
  orgId: string | null;
  /** Null: none of the org's admin pages (the account page, the workspaces list). */
  view: PresenceView | null;
  /** The signed-in person, left out of `others`: nobody needs to be told they are here. */
  selfId: string | null;
  editing: PresenceEditing;
  away: boolean;
  others: PresencePerson[];
  enter: (page: { orgId: string; view: PresenceView; selfId: string }) => void;
  /** Leaves the page, if this tab still shows it (the next page may already have entered). */
  leave: (orgId: string, view: PresenceView) => void;
  startEditing: (editing: NonNullable<PresenceEditing>) => void;
  /** Stops editing this thing, if nothing else has been started since. */
  stopEditing: (editing: NonNullable<PresenceEditing>) => void;
  setAway: (away: boolean) => void;
  receive: (state: PresenceState) => void;
  /** What changed on the page since the state (or changes) received before. */
  receiveChanges: (changes: PresenceChanges) => void;
  /** The connection dropped: the server forgot this tab, and what it said is stale. */
  forgetOthers: () => void;
}

const sameThing = (a: PresenceEditing, b: PresenceEditing) =>
  a?.kind === b?.kind && a?.id === b?.id && a?.field === b?.field;

export const usePresenceStore = create<PresenceStoreState>()((set, get) => ({
  orgId: null,
  view: null,
  selfId: null,
  editing: null,
  away: false,
  others: [],
  enter: ({ orgId, view, selfId }) => {
    const s = get();
    if (s.orgId === orgId && s.view === view && s.selfId === selfId) return;
    set({ orgId, view, selfId, editing: null, others: [] });
  },
  leave: (orgId, view) => {
    const s = get();
    if (s.orgId === orgId && s.view === view) set({ view: null, editing: null, others: [] });
  },
  startEditing: (editing) => {
    if (!sameThing(get().editing, editing)) set({ editing });
  },
  stopEditing: (editing) => {
    if (sameThing(get().editing, editing)) set({ editing: null });
  },
  setAway: (away) => {
    if (get().away !== away) set({ away });
  },
  receive: (state) => {
    const s = get();
    if (state.orgId !== s.orgId || state.view !== s.view) return;
    set({ others: state.people.filter((p) => p.userId !== s.selfId) });
  },
  receiveChanges: (changes) => {
    const s = get();
    if (changes.orgId !== s.orgId || changes.view !== s.view) return;
    set({ others: applyPresenceChanges(s.others, changes).filter((p) => p.userId !== s.selfId) });
  },
  forgetOthers: () => {
    if (get().others.length > 0) set({ others: [] });
  },
}));
