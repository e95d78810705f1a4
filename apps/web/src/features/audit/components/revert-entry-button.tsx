import { useState } from 'react';
import type { AuditEntry } from '@roster/contracts';
import { RevertEntryDialog } from './revert-entry-dialog.tsx';
import './revert-entry.css';

/**
 * An entry's revert, where the server says it can be: "Revert" asks first; an entry reverted
 * since says by whom instead.
 */
export function RevertEntryButton({ orgId, entry }: { orgId: string; entry: AuditEntry }) {
  const [open, setOpen] = useState(false);
  if (entry.revertedBy) {
    return (
      <span className="audit-reverted" title={new Date(entry.revertedBy.at).toLocaleString()}>
        Reverted by {entry.revertedBy.actor.name}
      </span>
    );
  }
  if (!entry.revertible) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary audit-revert-button"
        aria-label={`Revert: ${entry.target.name ?? entry.action}`}
        onClick={() => setOpen(true)}
      >
        Revert
      </button>
      {open && <RevertEntryDialog orgId={orgId} entry={entry} onClose={() => setOpen(false)} />}
    </>
  );
}
