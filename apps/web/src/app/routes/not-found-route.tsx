import { Link } from 'react-router';
import { StatePanel } from '../../components/ui/state-panel.tsx';

export function NotFoundRoute() {
  return (
    <StatePanel
      icon="search"
      title="Page not found"
      as="h1"
      actions={
        <Link className="button button--secondary" to="/">
          Back to Roster
        </Link>
      }
    >
      <p>There is nothing at this address.</p>
    </StatePanel>
  );
}
