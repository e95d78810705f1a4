import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Icon } from '../../../components/ui/icon.tsx';
import { devMailboxQueryOptions } from '../api/dev-mailbox-query.ts';

/** A link to `/dev/mailbox`, shown only when the server has one (no SMTP configured). */
export function DevMailboxLink({ variant = 'icon' }: { variant?: 'icon' | 'text' }) {
  const { data } = useQuery(devMailboxQueryOptions());
  if (!data) return null;
  if (variant === 'text') {
    return (
      <Link to="/dev/mailbox" className="dev-mailbox-link">
        <Icon name="mail" size={14} />
        Dev mailbox: read the mail Roster sent
      </Link>
    );
  }
  return (
    <Link to="/dev/mailbox" className="icon-button" aria-label="Dev mailbox" title="Dev mailbox">
      <Icon name="mail" />
    </Link>
  );
}
