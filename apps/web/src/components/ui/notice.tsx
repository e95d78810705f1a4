import type { ReactNode } from 'react';
import { Icon } from './icon.tsx';
import './modal.css';

export type NoticeTone = 'success' | 'warning' | 'danger';

/** A titled message inside a dialog: an outcome, a refusal, a warning. Styles live with the modal. */
export function Notice({
  tone,
  title,
  children,
  className,
  role = tone === 'success' ? 'status' : 'alert',
}: {
  tone: NoticeTone;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  role?: 'status' | 'alert';
}) {
  return (
    <div className={`notice notice--${tone}${className ? ` ${className}` : ''}`} role={role}>
      <Icon name={tone === 'success' ? 'check' : 'alert'} />
      <div>
        <p>
          <strong>{title}</strong>
        </p>
        <p>{children}</p>
      </div>
    </div>
  );
}
