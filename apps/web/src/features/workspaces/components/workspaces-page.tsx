import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { workspaceRoleLabel } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useOrgPath } from '../../../lib/org-paths.ts';
import { formatDate } from '../../../lib/relative-time.ts';
import { workspacesQueryOptions } from '../api/workspaces-query.ts';
import { CreateWorkspaceDialog } from './create-workspace-dialog.tsx';
import { WorkspacesSkeleton } from './workspaces-skeleton.tsx';
import './workspaces.css';

interface WorkspacesPageProps {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
}

/** The org's workspaces: all of them for admins, your own for everyone else. */
export function WorkspacesPage({ orgId, orgName, isAdmin }: WorkspacesPageProps) {
  const query = useQuery(workspacesQueryOptions(orgId));
  const [creating, setCreating] = useState(false);
  const orgPath = useOrgPath();
  const items = query.data?.items ?? [];
  if (isApiError(query.error, 'FORBIDDEN')) {
    return (
      <div className="ws-page ws-page--restricted">
        <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1">
          <p>You are no longer a member of {orgName}.</p>
        </StatePanel>
      </div>
    );
  }
  return (
    <div className="ws-page">
      <header className="ws-page__header">
        <div>
          <h1>Workspaces</h1>
          <p>
            {isAdmin
              ? `Every workspace of ${orgName}. As an admin you have full access to all of them.`
              : `The workspaces of ${orgName} you belong to.`}
          </p>
        </div>
        {isAdmin && (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            <Icon name="plus" />
            New workspace
          </button>
        )}
      </header>
      <div className="ws-card">
        {query.isPending ? (
          <WorkspacesSkeleton />
        ) : query.isError ? (
          <LoadError title="Couldn’t load workspaces" onRetry={() => void query.refetch()}>
            The server could not return the list just now.
          </LoadError>
        ) : items.length === 0 ? (
          <StatePanel icon="layers" title={isAdmin ? 'No workspaces yet' : 'You’re not in any workspace yet'}>
            <p>
              {isAdmin
                ? 'Create one to group people around a team or project.'
                : 'An admin or a workspace owner can add you.'}
            </p>
          </StatePanel>
        ) : (
          <table className="ws-table" aria-label="Workspaces">
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col" className="ws-table__num">
                  Members
                </th>
                <th scope="col">Your role</th>
                <th scope="col" className="ws-col--wide">
                  Created
                </th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((ws) => (
                <tr key={ws.id} className="ws-row">
                  <td>
                    <span className="ws-name">
                      <span className="ws-name__icon" aria-hidden="true">
                        {ws.name.slice(0, 1).toUpperCase()}
                      </span>
                      {ws.canManage ? (
                        <Link to={orgPath('workspaces', ws.id)} className="ws-name__link">
                          {ws.name}
                        </Link>
                      ) : (
                        <span className="ws-name__text">{ws.name}</span>
                      )}
                    </span>
                  </td>
                  <td className="ws-table__num">{ws.memberCount}</td>
                  <td>
                    {ws.myRole ? (
                      <Badge tone={ws.myRole === 'OWNER' ? 'accent' : 'neutral'}>{workspaceRoleLabel[ws.myRole]}</Badge>
                    ) : isAdmin ? (
                      <span className="muted">Org admin</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="nowrap muted ws-col--wide">{formatDate(ws.createdAt)}</td>
                  <td className="ws-table__go">{ws.canManage && <Icon name="chevronRight" />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {isAdmin && <CreateWorkspaceDialog orgId={orgId} open={creating} onOpenChange={setCreating} />}
    </div>
  );
}
