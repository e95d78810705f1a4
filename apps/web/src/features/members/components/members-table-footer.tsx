import { Spinner } from '../../../components/ui/spinner.tsx';
import { totalCopy } from '../utils/total-copy.ts';

interface FooterProps {
  loaded: number;
  total: number;
  totalIsCapped?: boolean | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
}

/** Scrolling loads more on its own; the button is the keyboard's way to the next page. */
export function MembersTableFooter(props: FooterProps) {
  const { loaded, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  // Past the count's cap, the last page is where the true number shows.
  const total = props.totalIsCapped && !hasNextPage ? loaded : props.total;
  const capped = props.totalIsCapped && hasNextPage;
  if (loaded === 0) return null;
  return (
    <div className="members-table-footer">
      {isFetchingNextPage ? (
        <span className="members-table-footer__loading">
          <Spinner /> Loading more members…
        </span>
      ) : hasNextPage ? (
        <button type="button" className="button button--ghost" onClick={fetchNextPage}>
          Load more ({loaded} of {totalCopy(total, capped)} shown)
        </button>
      ) : (
        <span>{total === 1 ? 'That’s the only member' : `That’s everyone: all ${total} shown`}</span>
      )}
    </div>
  );
}
