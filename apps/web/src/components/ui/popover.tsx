import type { ReactNode } from 'react';
import { Popover as RadixPopover } from 'radix-ui';
import { usePortalContainer } from './portal-container.tsx';
import './popover.css';

interface PopoverProps {
  trigger: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  label: string;
}

/** Radix Popover with the app's look; `trigger` must be a focusable element (asChild). */
export function Popover({ trigger, children, open, onOpenChange, label }: PopoverProps) {
  const container = usePortalContainer();
  return (
    <RadixPopover.Root open={open} onOpenChange={onOpenChange}>
      <RadixPopover.Trigger asChild>{trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal container={container}>
        <RadixPopover.Content className="popover-content" align="end" sideOffset={6} aria-label={label}>
          {children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
