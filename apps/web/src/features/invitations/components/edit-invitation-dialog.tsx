import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Invitation, InvitationGrantInput, OrgRole } from '@roster/contracts';
import { FormDialog } from '../../../components/ui/dialog.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { useUpdateInvitation } from '../api/use-update-invitation.ts';
import { workspaceOptionsQueryOptions } from '../api/workspaces-options-query.ts';
import { useInvitationDialogsStore } from '../stores/invitation-dialogs-store.ts';
import { GrantsEditor } from './grants-editor.tsx';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';

/** Edits a live invitation's terms, carrying the version the admin opened it at. */
export function EditInvitationDialog({ orgId }: { orgId: string }) {
  const target = useInvitationDialogsStore((s) => s.editTarget);
  const close = useInvitationDialogsStore((s) => s.closeDialogs);
  usePresenceEditing(target && { kind: 'invitation', id: target.id });
  if (!target) return null;
  return <EditForm key={`${target.id}:${target.version}`} orgId={orgId} invitation={target} onClose={close} />;
}

function EditForm({ orgId, invitation, onClose }: { orgId: string; invitation: Invitation; onClose: () => void }) {
  const [role, setRole] = useState<OrgRole>(invitation.role);
  const [lite, setLite] = useState(invitation.lite);
  const [grants, setGrants] = useState<InvitationGrantInput[]>(
    invitation.workspaces.map((w) => ({ workspaceId: w.id, role: w.role })),
  );
  const workspaces = useQuery(workspaceOptionsQueryOptions(orgId));
  const update = useUpdateInvitation(orgId);
  const options: SelectOption<OrgRole>[] = [
    { value: 'ADMIN', label: 'Admin', disabled: lite, ...(lite ? { hint: 'Not with lite access' } : {}) },
    { value: 'MEMBER', label: 'Member' },
    { value: 'EXTERNAL', label: 'External' },
  ];
  const save = () => update.mutate({ invitation, changes: { role, lite, workspaces: grants } }, { onSettled: onClose });
  return (
    <FormDialog
      open
      onOpenChange={(open) => !open && !update.isPending && onClose()}
      title="Edit invitation"
      description={
        <p>
          What <strong>{invitation.email}</strong> gets on accepting. The link stays the same.
        </p>
      }
      actions={
        <>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={update.isPending}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={save} disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save changes'}
          </button>
        </>
      }
    >
      <div className="edit-invitation">
        <div className="field">
          <span className="field__label">Role in the organization</span>
          <Select aria-label="Organization role" value={role} options={options} onValueChange={setRole} />
        </div>
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={lite}
            onChange={(e) => {
              setLite(e.target.checked);
              if (e.target.checked) {
                if (role === 'ADMIN') setRole('MEMBER');
                setGrants((g) => g.map((x) => ({ ...x, role: 'VIEWER' })));
              }
            }}
          />
          <span>
            <span className="checkbox-field__label">Lite access</span>
            <span className="checkbox-field__hint">Only the workspaces below, as a viewer.</span>
          </span>
        </label>
        <GrantsEditor
          // The invitation's own grants name their workspaces while the list loads.
          workspaces={workspaces.data ?? invitation.workspaces.map(({ id, name }) => ({ id, name }))}
          grants={grants}
          onChange={setGrants}
          lite={lite}
        />
      </div>
    </FormDialog>
  );
}
