import { Spinner } from '../../../components/ui/spinner.tsx';

interface FooterProps {
  loaded: number;
  total: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** Scrolling loads more on its own; the button is the keyboard's way to the next page. */
export function MembersTableFooter({ loaded, total, hasNextPage, isFetchingNextPage, fetchNextPage }: FooterProps) {
  if (loaded === 0) return null;
  return (
    <div className="members-table-footer">
      {isFetchingNextPage ? (
        <span className="members-table-footer__loading">
          <Spinner /> Loading more members…
        </span>
      ) : hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={fetchNextPage}>
          Load more ({loaded} of {total} shown)
        </button>
      ) : (
        <span>{total === 1 ? 'That’s the only member' : `That’s everyone: all ${total} shown`}</span>
      )}
    </div>
  );
}
