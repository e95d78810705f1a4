import type { ReactNode } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';
import { usePortalContainer } from './portal-container.tsx';
import './tooltip.css';

interface TooltipProps {
  content: ReactNode;
  children: ReactNode;
  /** Disabled controls get no pointer or focus events, so they are wrapped in a focusable span. */
  wrapDisabled?: boolean;
  side?: 'top' | 'bottom' | 'left' | 'right';
}

export function Tooltip({ content, children, wrapDisabled, side = 'top' }: TooltipProps) {
  const container = usePortalContainer();
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>
        {wrapDisabled ? (
          // A disabled button takes no focus; its wrapper does, so the keyboard reaches the reason.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          <span className="tooltip-anchor" tabIndex={0}>
            {children}
          </span>
        ) : (
          children
        )}
      </RadixTooltip.Trigger>
      <RadixTooltip.Portal container={container}>
        <RadixTooltip.Content className="tooltip-content" side={side} sideOffset={6} collisionPadding={8}>
          {content}
          <RadixTooltip.Arrow className="tooltip-arrow" width={10} height={5} />
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}

export const TooltipProvider = RadixTooltip.Provider;
