import type { ReactNode } from 'react';
import { AlertDialog } from 'radix-ui';
import { useReturnFocus } from './focus-return.ts';
import { PortalContainerProvider, usePortalHost } from './portal-container.tsx';
import './dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  /** Choices the confirmation needs (e.g. a new owner), under the description. */
  children?: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  tone?: 'danger' | 'primary';
}

/**
 * A Radix AlertDialog: focus starts on Cancel, so Enter never destroys anything by accident.
 * Confirm keeps the dialog open while the request runs; the caller closes it when done.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  confirmLabel,
  onConfirm,
  pending,
  tone = 'danger',
}: ConfirmDialogProps) {
  const [host, setHost] = usePortalHost();
  const returnFocus = useReturnFocus(open);
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content ref={setHost} className="dialog-content" onCloseAutoFocus={returnFocus}>
          <PortalContainerProvider value={host}>
            <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
            <AlertDialog.Description asChild>
              <div className="dialog-description">{description}</div>
            </AlertDialog.Description>
            {children}
            <div className="dialog-actions">
              <AlertDialog.Cancel className="button button--secondary">Cancel</AlertDialog.Cancel>
              <button
                type="button"
                className={`button button--${tone}`}
                aria-busy={pending || undefined}
                disabled={pending}
                onClick={onConfirm}
              >
                {pending ? 'Working…' : confirmLabel}
              </button>
            </div>
          </PortalContainerProvider>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
