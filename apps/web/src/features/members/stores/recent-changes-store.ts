import { create } from 'zustand';

/** How long a row changed by another admin stays highlighted. */
const HIGHLIGHT_MS = 2_500;

interface RecentChangesState {
  /** userId → when it last changed live; rows read their own entry only. */
  changedAt: Record<string, number>;
  mark: (userIds: string[]) => void;
}

export const useRecentChangesStore = create<RecentChangesState>()((set, get) => ({
  changedAt: {},
  mark: (userIds) => {
    if (userIds.length === 0) return;
    const now = Date.now();
    set((s) => ({ changedAt: { ...s.changedAt, ...Object.fromEntries(userIds.map((id) => [id, now])) } }));
    setTimeout(() => {
      const left = Object.entries(get().changedAt).filter(([, at]) => Date.now() - at < HIGHLIGHT_MS);
      set({ changedAt: Object.fromEntries(left) });
    }, HIGHLIGHT_MS + 50);
  },
}));

export const markMembersChanged = (userIds: string[]) => useRecentChangesStore.getState().mark(userIds);
