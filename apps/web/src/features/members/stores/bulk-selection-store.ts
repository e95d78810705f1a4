import { create } from 'zustand';
import type { Member } from '@roster/contracts';

/**
 * Rows chosen for a bulk action, each with the version it was seen at; or every member matching
 * the list's filter ("select all N matching"), which the server resolves itself.
 */
interface BulkSelectionState {
  selected: Record<string, number>;
  allMatching: boolean;
  toggle: (member: Member) => void;
  setMany: (members: Member[], on: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
}

export const useBulkSelectionStore = create<BulkSelectionState>()((set) => ({
  selected: {},
  allMatching: false,
  toggle: (member) =>
    set((s) => {
      const selected = { ...s.selected };
      if (member.userId in selected) delete selected[member.userId];
      else selected[member.userId] = member.version;
      return { selected, allMatching: false };
    }),
  setMany: (members, on) =>
    set((s) => {
      const selected = { ...s.selected };
      for (const m of members) {
        if (on) selected[m.userId] = m.version;
        else delete selected[m.userId];
      }
      return { selected, allMatching: false };
    }),
  selectAllMatching: () => set({ allMatching: true }),
  clear: () => set({ selected: {}, allMatching: false }),
}));
