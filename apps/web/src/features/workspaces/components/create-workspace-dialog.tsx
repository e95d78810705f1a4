import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useCreateWorkspace } from '../api/use-create-workspace.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useOrgPath } from '../../../lib/org-paths.ts';
import { NAME_TAKEN, workspaceErrorCopy } from '../utils/workspace-error-copy.ts';
import { WorkspaceNameField, workspaceNameProblem } from './workspace-name-field.tsx';

interface Props {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

export function CreateWorkspaceDialog({ orgId, open, onOpenChange }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = useCreateWorkspace(orgId);
  const navigate = useNavigate();
  const orgPath = useOrgPath();
  const close = (next: boolean) => {
    if (create.isPending) return;
    onOpenChange(next);
    if (!next) {
      setName('');
      setError(null);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problem = workspaceNameProblem(name);
    if (problem) return setError(problem);
    const trimmed = name.trim();
    create.mutate(trimmed, {
      onSuccess: (ws) => {
        close(false);
        toast({ tone: 'success', title: `${ws.name} was created`, description: 'Add the people who work in it.' });
        void navigate(orgPath('workspaces', ws.id));
      },
      onError: (e) => {
        // A taken name is the field's problem: said under it, the dialog stays open to pick another.
        if (isApiError(e, 'WORKSPACE_NAME_TAKEN')) return setError(NAME_TAKEN);
        toast({ tone: 'error', ...workspaceErrorCopy(e, 'create', '', trimmed) });
      },
    });
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title="New workspace"
      description="A workspace groups people around a team or project. Org admins can always open it."
    >
      <form onSubmit={onSubmit} noValidate>
        <WorkspaceNameField
          id="ws-name"
          value={name}
          placeholder="e.g. Design"
          error={error}
          onChange={(value) => {
            setName(value);
            setError(null);
          }}
        />
        <div className="dialog-actions">
          <button type="button" className="button button--secondary" onClick={() => close(false)}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create workspace'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
