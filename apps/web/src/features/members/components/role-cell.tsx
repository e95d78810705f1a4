import { useState } from 'react';
import type { Member, OrgRole } from '@roster/contracts';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { Tooltip } from '../../../components/ui/tooltip.tsx';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';
import { useChangeRole } from '../api/use-change-role.ts';
import { DemotionDialog, needsDemotionConfirmation } from './demotion-dialog.tsx';
import { RoleBadge } from './role-badge.tsx';

interface RoleCellProps {
  orgId: string;
  orgName: string;
  member: Member;
  isYou: boolean;
  canManage: boolean;
}

function roleOptions(member: Member): SelectOption<OrgRole>[] {
  return [
    member.lite
      ? { value: 'ADMIN', label: 'Admin', hint: 'Clear lite access first', disabled: true }
      : { value: 'ADMIN', label: 'Admin', hint: 'Manages members and every workspace' },
    { value: 'MEMBER', label: 'Member', hint: 'Works in the workspaces they are given' },
    { value: 'EXTERNAL', label: 'External', hint: 'Guest in shared workspaces only' },
  ];
}

/**
 * The role as a select for admins. What the rules forbid for certain is disabled with the
 * reason on hover and focus; everything else is left to the server, whose refusal is shown.
 */
export function RoleCell({ orgId, orgName, member, isYou, canManage }: RoleCellProps) {
  const change = useChangeRole(orgId);
  // Taking admin or a workspace away is asked once more; every other change applies at once (and can be undone).
  const [demotion, setDemotion] = useState<OrgRole | null>(null);
  // The other admins see who is about to change this role, from the list opening until it settles.
  const [open, setOpen] = useState(false);
  usePresenceEditing({ kind: 'member', id: member.userId, field: 'role' }, canManage && (open || demotion !== null));
  if (!canManage) return <RoleBadge role={member.role} />;
  const apply = (role: OrgRole) => {
    // One change at a time per row: a second one would carry a version about to be stale.
    if (role !== member.role && !change.isPending) change.mutate({ member, role });
  };
  const pendingRole = change.isPending ? change.variables.role : null;
  const select = (
    <Select
      variant="inline"
      aria-label={`Role for ${member.name}`}
      value={pendingRole ?? member.role}
      options={roleOptions(member)}
      disabled={isYou}
      renderValue={(role) => <RoleBadge role={role} />}
      onOpenChange={setOpen}
      onValueChange={(role) => (needsDemotionConfirmation(member, role) ? setDemotion(role) : apply(role))}
    />
  );
  return (
    <div className="role-cell" aria-busy={change.isPending || undefined}>
      {isYou ? (
        <Tooltip content="You can’t change your own role. Ask another admin." wrapDisabled>
          {select}
        </Tooltip>
      ) : (
        select
      )}
      {pendingRole && (
        <span className="role-cell__saving" title="Saving…">
          <Spinner size={11} label={`Saving ${member.name}’s role`} />
        </span>
      )}
      {demotion && (
        <DemotionDialog
          orgId={orgId}
          orgName={orgName}
          member={member}
          role={demotion}
          onClose={() => setDemotion(null)}
          onConfirm={() => apply(demotion)}
        />
      )}
    </div>
  );
}
