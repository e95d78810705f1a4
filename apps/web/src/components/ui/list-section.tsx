import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Icon, type IconName } from './icon.tsx';
import { LoadError } from './load-error.tsx';
import { Spinner } from './spinner.tsx';
import './list-section.css';

interface ListSectionProps<Item> {
  /** The heading's id; the heading names the section. */
  id: string;
  title: string;
  description: ReactNode;
  /** The header's one button, which adds to the list. */
  action: { label: string; onClick: () => void };
  query: UseQueryResult<{ items: Item[] }>;
  /** The list's accessible name, and the words of its other states. */
  copy: { list: string; loading: string; loadError: string };
  empty: { icon: IconName; text: string };
  listClassName: string;
  renderItem: (item: Item) => ReactNode;
  className?: string;
  /** What the section opens (its dialogs). */
  children?: ReactNode;
}

/**
 * A settings section that is a list of things an admin adds and removes (API keys, webhook
 * endpoints, domains): its header with the add button, then the list, its empty state, a load
 * error with a retry, or a spinner while it loads.
 */
export function ListSection<Item>({
  id,
  title,
  description,
  action,
  query,
  copy,
  empty,
  listClassName,
  renderItem,
  className,
  children,
}: ListSectionProps<Item>) {
  return (
    <section className={['settings-section', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <header className="settings-section__header list-section__header">
        <div>
          <h2 id={id}>{title}</h2>
          <p>{description}</p>
        </div>
        <button type="button" className="button button--secondary" onClick={action.onClick}>
          <Icon name="plus" size={14} />
          {action.label}
        </button>
      </header>
      <div className="settings-section__body">
        {query.data ? (
          query.data.items.length > 0 ? (
            <ul className={listClassName} aria-label={copy.list}>
              {query.data.items.map(renderItem)}
            </ul>
          ) : (
            <p className="list-section__empty">
              <Icon name={empty.icon} size={16} />
              {empty.text}
            </p>
          )
        ) : query.isError ? (
          <LoadError title={copy.loadError} onRetry={() => void query.refetch()}>
            The server could not return them just now.
          </LoadError>
        ) : (
          <div className="list-section__loading">
            <Spinner size={16} label={copy.loading} />
          </div>
        )}
      </div>
      {children}
    </section>
  );
}
