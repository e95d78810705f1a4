import type { ReactNode } from 'react';
import { Dialog } from 'radix-ui';
import { useReturnFocus } from './focus-return.ts';
import { Icon } from './icon.tsx';
import { PortalContainerProvider, usePortalHost } from './portal-container.tsx';
import './drawer.css';

interface DrawerProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Sticky footer (the form's actions). */
  footer?: ReactNode;
}

/** A Radix Dialog shown as a right-side panel: focus trap, Escape and outside click come from Radix. */
export function Drawer({ open, onOpenChange, title, description, children, footer }: DrawerProps) {
  const [host, setHost] = usePortalHost();
  const returnFocus = useReturnFocus(open);
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="drawer-overlay" />
        <Dialog.Content ref={setHost} className="drawer-content" onCloseAutoFocus={returnFocus}>
          <PortalContainerProvider value={host}>
            <header className="drawer-header">
              <div>
                <Dialog.Title className="drawer-title">{title}</Dialog.Title>
                {description ? (
                  <Dialog.Description className="drawer-description">{description}</Dialog.Description>
                ) : (
                  <Dialog.Description className="visually-hidden">{title}</Dialog.Description>
                )}
              </div>
              <Dialog.Close className="icon-button" aria-label="Close">
                <Icon name="x" />
              </Dialog.Close>
            </header>
            <div className="drawer-body">{children}</div>
            {footer && <footer className="drawer-footer">{footer}</footer>}
          </PortalContainerProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
