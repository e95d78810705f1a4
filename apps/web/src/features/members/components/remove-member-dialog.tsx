import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { useRemoveMember } from '../api/use-remove-member.ts';
import { handOverWorkspaces, type Handover } from '../api/hand-over-workspaces.ts';
import { useOwnerlessWorkspaces } from '../api/use-ownerless-workspaces.ts';
import { useRemoveDialogStore } from '../stores/remove-dialog-store.ts';
import { useLatched } from '../../../lib/use-latched.ts';
import { NewOwnerPicker } from './new-owner-picker.tsx';

const REMOVE = { type: 'remove' } as const;

/** One confirmation for the whole table, so it is not unmounted with a row that scrolls away. */
export function RemoveMemberDialog({ orgId, orgName }: { orgId: string; orgName: string }) {
  const queryClient = useQueryClient();
  const target = useRemoveDialogStore((s) => s.target);
  const close = useRemoveDialogStore((s) => s.close);
  const remove = useRemoveMember(orgId, orgName);
  const ownerless = useOwnerlessWorkspaces(orgId, target, target ? REMOVE : null).data ?? [];
  // Picks belong to the person they were made for; another removal starts with none.
  const [picks, setPicks] = useState<{ userId: string; handovers: Handover[] }>({ userId: '', handovers: [] });
  const [handingOver, setHandingOver] = useState(false);
  // Keeps the text while the dialog closes, after the target is cleared.
  const member = useLatched(target);
  if (!member) return null;
  const handovers = picks.userId === member.userId ? picks.handovers : [];
  const workspaces = member.workspaces.length;
  const confirm = async () => {
    setHandingOver(true);
    const handedOver = await handOverWorkspaces(queryClient, orgId, handovers);
    setHandingOver(false);
    if (handedOver) remove.mutate(member, { onSettled: close });
  };
  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => !open && !remove.isPending && !handingOver && close()}
      title={`Remove ${member.name} from ${orgName}?`}
      description={
        <>
          <p>
            <strong>{member.name}</strong> ({member.email}) loses access to {orgName} right away:
          </p>
          <ul>
            <li>
              {workspaces === 0
                ? 'no workspace memberships to remove'
                : `removed from ${workspaces} workspace${workspaces === 1 ? '' : 's'}`}
            </li>
            <li>signed out of {orgName} in every open tab</li>
          </ul>
          <p>Their past activity stays in the audit log.</p>
        </>
      }
      confirmLabel={`Remove ${member.name}`}
      pending={remove.isPending || handingOver}
      onConfirm={() => void confirm()}
    >
      {ownerless.length > 0 && (
        <NewOwnerPicker
          orgId={orgId}
          leaving={member}
          workspaces={ownerless}
          handovers={handovers}
          onChange={(next) => setPicks({ userId: member.userId, handovers: next })}
        />
      )}
    </ConfirmDialog>
  );
}
