import { useQuery } from '@tanstack/react-query';
import type { SessionInfo } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { formatDate, formatRelative } from '../../../lib/relative-time.ts';
import { sessionsQueryOptions } from '../api/sessions-query.ts';
import { useRevokeOtherSessions, useRevokeSession } from '../api/use-revoke-sessions.ts';
import { accountErrorCopy } from '../utils/account-error-copy.ts';
import { AccountSection } from './account-section.tsx';

/** Every device signed in to the account; any but this one can be signed out from here. */
export function SessionsSection() {
  const query = useQuery(sessionsQueryOptions());
  const revokeOthers = useRevokeOtherSessions();
  const others = query.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <AccountSection
      id="sessions"
      title="Where you’re signed in"
      description="Sign out of a device you don’t recognise, or one you no longer use."
    >
      {query.data ? (
        <>
          <ul className="session-list" aria-label="Signed-in devices">
            {query.data.items.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
          {others > 0 && (
            <div className="account-row account-row--end">
              <button
                type="button"
                className="button button--secondary"
                disabled={revokeOthers.isPending}
                onClick={() =>
                  revokeOthers.mutate(undefined, {
                    onSuccess: ({ revoked }) =>
                      toast({
                        tone: 'success',
                        title:
                          revoked === 1 ? 'Signed out of 1 other session' : `Signed out of ${revoked} other sessions`,
                      }),
                    onError: (error) =>
                      toast({
                        tone: 'error',
                        title: 'Not signed out',
                        description: accountErrorCopy(error, 'sessions').message,
                      }),
                  })
                }
              >
                {revokeOthers.isPending ? 'Signing out…' : 'Sign out of all other sessions'}
              </button>
            </div>
          )}
        </>
      ) : query.isError ? (
        <LoadError title="Couldn’t load your sessions" onRetry={() => void query.refetch()}>
          The server could not list them just now.
        </LoadError>
      ) : (
        <div className="account-loading">
          <Spinner size={16} label="Loading sessions" />
        </div>
      )}
    </AccountSection>
  );
}

function SessionRow({ session }: { session: SessionInfo }) {
  const revoke = useRevokeSession();
  return (
    <li className="session-row">
      <div className="session-row__text">
        <span className="session-row__device">
          {session.device}
          {session.current && <Badge tone="success">This device</Badge>}
        </span>
        <span className="session-row__meta">
          {[
            session.ip,
            `signed in ${formatDate(session.createdAt)}`,
            session.current ? 'active now' : `active ${formatRelative(session.lastActiveAt)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      {!session.current && (
        <button
          type="button"
          className="button button--ghost"
          disabled={revoke.isPending}
          aria-label={`Sign out ${session.device}${session.ip ? ` (${session.ip})` : ''}`}
          onClick={() =>
            revoke.mutate(session.id, {
              onSuccess: () => toast({ tone: 'success', title: `Signed out ${session.device}` }),
              onError: (error) =>
                toast({
                  tone: 'error',
                  title: 'Not signed out',
                  description: accountErrorCopy(error, 'sessions').message,
                }),
            })
          }
        >
          {revoke.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      )}
    </li>
  );
}
