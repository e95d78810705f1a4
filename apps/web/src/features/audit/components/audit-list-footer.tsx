import { Spinner } from '../../../components/ui/spinner.tsx';
import './audit-entry.css';

interface FooterProps {
  loaded: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** What the entries are, for the last line: the whole log, or one person's history. */
  whole?: 'log' | 'history';
}

/** Scrolling loads more on its own; the button is the keyboard's way to older entries. */
export function AuditListFooter(props: FooterProps) {
  const { loaded, hasNextPage, isFetchingNextPage, fetchNextPage, whole = 'log' } = props;
  if (loaded === 0) return null;
  return (
    <div className="audit-list-footer">
      {isFetchingNextPage ? (
        <span className="audit-list-footer__loading">
          <Spinner /> Loading older entries…
        </span>
      ) : hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={fetchNextPage}>
          Load older entries ({loaded} shown)
        </button>
      ) : (
        <span>{loaded === 1 ? 'That’s the only entry' : `That’s the whole ${whole}: ${loaded} entries`}</span>
      )}
    </div>
  );
}
