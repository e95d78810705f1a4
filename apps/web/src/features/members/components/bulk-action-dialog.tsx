import { useEffect, useEffectEvent, useState } from 'react';
import { OrgRoleSchema, orgRoleLabel, workspaceRoleLabel, type BulkPreview, type OrgRole } from '@roster/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useBulkPreview, type BulkRequest } from '../api/bulk-preview.ts';
import { useBulkRun } from '../api/bulk-run.ts';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';
import { bulkReason, bulkSummary, statusLabel } from '../utils/bulk-copy.ts';
import { bulkDialogCopy } from '../utils/bulk-dialog-copy.ts';

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
  // One thing edited per tab: the first ticked row stands for the batch ("all matching" names none).
  const firstTicked = selection.members?.[0]?.userId;
  usePresenceEditing(firstTicked ? { kind: 'member', id: firstTicked } : null, !run.isSuccess);
  const request: BulkRequest = { action, ...selection };
  const { mutate: askPreview } = preview;
  const roleKey = action.type === 'change_role' ? action.role : 'remove';
  // The selection is fixed while the dialog is open; only the chosen role changes the preview.
  const previewChosen = useEffectEvent(() => askPreview({ action, ...selection }));
  useEffect(() => previewChosen(), [roleKey]);
  const started = run.isPending || run.isSuccess || run.isError;
  const done = run.isSuccess;
  const [typed, setTyped] = useState('');
  const expected = preview.data ? preview.data.count + preview.data.unchanged + preview.data.refused.length : count;
  const progress = expected > 0 ? Math.min(100, Math.round((run.rows.length / expected) * 100)) : 0;
  const copy = bulkDialogCopy({ action, orgName, selected: count, preview: preview.data });
  const confirmed = copy.typedConfirmation === null || typed.trim() === copy.typedConfirmation;
  return (
    <Modal
      open
      size="lg"
      onOpenChange={(open) => !open && !run.isPending && onClose(done)}
      title={copy.title}
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
              disabled={!preview.data || preview.data.count === 0 || started || !confirmed}
              onClick={() => run.mutate(request)}
            >
              {run.isPending ? 'Working…' : copy.confirmLabel}
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
        <ImpactPreview
          preview={preview.data}
          pending={preview.isPending}
          error={preview.error}
          action={action}
          summary={copy.summary}
        />
      )}
      {!started && preview.data && copy.typedConfirmation && (
        <div className="field bulk-dialog__typed">
          <label className="field__label" htmlFor="bulk-typed-count">
            Type <strong>{copy.typedConfirmation}</strong> to confirm removing {copy.typedConfirmation} people
          </label>
          <input
            id="bulk-typed-count"
            className="input"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </div>
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
  summary,
}: {
  preview: BulkPreview | undefined;
  pending: boolean;
  error: unknown;
  action: BulkAction;
  summary: string | null;
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
  const orphaned = preview.workspacesLeftWithoutOwner.map((w) => w.name);
  const lowered = preview.workspaceRolesLowered ?? [];
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
      {lowered.length > 0 && (
        <div className="notice notice--warning bulk-impact__refused">
          <Icon name="alert" />
          <div>
            <p>
              <strong>Externals never own a workspace, so these workspace roles are lowered too:</strong>
            </p>
            <ul>
              {lowered.map((g) => (
                <li key={`${g.userId}:${g.workspaceId}`}>
                  {g.name} in {g.workspaceName}: {workspaceRoleLabel[g.from]} → {workspaceRoleLabel[g.to]}
                </li>
              ))}
            </ul>
          </div>
        </div>
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
