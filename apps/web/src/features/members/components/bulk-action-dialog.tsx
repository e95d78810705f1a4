import { useEffect, useState } from 'react';
import { OrgRoleSchema, orgRoleLabel, type BulkPreview, type OrgRole } from '@roster/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useBulkPreview, type BulkRequest } from '../api/bulk-preview.ts';
import { useBulkRun } from '../api/bulk-run.ts';
import { bulkReason, bulkSummary, statusLabel } from '../utils/bulk-copy.ts';

export type BulkAction = BulkRequest['action'];

interface Props {
  orgId: string;
  orgName: string;
  initial: BulkAction;
  selection: Pick<BulkRequest, 'members' | 'filter'>;
  count: number;
  /** `finished`: the run completed, so the selection has served its purpose. */
  onClose: (finished: boolean) => void;
}

const tones: Record<string, BadgeTone> = { ok: 'success', conflict: 'pending', protected: 'neutral' };
const roleOptions = OrgRoleSchema.options.map((r) => ({ value: r, label: orgRoleLabel[r] }));

/** Impact preview first, then the run with per-row results streaming in, then a summary. */
export function BulkActionDialog({ orgId, orgName, initial, selection, count, onClose }: Props) {
  const [action, setAction] = useState<BulkAction>(initial);
  const preview = useBulkPreview(orgId);
  const run = useBulkRun(orgId);
  const request: BulkRequest = { action, ...selection };
  const { mutate: askPreview } = preview;
  const roleKey = action.type === 'change_role' ? action.role : 'remove';
  useEffect(() => {
    askPreview({ action, ...selection });
    // The selection is fixed while the dialog is open; only the chosen role changes the preview.
  }, [roleKey, askPreview]);
  const started = run.isPending || run.isSuccess || run.isError;
  const done = run.isSuccess;
  const expected = preview.data ? preview.data.count + preview.data.refused.length : count;
  const progress = expected > 0 ? Math.min(100, Math.round((run.rows.length / expected) * 100)) : 0;
  const verb = action.type === 'remove' ? 'Remove' : 'Change role of';
  const title =
    action.type === 'remove'
      ? `Remove ${count} ${count === 1 ? 'member' : 'members'} from ${orgName}?`
      : `Change the role of ${count} ${count === 1 ? 'member' : 'members'}`;
  return (
    <Modal
      open
      size="lg"
      onOpenChange={(open) => !open && !run.isPending && onClose(done)}
      title={title}
      actions={
        done || run.isError ? (
          <button type="button" className="button button--primary" onClick={() => onClose(done)}>
            Close
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onClose(false)}
              disabled={run.isPending}
            >
              Cancel
            </button>
            <button
              type="button"
              className={`button button--${action.type === 'remove' ? 'danger' : 'primary'}`}
              disabled={!preview.data || preview.data.count === 0 || started}
              onClick={() => run.mutate(request)}
            >
              {run.isPending ? 'Working…' : preview.data ? `${verb} ${preview.data.count}` : verb}
            </button>
          </>
        )
      }
    >
      {action.type === 'change_role' && !started && (
        <div className="bulk-dialog__role">
          <span className="field__label">New role</span>
          <Select
            aria-label="New role"
            value={action.role}
            options={roleOptions}
            onValueChange={(role: OrgRole) => setAction({ type: 'change_role', role })}
          />
        </div>
      )}
      {!started && (
        <ImpactPreview preview={preview.data} pending={preview.isPending} error={preview.error} action={action} />
      )}
      {started && (
        <div className="bulk-run">
          <div className="bulk-run__head">
            <span>{done ? `Finished: ${bulkSummary(run.rows)}` : `Working… ${run.rows.length} of ${expected}`}</span>
            <span className="muted">{progress}%</span>
          </div>
          <div
            className="bulk-run__bar"
            role="progressbar"
            aria-label="Progress"
            aria-valuemin={0}
            aria-valuemax={expected}
            aria-valuenow={run.rows.length}
          >
            <span style={{ width: `${done ? 100 : progress}%` }} />
          </div>
          {run.isError && (
            <div className="notice notice--danger" role="alert">
              <Icon name="alert" />
              <p>
                {isApiError(run.error, 'FORBIDDEN')
                  ? 'Only admins can do this, and you are no longer one here.'
                  : 'The run stopped before every row was reported. The list shows what was applied.'}
              </p>
            </div>
          )}
          <ul className="bulk-run__rows" aria-label="Results">
            {run.rows.map((row) => (
              <li key={row.userId} className="bulk-run__row">
                <span className="truncate">{row.name}</span>
                <span className="muted bulk-run__why">{row.status === 'ok' ? '' : bulkReason(row.code)}</span>
                <Badge tone={tones[row.status] ?? 'danger'}>{statusLabel[row.status]}</Badge>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Modal>
  );
}

function ImpactPreview({
  preview,
  pending,
  error,
  action,
}: {
  preview: BulkPreview | undefined;
  pending: boolean;
  error: unknown;
  action: BulkAction;
}) {
  if (pending || (!preview && !error))
    return (
      <p className="muted bulk-dialog__loading">
        <Spinner /> Checking what this would do…
      </p>
    );
  if (!preview)
    return (
      <div className="notice notice--danger" role="alert">
        <Icon name="alert" />
        <p>
          {isApiError(error, 'FORBIDDEN')
            ? 'Only admins can do this, and you are no longer one here.'
            : 'The impact could not be computed. Try again.'}
        </p>
      </div>
    );
  const people = `${preview.count} ${preview.count === 1 ? 'member' : 'members'}`;
  const summary =
    action.type === 'remove'
      ? `Removes ${people} from ${preview.workspaceCount} ${preview.workspaceCount === 1 ? 'workspace' : 'workspaces'}`
      : `Makes ${people} ${orgRoleLabel[action.role].toLowerCase()}s`;
  const orphaned = preview.workspacesLeftWithoutOwner.map((w) => w.name);
  return (
    <div className="bulk-impact" aria-live="polite">
      <p className="bulk-impact__summary">
        {summary}
        {orphaned.length > 0 && (
          <>
            ; <strong>{orphaned.join(', ')}</strong> would be left without an owner
          </>
        )}
        .
      </p>
      {action.type === 'remove' && (
        <p className="muted">Their sessions in this organization end at once; their history stays in the audit log.</p>
      )}
      {preview.refused.length > 0 && (
        <div className="notice notice--warning bulk-impact__refused">
          <Icon name="alert" />
          <div>
            <p>
              <strong>
                {preview.refused.length} {preview.refused.length === 1 ? 'row' : 'rows'} will be refused:
              </strong>
            </p>
            <ul>
              {preview.refused.map((r) => (
                <li key={r.userId}>
                  {r.name}: {bulkReason(r.code)}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
