import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { orgRoleLabel, type Member, type OrgRole } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { handOverWorkspaces, type Handover } from '../api/hand-over-workspaces.ts';
import { useOwnerlessWorkspaces } from '../api/use-ownerless-workspaces.ts';
import { NewOwnerPicker } from './new-owner-picker.tsx';

/** Taking admin away, and making a workspace owner External (externals own no workspace), are asked once more. */
export function needsDemotionConfirmation(member: Member, role: OrgRole): boolean {
  if (role === member.role) return false;
  if (member.role === 'ADMIN') return true;
  return role === 'EXTERNAL' && member.workspaces.some((w) => w.role === 'OWNER');
}

interface DemotionDialogProps {
  orgId: string;
  orgName: string;
  member: Member;
  role: OrgRole;
  onClose: () => void;
  /** Runs the role change itself, once any picked new owners are in place. */
  onConfirm: () => void;
}

export function DemotionDialog({ orgId, orgName, member, role, onClose, onConfirm }: DemotionDialogProps) {
  const queryClient = useQueryClient();
  // Only a move to External takes ownership away (R22): no other demotion asks the server.
  const ownerless =
    useOwnerlessWorkspaces(orgId, member, role === 'EXTERNAL' ? { type: 'change_role', role } : null).data ?? [];
  const [handovers, setHandovers] = useState<Handover[]>([]);
  const [handingOver, setHandingOver] = useState(false);
  const owned = role === 'EXTERNAL' ? member.workspaces.filter((w) => w.role === 'OWNER').map((w) => w.name) : [];
  const confirm = async () => {
    setHandingOver(true);
    const handedOver = await handOverWorkspaces(queryClient, orgId, handovers);
    setHandingOver(false);
    if (!handedOver) return;
    onConfirm();
    onClose();
  };
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && !handingOver && onClose()}
      title={`Make ${member.name} ${orgRoleLabel[role]}?`}
      description={
        <>
          {member.role === 'ADMIN' && (
            <p>
              {member.name} stops being an admin of {orgName} right away: the members, invitations and settings pages
              close for them in every open tab.
            </p>
          )}
          {owned.length > 0 && (
            <p>
              Externals never own a workspace: {member.name} stays in {owned.join(', ')} as{' '}
              {member.lite ? 'a viewer' : 'a member'}, no longer its owner.
            </p>
          )}
        </>
      }
      confirmLabel={`Make ${orgRoleLabel[role]}`}
      pending={handingOver}
      onConfirm={() => void confirm()}
    >
      {ownerless.length > 0 && (
        <NewOwnerPicker
          orgId={orgId}
          leaving={member}
          workspaces={ownerless}
          handovers={handovers}
          onChange={setHandovers}
        />
      )}
    </ConfirmDialog>
  );
}
