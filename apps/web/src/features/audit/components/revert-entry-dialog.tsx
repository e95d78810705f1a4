import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AuditEntry } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { auditKeys } from '../api/audit-keys.ts';
import { revertAuditEntry, revertConflict } from '../api/revert-entry.ts';
import { auditActionLabel } from '../utils/audit-action-label.ts';
import { revertPromise } from '../utils/revert-copy.ts';

interface RevertEntryDialogProps {
  orgId: string;
  entry: AuditEntry;
  onClose: () => void;
}

/**
 * Asks before reverting one entry, saying what will change. When someone changed the target
 * since, it says who and offers to revert over their change (the version it now carries).
 */
export function RevertEntryDialog({ orgId, entry, onClose }: RevertEntryDialogProps) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<{ version: number; by: string | null } | null>(null);
  const confirm = async () => {
    setPending(true);
    try {
      await revertAuditEntry(orgId, entry.id, conflict?.version);
      toast({ tone: 'success', title: 'Change reverted', description: `${auditActionLabel(entry.action)}: undone.` });
      // The reverted entry now names its revert; the revert itself arrives live at the top.
      void queryClient.invalidateQueries({ queryKey: auditKeys.org(orgId) });
      onClose();
    } catch (error) {
      const later = isApiError(error, 'VERSION_CONFLICT') ? revertConflict(error.details) : null;
      if (later && !conflict) {
        setConflict(later);
        setPending(false);
        return;
      }
      const mild = isApiError(error, 'ALREADY_REVERTED') || isApiError(error, 'VERSION_CONFLICT');
      toast({
        tone: mild ? 'warning' : 'error',
        title: 'Not reverted',
        description: error instanceof Error ? error.message : 'Something went wrong; try again.',
      });
      if (mild) void queryClient.invalidateQueries({ queryKey: auditKeys.org(orgId) });
      onClose();
    }
  };
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !pending && onClose()}
      title="Revert this change?"
      tone="primary"
      description={
        <>
          <p>
            <strong>{auditActionLabel(entry.action)}</strong>
            {entry.target.name ? ` · ${entry.target.name}` : ''}
          </p>
          <ul className="revert-promise">
            {revertPromise(entry).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>The revert is a change of its own: it is logged, and everyone on the page sees it.</p>
        </>
      }
      confirmLabel={conflict ? 'Revert anyway' : 'Revert'}
      onConfirm={() => void confirm()}
      pending={pending}
    >
      {conflict && (
        <Notice tone="warning" title="Changed since">
          {conflict.by ?? 'Someone'} changed this after the entry was logged. Reverting anyway sets it back over their
          change.
        </Notice>
      )}
    </ConfirmDialog>
  );
}
