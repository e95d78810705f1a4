import { workspaceRoleLabel, type InvitationGrantInput, type WorkspaceRole } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';

interface GrantsEditorProps {
  workspaces: { id: string; name: string }[];
  grants: InvitationGrantInput[];
  onChange: (grants: InvitationGrantInput[]) => void;
  /** Lite people are at most viewers in a workspace (R11). */
  lite: boolean;
  disabled?: boolean;
}

function roleOptions(lite: boolean): SelectOption<WorkspaceRole>[] {
  const all: WorkspaceRole[] = lite ? ['VIEWER'] : ['OWNER', 'MEMBER', 'VIEWER'];
  return all.map((role) => ({ value: role, label: workspaceRoleLabel[role] }));
}

/** One row per workspace with its role; "+ Add workspace" offers the ones not granted yet. */
export function GrantsEditor({ workspaces, grants, onChange, lite, disabled }: GrantsEditorProps) {
  const unused = workspaces.filter((w) => !grants.some((g) => g.workspaceId === w.id));
  const nameOf = (id: string) => workspaces.find((w) => w.id === id)?.name ?? 'Unknown workspace';
  const update = (index: number, patch: Partial<InvitationGrantInput>) =>
    onChange(grants.map((g, i) => (i === index ? { ...g, ...patch } : g)));
  return (
    <fieldset className="grants" disabled={disabled}>
      <legend className="field__label">Workspaces</legend>
      {grants.length === 0 && <p className="field__hint">No workspace access yet. Admins see every workspace.</p>}
      <ul className="grants__list">
        {grants.map((grant, index) => (
          <li key={grant.workspaceId} className="grants__row">
            <Select
              aria-label={`Workspace ${index + 1}`}
              className="grants__workspace"
              value={grant.workspaceId}
              options={[grant.workspaceId, ...unused.map((w) => w.id)].map((id) => ({ value: id, label: nameOf(id) }))}
              onValueChange={(workspaceId) => update(index, { workspaceId })}
            />
            <Select
              aria-label={`Role in ${nameOf(grant.workspaceId)}`}
              className="grants__role"
              value={grant.role}
              options={roleOptions(lite)}
              onValueChange={(role) => update(index, { role })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove ${nameOf(grant.workspaceId)}`}
              onClick={() => onChange(grants.filter((_, i) => i !== index))}
            >
              <Icon name="x" />
            </button>
          </li>
        ))}
      </ul>
      {unused.length > 0 && (
        <button
          type="button"
          className="button button--ghost grants__add"
          onClick={() => onChange([...grants, { workspaceId: unused[0]!.id, role: lite ? 'VIEWER' : 'MEMBER' }])}
        >
          <Icon name="plus" />
          Add workspace
        </button>
      )}
    </fieldset>
  );
}
