import { useRef, type ReactNode } from 'react';
import { DropdownMenu } from 'radix-ui';
import { noteOpener } from './focus-return.ts';
import { Icon } from './icon.tsx';
import { usePortalContainer } from './portal-container.tsx';
import './dropdown-menu.css';

interface MenuProps {
  trigger: ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
}

/** Radix DropdownMenu with the app's look; `trigger` must be a focusable element (asChild). */
export function Menu({ trigger, children, align = 'end' }: MenuProps) {
  const container = usePortalContainer();
  const triggerRef = useRef<HTMLButtonElement>(null);
  return (
    // A dialog opened from an item gives focus back to this menu's trigger when it closes.
    <DropdownMenu.Root modal={false} onOpenChange={(open) => open && noteOpener(triggerRef.current)}>
      <DropdownMenu.Trigger asChild ref={triggerRef}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={container}>
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
  /** The page the person is on, in a menu of pages. */
  current?: boolean;
}

export function MenuItem({ children, onSelect, tone = 'default', disabled, icon, hint, current }: MenuItemProps) {
  return (
    <DropdownMenu.Item
      className={`menu-item menu-item--${tone}`}
      onSelect={onSelect}
      disabled={disabled}
      aria-current={current ? 'page' : undefined}
    >
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

interface MenuRadioGroupProps<T extends string> {
  value: T;
  onValueChange: (value: T) => void;
  /** Names the group for screen readers, e.g. "Theme". */
  label: string;
  children: ReactNode;
}

/** Mutually exclusive items (role="menuitemradio"), e.g. the colour scheme. */
export function MenuRadioGroup<T extends string>({ value, onValueChange, label, children }: MenuRadioGroupProps<T>) {
  return (
    <DropdownMenu.RadioGroup value={value} onValueChange={(v) => onValueChange(v as T)} aria-label={label}>
      {children}
    </DropdownMenu.RadioGroup>
  );
}

export function MenuRadioItem({ value, children, icon }: { value: string; children: ReactNode; icon?: ReactNode }) {
  return (
    <DropdownMenu.RadioItem value={value} className="menu-item menu-item--default">
      {icon && <span className="menu-item__icon">{icon}</span>}
      <span className="menu-item__text">{children}</span>
      <DropdownMenu.ItemIndicator className="menu-item__check">
        <Icon name="check" size={14} />
      </DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}
