import { useId, type ReactNode } from 'react';
import { Select as RadixSelect } from 'radix-ui';
import { Icon } from './icon.tsx';
import { usePortalContainer } from './portal-container.tsx';
import './select.css';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
  /** Shown under the label; says why a disabled option cannot be picked. */
  hint?: string;
  disabled?: boolean;
}

interface SelectProps<T extends string> {
  value: T;
  options: readonly SelectOption<T>[];
  onValueChange: (value: T) => void;
  'aria-label': string;
  disabled?: boolean;
  /** `inline` blends into a table cell until hovered or focused. */
  variant?: 'field' | 'inline';
  /** Replaces the selected label in the trigger, e.g. a badge. */
  renderValue?: (value: T) => ReactNode;
  className?: string;
  onOpenChange?: (open: boolean) => void;
}

/** Radix Select with the app's look: keyboard, typeahead and screen-reader support come from Radix. */
export function Select<T extends string>({
  value,
  options,
  onValueChange,
  variant = 'field',
  renderValue,
  className,
  onOpenChange,
  ...rest
}: SelectProps<T>) {
  const container = usePortalContainer();
  const id = useId();
  return (
    <RadixSelect.Root
      value={value}
      onValueChange={(v) => onValueChange(v as T)}
      disabled={rest.disabled}
      {...(onOpenChange ? { onOpenChange } : {})}
    >
      <RadixSelect.Trigger
        className={`select-trigger select-trigger--${variant} ${className ?? ''}`}
        aria-label={rest['aria-label']}
      >
        <RadixSelect.Value>{renderValue?.(value)}</RadixSelect.Value>
        <RadixSelect.Icon className="select-trigger__icon">
          <Icon name="chevronDown" size={14} />
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal container={container}>
        <RadixSelect.Content className="select-content" position="popper" sideOffset={4} align="start">
          <RadixSelect.Viewport className="select-viewport">
            {options.map((o, i) => (
              <RadixSelect.Item
                key={o.value}
                value={o.value}
                disabled={o.disabled}
                className="select-item"
                // An option is named by all it shows, its hint included (what a voice user reads out).
                // Spread only when set: an undefined prop would replace Radix's own labelling.
                {...(o.hint ? { 'aria-labelledby': `${id}-${i} ${id}-${i}-hint` } : {})}
              >
                <RadixSelect.ItemText {...(o.hint ? { id: `${id}-${i}` } : {})}>{o.label}</RadixSelect.ItemText>
                {o.hint && (
                  <span className="select-item__hint" id={`${id}-${i}-hint`}>
                    {/* The space keeps label and hint two words when the text is read as one. */} {o.hint}
                  </span>
                )}
                <RadixSelect.ItemIndicator className="select-item__check">
                  <Icon name="check" size={14} />
                </RadixSelect.ItemIndicator>
              </RadixSelect.Item>
            ))}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
