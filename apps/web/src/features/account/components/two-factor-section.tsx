import { useState } from 'react';
import { Badge } from '../../../components/ui/badge.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useDisableTwoFactor, useEnableTwoFactor, useGenerateBackupCodes } from '../api/use-two-factor.ts';
import { accountErrorCopy } from '../utils/account-error-copy.ts';
import { AccountSection } from './account-section.tsx';
import { PasswordDialog } from './password-dialog.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';
import { TwoFactorSetup } from './two-factor-setup.tsx';

type Dialog = 'enable' | 'disable' | 'codes' | null;

/** Off: set it up (password, scan, confirm). On: turn it off, or get new recovery codes. */
export function TwoFactorSection({ enabled, onMeChanged }: { enabled: boolean; onMeChanged: () => Promise<unknown> }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const enable = useEnableTwoFactor();
  const disable = useDisableTwoFactor();
  const codes = useGenerateBackupCodes();
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const active = dialog === 'enable' ? enable : dialog === 'disable' ? disable : codes;
  const close = () => {
    setDialog(null);
    active.reset();
  };
  const setup = !enabled && enable.data;
  return (
    <AccountSection
      id="two-factor"
      title="Two-factor sign-in"
      description="Ask for a code from your phone as well as your password. Some organizations require it."
    >
      <div className="account-row">
        <div className="account-row__field">
          <span className="two-factor-status">
            Status {enabled ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}
          </span>
          <p className="field__hint">
            {enabled
              ? 'You’ll be asked for a code from your authenticator app when you sign in.'
              : 'Anyone with your password can sign in as you.'}
          </p>
        </div>
        {enabled ? (
          <div className="account-row__buttons">
            <button type="button" className="button button--secondary" onClick={() => setDialog('codes')}>
              New recovery codes
            </button>
            <button
              type="button"
              className="button button--secondary button--danger-text"
              onClick={() => setDialog('disable')}
            >
              Turn off
            </button>
          </div>
        ) : (
          !setup && (
            <button type="button" className="button button--primary" onClick={() => setDialog('enable')}>
              Set up
            </button>
          )
        )}
      </div>
      {setup && (
        <TwoFactorSetup
          totpURI={setup.totpURI}
          backupCodes={setup.backupCodes}
          onCancel={() => enable.reset()}
          onDone={async () => {
            await onMeChanged();
            enable.reset();
            toast({
              tone: 'success',
              title: 'Two-factor sign-in is on',
              description: 'Keep your recovery codes safe.',
            });
          }}
        />
      )}
      {enabled && newCodes && (
        <div className="two-factor-setup" role="status">
          <p>Your new recovery codes. The old ones no longer work.</p>
          <RecoveryCodes codes={newCodes} />
          <div>
            <button type="button" className="button button--ghost" onClick={() => setNewCodes(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      <PasswordDialog
        open={dialog !== null}
        onOpenChange={(open) => !open && close()}
        title={
          dialog === 'disable'
            ? 'Turn off two-factor sign-in'
            : dialog === 'codes'
              ? 'New recovery codes'
              : 'Set up two-factor sign-in'
        }
        description={
          dialog === 'disable'
            ? 'Only your password will protect your account. Organizations that require two-factor will lock you out.'
            : dialog === 'codes'
              ? 'Your current recovery codes stop working.'
              : 'Confirm it’s you. Next, you’ll scan a code with your authenticator app.'
        }
        confirmLabel={dialog === 'disable' ? 'Turn off' : dialog === 'codes' ? 'Create new codes' : 'Continue'}
        tone={dialog === 'disable' ? 'danger' : 'primary'}
        pending={active.isPending}
        error={active.isError ? accountErrorCopy(active.error, 'two-factor') : null}
        onConfirm={(password) => {
          if (dialog === 'enable') enable.mutate(password, { onSuccess: () => setDialog(null) });
          if (dialog === 'disable')
            disable.mutate(password, {
              onSuccess: () => {
                setDialog(null);
                setNewCodes(null);
                void onMeChanged().then(() => toast({ tone: 'success', title: 'Two-factor sign-in is off' }));
              },
            });
          if (dialog === 'codes')
            codes.mutate(password, {
              onSuccess: (answer) => {
                setDialog(null);
                setNewCodes(answer.backupCodes);
              },
            });
        }}
      />
    </AccountSection>
  );
}
