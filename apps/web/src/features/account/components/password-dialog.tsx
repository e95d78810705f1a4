import { useState, type FormEvent, type ReactNode } from 'react';
import { DialogClose, FormDialog } from '../../../components/ui/dialog.tsx';
import { PasswordField } from '../../../components/ui/password-field.tsx';
import type { AccountErrorCopy } from '../utils/account-error-copy.ts';

interface PasswordDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: (password: string) => void;
  pending: boolean;
  error: AccountErrorCopy | null;
  tone?: 'primary' | 'danger';
  /** Shown above the field: what a refusal means (the orgs that block a deletion, say). */
  children?: ReactNode;
}

/** Anything sensitive asks for the password again; a wrong one is said under the field. */
export function PasswordDialog(props: PasswordDialogProps) {
  const { open, onOpenChange, title, description, confirmLabel, onConfirm, pending, error, tone = 'primary' } = props;
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) onConfirm(password);
  };
  const formId = `${title.replace(/\W+/g, '-').toLowerCase()}-form`;
  return (
    <FormDialog
      open={open}
      onOpenChange={(next) => {
        if (!next) setPassword('');
        onOpenChange(next);
      }}
      title={title}
      description={description}
      actions={
        <>
          <DialogClose className="button button--secondary">Cancel</DialogClose>
          <button
            type="submit"
            form={formId}
            className={`button button--${tone}`}
            disabled={pending || !password}
            aria-busy={pending || undefined}
          >
            {pending ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      <form id={formId} className="account-dialog-form" onSubmit={submit} noValidate>
        {props.children}
        {error && error.field !== 'password' && (
          <p className="account-error" role="alert">
            {error.message}
          </p>
        )}
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- a dialog moves focus to its first field (WAI-ARIA dialog pattern)
          autoFocus
          value={password}
          onChange={setPassword}
          error={error?.field === 'password' ? error.message : null}
        />
      </form>
    </FormDialog>
  );
}
