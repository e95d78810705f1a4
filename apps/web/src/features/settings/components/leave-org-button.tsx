import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useLeaveOrg } from '../api/use-leave-org.ts';
import { settingsErrorCopy } from '../utils/settings-error-copy.ts';

interface LeaveOrgButtonProps {
  orgId: string;
  orgName: string;
  /** After the server let you go: the app moves you to an org you still belong to. */
  onLeft: () => void;
}

/** "Leave organization", confirmed first; the rules that may refuse it are explained, not hidden. */
export function LeaveOrgButton({ orgId, orgName, onLeft }: LeaveOrgButtonProps) {
  const [open, setOpen] = useState(false);
  const leave = useLeaveOrg(orgId);
  return (
    <>
      <button type="button" className="button button--secondary button--danger-text" onClick={() => setOpen(true)}>
        <Icon name="logOut" />
        Leave organization
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => !leave.isPending && setOpen(next)}
        title={`Leave ${orgName}?`}
        description={
          <>
            <p>You lose access to {orgName} right away:</p>
            <ul>
              <li>removed from every workspace of {orgName}</li>
              <li>signed out of {orgName} in your other tabs</li>
            </ul>
            <p>To come back, an admin must invite you again.</p>
          </>
        }
        confirmLabel={`Leave ${orgName}`}
        pending={leave.isPending}
        onConfirm={() =>
          leave.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              toast({ tone: 'success', title: `You left ${orgName}` });
              onLeft();
            },
            onError: (error) => {
              setOpen(false);
              toast({ tone: 'error', ...settingsErrorCopy(error, 'leave', orgName) });
            },
          })
        }
      />
    </>
  );
}
