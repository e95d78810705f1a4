import type { ReactNode } from 'react';
import { StatePanel } from './state-panel.tsx';

/** What a page or section shows when its data could not be loaded: what failed, why, and a retry. */
export function LoadError({
  title,
  children,
  onRetry,
  retrying = false,
}: {
  title: string;
  children: ReactNode;
  onRetry: () => void;
  retrying?: boolean;
}) {
  return (
    <StatePanel
      icon="alert"
      tone="danger"
      title={title}
      actions={
        <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying}>
          Try again
        </button>
      }
    >
      <p>{children}</p>
    </StatePanel>
  );
}
