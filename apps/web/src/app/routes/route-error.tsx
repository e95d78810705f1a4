import { useRouteError } from 'react-router';
import { StatePanel } from '../../components/ui/state-panel.tsx';
import { isApiError } from '../../lib/api-error.ts';

/** A loader failed (server down, unexpected answer): say so plainly and offer a retry. */
export function RouteError() {
  const error = useRouteError();
  const unreachable = isApiError(error) && error.status === 0;
  return (
    <main className="route-error">
      <StatePanel
        icon="alert"
        tone="danger"
        as="h1"
        title={unreachable ? 'Roster can’t reach the server' : 'Something went wrong'}
        actions={
          <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
            Reload
          </button>
        }
      >
        <p>
          {unreachable
            ? 'Check your connection; the page will work again once the server answers.'
            : 'An unexpected error stopped this page from loading.'}
        </p>
      </StatePanel>
    </main>
  );
}
