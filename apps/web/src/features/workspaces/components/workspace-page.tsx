import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useOrgPath } from '../../../lib/org-paths.ts';
import { workspaceMembersQueryOptions } from '../api/workspace-members-query.ts';
import { AddUsersDialog } from './add-users-dialog.tsx';
import { DeleteWorkspaceDialog } from './delete-workspace-dialog.tsx';
import { RenameWorkspaceDialog } from './rename-workspace-dialog.tsx';
import { WorkspaceMembersTable } from './workspace-members-table.tsx';
import { WorkspacesSkeleton } from './workspaces-skeleton.tsx';
import './workspaces.css';
import { PresenceTitle } from '../../../lib/presence/presence-title.tsx';

interface WorkspacePageProps {
  orgId: string;
  orgName: string;
  workspaceId: string;
  viewerId: string;
  /** Org admins may delete the workspace; its owners only rename it. */
  isAdmin?: boolean;
  /** Composed by the app: shown inside "Access restricted" (whom to ask, "Request access"). */
  restrictedContent?: ReactNode;
}

/** One workspace's members, for org admins and its owners (R2); everyone else is told why not. */
export function WorkspacePage(props: WorkspacePageProps) {
  const { orgId, orgName, workspaceId, viewerId, isAdmin = false, restrictedContent } = props;
  const query = useQuery(workspaceMembersQueryOptions(orgId, workspaceId));
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const orgPath = useOrgPath();
  const back = (
    <Link to={orgPath('workspaces')} className="ws-back">
      <Icon name="arrowLeft" size={14} />
      Workspaces
    </Link>
  );
  if (isApiError(query.error, 'FORBIDDEN') || isApiError(query.error, 'NOT_FOUND')) {
    const missing = isApiError(query.error, 'NOT_FOUND');
    return (
      <div className="ws-page ws-page--restricted">
        <StatePanel
          icon={missing ? 'search' : 'lock'}
          tone={missing ? 'neutral' : 'warning'}
          title={missing ? 'Workspace not found' : 'Access restricted'}
          as="h1"
          actions={
            <Link className="button button--secondary" to={orgPath('workspaces')}>
              All workspaces
            </Link>
          }
        >
          <p>
            {missing
              ? `It may have been deleted, or it belongs to another organization than ${orgName}.`
              : `Only admins of ${orgName} and owners of this workspace can manage its members.`}
          </p>
          {!missing && restrictedContent}
        </StatePanel>
      </div>
    );
  }
  const workspace = query.data?.workspace;
  const items = query.data?.items ?? [];
  return (
    <div className="ws-page">
      {back}
      <header className="ws-page__header">
        <div>
          <PresenceTitle>{workspace?.name ?? 'Workspace'}</PresenceTitle>
          <p>
            {workspace
              ? `${items.length} ${items.length === 1 ? 'member' : 'members'} · org admins have full access whatever their role here.`
              : 'Loading…'}
          </p>
        </div>
        <div className="ws-page__actions">
          {workspace?.canManage && (
            <button type="button" className="button button--secondary" onClick={() => setRenaming(true)}>
              Rename
            </button>
          )}
          {workspace && isAdmin && (
            <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
              Delete workspace
            </button>
          )}
          <button
            type="button"
            className="button button--primary"
            onClick={() => setAdding(true)}
            disabled={!workspace}
          >
            <Icon name="userPlus" />
            Add users
          </button>
        </div>
      </header>
      <div className="ws-card">
        {query.isPending ? (
          <WorkspacesSkeleton />
        ) : query.isError ? (
          <LoadError title="Couldn’t load this workspace" onRetry={() => void query.refetch()}>
            The server could not return its members just now.
          </LoadError>
        ) : items.length === 0 ? (
          <StatePanel icon="users" title="No one is in this workspace yet">
            <p>Add people from the organization, or invite someone by email.</p>
          </StatePanel>
        ) : (
          <WorkspaceMembersTable
            orgId={orgId}
            workspaceId={workspaceId}
            workspaceName={workspace?.name ?? ''}
            members={items}
            viewerId={viewerId}
          />
        )}
      </div>
      {workspace && (
        <RenameWorkspaceDialog
          key={`${workspace.id}:${workspace.version}`}
          orgId={orgId}
          workspace={workspace}
          open={renaming}
          onOpenChange={setRenaming}
        />
      )}
      {workspace && isAdmin && (
        <DeleteWorkspaceDialog orgId={orgId} workspace={workspace} open={deleting} onOpenChange={setDeleting} />
      )}
      {workspace && (
        <AddUsersDialog
          orgId={orgId}
          orgName={orgName}
          workspace={workspace}
          memberIds={new Set(items.map((m) => m.userId))}
          open={adding}
          onOpenChange={setAdding}
        />
      )}
    </div>
  );
}
