import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
import { useReturnFocus } from './focus-return.ts';
import { PortalContainerProvider, usePortalHost } from './portal-container.tsx';
import './dialog.css';

interface FormDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  actions: ReactNode;
}

/** A small Radix Dialog for an edit form; the caller's actions sit at the bottom right. */
export function FormDialog({ open, onOpenChange, title, description, children, actions }: FormDialogProps) {
  const [host, setHost] = usePortalHost();
  const returnFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content ref={setHost} className="dialog-content dialog-content--form" onCloseAutoFocus={returnFocus}>
          <PortalContainerProvider value={host}>
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <Dialog.Description asChild>
              <div className="dialog-description">{description ?? null}</div>
            </Dialog.Description>
            {children}
            <div className="dialog-actions">{actions}</div>
          </PortalContainerProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;
