import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
import { useReturnFocus } from './focus-return.ts';
import { Icon } from './icon.tsx';
import { PortalContainerProvider, usePortalHost } from './portal-container.tsx';
import './dialog.css';
import './modal.css';

interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Footer buttons; the close (×) button is always there. */
  actions?: ReactNode;
  size?: 'md' | 'lg';
  /** A variant's own class on the dialog (a sheet on phones, a fixed height). */
  className?: string;
}

/** A Radix Dialog with the app's look, for forms and details (AlertDialog is for confirmations). */
export function Modal(props: ModalProps) {
  const { open, onOpenChange, title, description, children, actions, size = 'md', className } = props;
  const [host, setHost] = usePortalHost();
  const returnFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          ref={setHost}
          className={`dialog-content modal modal--${size}${className ? ` ${className}` : ''}`}
          onCloseAutoFocus={returnFocus}
        >
          <PortalContainerProvider value={host}>
            <div className="modal__header">
              <Dialog.Title className="dialog-title">{title}</Dialog.Title>
              <Dialog.Close className="icon-button icon-button--sm" aria-label="Close dialog">
                <Icon name="x" />
              </Dialog.Close>
            </div>
            {description ? (
              <Dialog.Description asChild>
                <div className="dialog-description">{description}</div>
              </Dialog.Description>
            ) : (
              <Dialog.Description className="visually-hidden">{title}</Dialog.Description>
            )}
            <div className="modal__body">{children}</div>
            {actions && <div className="dialog-actions">{actions}</div>}
          </PortalContainerProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
