import type { ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import './dropdown-menu.css';

interface MenuProps {
  trigger: ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
}

/** Radix DropdownMenu with the app's look; `trigger` must be a focusable element (asChild). */
export function Menu({ trigger, children, align = 'end' }: MenuProps) {
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu-content" align={align} sideOffset={4}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

interface MenuItemProps {
  children: ReactNode;
  onSelect: () => void;
  tone?: 'default' | 'danger';
  disabled?: boolean;
  icon?: ReactNode;
  hint?: string;
}

export function MenuItem({ children, onSelect, tone = 'default', disabled, icon, hint }: MenuItemProps) {
  return (
    <DropdownMenu.Item className={`menu-item menu-item--${tone}`} onSelect={onSelect} disabled={disabled}>
      {icon && <span className="menu-item__icon">{icon}</span>}
      <span className="menu-item__text">
        {children}
        {hint && <span className="menu-item__hint">{hint}</span>}
      </span>
    </DropdownMenu.Item>
  );
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DropdownMenu.Label className="menu-label">{children}</DropdownMenu.Label>;
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="menu-separator" />;
}
