import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useCreateWorkspace } from '../api/use-create-workspace.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { NAME_TAKEN, workspaceErrorCopy } from '../utils/workspace-error-copy.ts';

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
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the workspace a name.');
    if (trimmed.length > 80) return setError('At most 80 characters.');
    create.mutate(trimmed, {
      onSuccess: (ws) => {
        close(false);
        toast({ tone: 'success', title: `${ws.name} was created`, description: 'Add the people who work in it.' });
        void navigate(`/orgs/${orgId}/workspaces/${ws.id}`);
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
        <div className="field">
          <label className="field__label" htmlFor="ws-name">
            Name
          </label>
          <input
            id="ws-name"
            className="input"
            value={name}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
            autoFocus
            maxLength={80}
            placeholder="e.g. Design"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'ws-name-error' : undefined}
          />
          {error && (
            <span id="ws-name-error" className="field__error" role="alert">
              {error}
            </span>
          )}
        </div>
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
