import { create } from 'zustand';
import type { Member } from '@roster/contracts';

/**
 * Which member the remove confirmation is about. It lives outside the rows because a virtual
 * row unmounts when scrolled away, and the dialog must survive that.
 */
interface RemoveDialogState {
  target: Member | null;
  open: (member: Member) => void;
  close: () => void;
}

export const useRemoveDialogStore = create<RemoveDialogState>()((set) => ({
  target: null,
  open: (member) => set({ target: member }),
  close: () => set({ target: null }),
}));
