import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { useRemoveMember } from '../api/use-remove-member.ts';
import { useRemoveDialogStore } from '../stores/remove-dialog-store.ts';
import { useLatched } from '../../../lib/use-latched.ts';

/** One confirmation for the whole table, so it is not unmounted with a row that scrolls away. */
export function RemoveMemberDialog({ orgId, orgName }: { orgId: string; orgName: string }) {
  const target = useRemoveDialogStore((s) => s.target);
  const close = useRemoveDialogStore((s) => s.close);
  const remove = useRemoveMember(orgId, orgName);
  // Keeps the text while the dialog closes, after the target is cleared.
  const member = useLatched(target);
  if (!member) return null;
  const workspaces = member.workspaces.length;
  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => !open && !remove.isPending && close()}
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
      pending={remove.isPending}
      onConfirm={() => remove.mutate(member, { onSettled: close })}
    />
  );
}
