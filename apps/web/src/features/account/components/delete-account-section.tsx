import { useState } from 'react';
import { useDeleteAccount } from '../api/use-delete-account.ts';
import { accountErrorCopy, blockingOrgAdvice, deleteRefusal } from '../utils/account-error-copy.ts';
import { AccountSection } from './account-section.tsx';
import { PasswordDialog } from './password-dialog.tsx';

/** Deleting is refused while an org still needs you; the refusal lists them and what to do. */
export function DeleteAccountSection({ onDeleted }: { onDeleted: () => void }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteAccount();
  const blocking = deleteRefusal(remove.error);
  return (
    <AccountSection
      id="delete-account"
      tone="danger"
      title="Delete account"
      description="Removes you from every organization and signs you out everywhere. This can’t be undone."
    >
      <div className="account-row">
        <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
          Delete account…
        </button>
      </div>
      <PasswordDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) remove.reset();
        }}
        title="Delete your account?"
        description="You’ll leave every organization and be signed out everywhere. Your history in audit logs stays."
        confirmLabel="Delete account"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError && !blocking ? accountErrorCopy(remove.error, 'delete') : null}
        onConfirm={(password) => remove.mutate(password, { onSuccess: onDeleted })}
      >
        {blocking && (
          <div className="account-refusal" role="alert">
            <p>
              <strong>Your account can’t be deleted yet.</strong> These organizations still need you:
            </p>
            <ul>
              {blocking.map((org) => (
                <li key={org.id}>
                  <strong>{org.name}</strong>: {blockingOrgAdvice[org.reason]}
                </li>
              ))}
            </ul>
          </div>
        )}
      </PasswordDialog>
    </AccountSection>
  );
}
