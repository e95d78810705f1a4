import type { ReactNode } from 'react';
import { PresenceHint } from '../../../lib/presence/presence-hint.tsx';

/** A titled card of related settings. */
export function SettingsSection({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const id = `settings-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className="settings-section" aria-labelledby={id}>
      <header className="settings-section__header">
        <h2 id={id}>{title}</h2>
        <p>{description}</p>
      </header>
      <div className="settings-section__body">{children}</div>
    </section>
  );
}

interface RowProps {
  id: string;
  label: string;
  description: string;
  control: ReactNode;
  error?: string | undefined;
  /** The control names itself (a select's button): the label is plain text, not a <label>. */
  plainLabel?: boolean;
  children?: ReactNode;
}

/**
 * One setting: label and explanation on the left, its control on the right. `data-setting` names
 * it to the form's focus tracking, so the other admins see who is editing it.
 */
export function SettingRow({ id, label, description, control, error, plainLabel, children }: RowProps) {
  return (
    <div className="setting-row" data-setting={id}>
      <div className="setting-row__text">
        {plainLabel ? (
          <span id={`${id}-label`} className="setting-row__label">
            {label}
          </span>
        ) : (
          <label htmlFor={id} className="setting-row__label">
            {label}
          </label>
        )}
        <p id={`${id}-hint`} className="setting-row__hint">
          {description}
        </p>
        <PresenceHint kind="setting" id={id} labelled />
        {children}
        {error && (
          <p id={`${id}-error`} className="setting-row__error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="setting-row__control">{control}</div>
    </div>
  );
}
