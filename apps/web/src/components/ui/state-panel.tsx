import type { ReactNode } from 'react';
import { Icon, type IconName } from './icon.tsx';
import './state-panel.css';

interface StatePanelProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  tone?: 'neutral' | 'warning' | 'danger';
  /** Headline level for the page outline; pages use h1, panels inside a page h2. */
  as?: 'h1' | 'h2';
}

/** The calm full-width message used for empty lists, errors and "Access restricted". */
export function StatePanel({ icon, title, children, actions, tone = 'neutral', as: Heading = 'h2' }: StatePanelProps) {
  return (
    <section className={`state-panel state-panel--${tone}`}>
      <span className="state-panel__icon">
        <Icon name={icon} size={20} />
      </span>
      <Heading className="state-panel__title">{title}</Heading>
      {children && <div className="state-panel__body">{children}</div>}
      {actions && <div className="state-panel__actions">{actions}</div>}
    </section>
  );
}
