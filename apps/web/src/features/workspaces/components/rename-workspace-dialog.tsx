import { useState, type FormEvent } from 'react';
import type { Workspace } from '@roster/contracts';
import { Modal } from '../../../components/ui/modal.tsx';
import { Notice } from '../../../components/ui/notice.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useRenameWorkspace } from '../api/use-rename-workspace.ts';
import type { ErrorCopy } from '../utils/workspace-error-copy.ts';
import { workspaceLifecycleErrorCopy } from '../utils/workspace-lifecycle-copy.ts';
import { WorkspaceNameField, workspaceNameProblem } from './workspace-name-field.tsx';

interface Props {
  orgId: string;
  workspace: Workspace;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Org admins and the workspace's owners rename it; a clash or a stale version is explained here. */
export function RenameWorkspaceDialog({ orgId, workspace, open, onOpenChange }: Props) {
  const [name, setName] = useState(workspace.name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ErrorCopy | null>(null);
  const rename = useRenameWorkspace(orgId);
  const close = (next: boolean) => {
    if (rename.isPending) return;
    onOpenChange(next);
    if (!next) {
      setName(workspace.name);
      setFieldError(null);
      setRefusal(null);
    }
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = workspaceNameProblem(name);
    if (problem) return setFieldError(problem);
    const trimmed = name.trim();
    setRefusal(null);
    try {
      // The version the page shows: if someone renamed it since, the server refuses and says so.
      const renamed = await rename.mutateAsync({ workspace, name: trimmed });
      // Closed through the page, not this instance: the live event of this very rename can arrive
      // first and remount the dialog (its key has the version), and a remounted dialog must not stay open.
      onOpenChange(false);
      toast({ tone: 'success', title: `${workspace.name} is now ${renamed.name}` });
    } catch (error) {
      const copy = workspaceLifecycleErrorCopy(error, 'rename', workspace.name);
      if (isApiError(error, 'WORKSPACE_NAME_TAKEN')) setFieldError(copy.description);
      else setRefusal(copy);
    }
  };
  return (
    <Modal open={open} onOpenChange={close} title={`Rename ${workspace.name}`}>
      <form onSubmit={onSubmit} noValidate>
        {refusal && (
          <Notice tone="warning" title={refusal.title}>
            {refusal.description}
          </Notice>
        )}
        <WorkspaceNameField
          id="ws-rename"
          value={name}
          error={fieldError}
          onChange={(value) => {
            setName(value);
            setFieldError(null);
          }}
        />
        <div className="dialog-actions">
          <button type="button" className="button button--secondary" onClick={() => close(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={rename.isPending}>
            {rename.isPending ? 'Renaming…' : 'Rename'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
