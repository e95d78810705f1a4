import type { ReactNode } from 'react';

/** One titled card of the account page; `id` is its anchor (`/account#two-factor`). */
export function AccountSection({
  id,
  title,
  description,
  children,
  tone = 'default',
}: {
  id: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
}) {
  return (
    <section id={id} className={`account-section account-section--${tone}`} aria-labelledby={`${id}-title`}>
      <header className="account-section__header">
        <h2 id={`${id}-title`} tabIndex={-1}>
          {title}
        </h2>
        <p>{description}</p>
      </header>
      <div className="account-section__body">{children}</div>
    </section>
  );
}
