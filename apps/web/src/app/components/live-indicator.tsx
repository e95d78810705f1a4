import { useConnectionStore, type ConnectionStatus } from '../../lib/connection-store.ts';

const copy: Record<ConnectionStatus, { label: string; hint: string }> = {
  connecting: { label: 'Connecting…', hint: 'Opening the live connection.' },
  connected: { label: 'Live', hint: 'Changes by other admins appear as they happen.' },
  reconnecting: {
    label: 'Reconnecting…',
    hint: 'The live connection dropped. Changes made meanwhile will be caught up.',
  },
  resynced: { label: 'Resynced', hint: 'Back online: every change made while disconnected has been applied.' },
  offline: { label: 'Offline', hint: 'No live connection. The list may be out of date until it reconnects.' },
};

/** The live connection's state, announced politely; `data-status` drives the dot's colour. */
export function LiveIndicator() {
  const status = useConnectionStore((s) => s.status);
  const { label, hint } = copy[status];
  return (
    // Named, because toasts are status regions too: e2e and assistive tech can find this one.
    <div
      className="live-indicator"
      role="status"
      aria-label={`Live updates: ${label}`}
      data-status={status}
      title={hint}
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="live-indicator__label">{label}</span>
    </div>
  );
}
