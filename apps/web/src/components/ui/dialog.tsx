import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
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
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content dialog-content--form">
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          <Dialog.Description asChild>
            <div className="dialog-description">{description ?? null}</div>
          </Dialog.Description>
          {children}
          <div className="dialog-actions">{actions}</div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const DialogClose = Dialog.Close;
