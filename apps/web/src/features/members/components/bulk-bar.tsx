import { useEffect, useState } from 'react';
import { type Member, type OrgRole } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import type { MembersListParams } from '../api/members-keys.ts';
import { useBulkSelectionStore } from '../stores/bulk-selection-store.ts';
import { totalCopy } from '../utils/total-copy.ts';
import { BulkActionDialog, type BulkAction } from './bulk-action-dialog.tsx';
import './bulk.css';

interface BulkBarProps {
  orgId: string;
  orgName: string;
  params: MembersListParams;
  total: number | undefined;
  totalIsCapped?: boolean;
  members: Member[];
}

/** Shown while rows are selected: how many, "select all N matching", and the actions. */
export function BulkBar({ orgId, orgName, params, total, totalIsCapped, members }: BulkBarProps) {
  const selected = useBulkSelectionStore((s) => s.selected);
  const allMatching = useBulkSelectionStore((s) => s.allMatching);
  const selectAllMatching = useBulkSelectionStore((s) => s.selectAllMatching);
  const clear = useBulkSelectionStore((s) => s.clear);
  const [action, setAction] = useState<BulkAction | null>(null);
  const filterKey = `${params.q ?? ''}|${params.role ?? ''}|${params.twoFactor ?? ''}`;
  // A new filter is a new list: what was chosen in the old one no longer shows.
  useEffect(() => clear, [filterKey, clear]);
  const count = allMatching ? (total ?? 0) : Object.keys(selected).length;
  if (count === 0 && !action) return null;
  const filtered = Boolean(params.q || params.role);
  const selection = allMatching
    ? { filter: { ...(params.q ? { q: params.q } : {}), ...(params.role ? { role: params.role } : {}) } }
    : {
        members: Object.entries(selected).map(([userId, seen]) => ({
          userId,
          // The freshest version we hold: live events may have moved it since it was ticked.
          version: members.find((m) => m.userId === userId)?.version ?? seen,
        })),
      };
  return (
    <div className="bulk-bar" role="region" aria-label="Bulk actions">
      <span className="bulk-bar__count" aria-live="polite">
        {allMatching
          ? `All ${totalCopy(count, totalIsCapped)} ${filtered ? 'matching members' : 'members'} selected`
          : `${count} selected`}
      </span>
      {/* The bulk filter carries no two-factor condition, so "all matching" is offered only without it. */}
      {!allMatching && !params.twoFactor && total !== undefined && (totalIsCapped || total > count) && (
        <button type="button" className="button button--ghost bulk-bar__all" onClick={selectAllMatching}>
          Select all {totalCopy(total, totalIsCapped)} {filtered ? 'matching this filter' : 'members'}
        </button>
      )}
      <span className="bulk-bar__spacer" />
      <button
        type="button"
        className="button button--secondary"
        onClick={() => setAction({ type: 'change_role', role: 'MEMBER' as OrgRole })}
      >
        Change role…
      </button>
      <button
        type="button"
        className="button button--secondary button--danger-outline"
        onClick={() => setAction({ type: 'remove' })}
      >
        <Icon name="userMinus" />
        Remove…
      </button>
      <button type="button" className="icon-button" aria-label="Clear selection" onClick={clear}>
        <Icon name="x" />
      </button>
      {action && (
        <BulkActionDialog
          orgId={orgId}
          orgName={orgName}
          initial={action}
          selection={selection}
          count={count}
          onClose={(finished) => {
            setAction(null);
            if (finished) clear();
          }}
        />
      )}
    </div>
  );
}
