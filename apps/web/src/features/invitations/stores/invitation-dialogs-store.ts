import { create } from 'zustand';
import type { Invitation } from '@roster/contracts';

/**
 * Which invitation dialog is open. Outside the rows, so a row that leaves the list live (revoked
 * by another admin) does not take an open dialog with it.
 */
interface InvitationDialogsState {
  drawerOpen: boolean;
  revokeTarget: Invitation | null;
  editTarget: Invitation | null;
  openDrawer: () => void;
  closeDrawer: () => void;
  openRevoke: (invitation: Invitation) => void;
  openEdit: (invitation: Invitation) => void;
  closeDialogs: () => void;
}

export const useInvitationDialogsStore = create<InvitationDialogsState>()((set) => ({
  drawerOpen: false,
  revokeTarget: null,
  editTarget: null,
  openDrawer: () => set({ drawerOpen: true }),
  closeDrawer: () => set({ drawerOpen: false }),
  openRevoke: (invitation) => set({ revokeTarget: invitation }),
  openEdit: (invitation) => set({ editTarget: invitation }),
  closeDialogs: () => set({ revokeTarget: null, editTarget: null }),
}));
