import { Spinner } from '../../../components/ui/spinner.tsx';

interface FooterProps {
  loaded: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** Scrolling loads more on its own; the button is the keyboard's way to older entries. */
export function AuditListFooter({ loaded, hasNextPage, isFetchingNextPage, fetchNextPage }: FooterProps) {
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
        <span>{loaded === 1 ? 'That’s the only entry' : `That’s the whole log: ${loaded} entries`}</span>
      )}
    </div>
  );
}
