import { create } from 'zustand';
import type { Member } from '@roster/contracts';

/** Whose access the "View access" dialog shows; outside the rows, which unmount as they scroll away. */
interface AccessDialogState {
  target: Member | null;
  open: (member: Member) => void;
  close: () => void;
}

export const useAccessDialogStore = create<AccessDialogState>()((set) => ({
  target: null,
  open: (member) => set({ target: member }),
  close: () => set({ target: null }),
}));
