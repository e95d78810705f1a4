import { create } from 'zustand';

/**
 * What the live indicator shows. `resynced` is the moment after a reconnect when the missed
 * events were replayed: visible for a few seconds so admins know the list is trustworthy again.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'resynced' | 'offline';

interface ConnectionState {
  status: ConnectionStatus;
  setStatus: (status: ConnectionStatus) => void;
}

const RESYNCED_VISIBLE_MS = 4_000;
let settleTimer: ReturnType<typeof setTimeout> | undefined;

export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'connecting',
  setStatus: (status) => {
    clearTimeout(settleTimer);
    set({ status });
    if (status === 'resynced') {
      settleTimer = setTimeout(() => set({ status: 'connected' }), RESYNCED_VISIBLE_MS);
    }
  },
}));

export const setConnectionStatus = (status: ConnectionStatus) => useConnectionStore.getState().setStatus(status);
