import { useCallback, useMemo, type ReactNode } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { can, type Member, type MemberSort, type OrgRole, type SortOrder } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { usePhoneLayout } from '../../../lib/breakpoints.ts';
import { membersQueryOptions } from '../api/members-query.ts';
import { useMembersSearchParams } from '../hooks/use-members-search-params.ts';
import { AccessRestricted } from './access-restricted.tsx';
import { BulkBar } from './bulk-bar.tsx';
import { MemberAccessDialog } from './member-access-dialog.tsx';
import { MembersCards } from './members-cards.tsx';
import { MembersListState } from './members-list-state.tsx';
import { MembersTable } from './members-table.tsx';
import { MembersToolbar } from './members-toolbar.tsx';
import { RemoveMemberDialog } from './remove-member-dialog.tsx';
import './members.css';
import { PresenceTitle } from '../../../lib/presence/presence-title.tsx';

interface MembersPageProps {
  orgId: string;
  orgName: string;
  viewerId: string;
  viewerRole: OrgRole;
  /** Composed by the app: shown at the header's right (seat usage, "Add members"), and on "Access restricted". */
  headerActions?: ReactNode;
  /** Composed by the app: the page's section switcher (Members · Requests…), under the header. */
  tabs?: ReactNode;
  /** Composed by the app: another section shown instead of the directory (invitations, requests). */
  section?: ReactNode;
  /** Composed by the app: shown under "Access restricted" (a member's own requests, leaving). */
  restrictedContent?: ReactNode;
  /** Composed by the app for those who may read the audit log: a person's History in their drawer. */
  memberHistory?: ((member: Member) => ReactNode) | undefined;
}

/** The org's directory. Whether you may see it is the server's answer (403 ⇒ "Access restricted"). */
export function MembersPage(props: MembersPageProps) {
  const { orgId, orgName, viewerId, viewerRole, headerActions, tabs, section, restrictedContent, memberHistory } =
    props;
  const [params, update] = useMembersSearchParams();
  const query = useInfiniteQuery(membersQueryOptions(orgId, params));
  const canManage = can(viewerRole, 'manageMembers');
  const view = useMemo(() => ({ orgId, orgName, viewerId, canManage }), [orgId, orgName, viewerId, canManage]);
  const members = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  const totalIsCapped = query.data?.pages[0]?.totalIsCapped ?? false;
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const onSortChange = useCallback((sort: MemberSort, order: SortOrder) => update({ sort, order }), [update]);
  // Phones get cards in the page's scroll; wider screens the virtualized table.
  const List = usePhoneLayout() ? MembersCards : MembersTable;

  if (isApiError(query.error, 'FORBIDDEN'))
    return (
      <AccessRestricted orgName={orgName} role={viewerRole} actions={headerActions}>
        {restrictedContent}
      </AccessRestricted>
    );
  return (
    <div className="members-page">
      <header className={`members-page__header ${headerActions ? 'members-page__header--actions' : ''}`}>
        <div>
          <PresenceTitle>Members</PresenceTitle>
          <p>Everyone in {orgName}, their role and the workspaces they work in.</p>
        </div>
        {headerActions}
      </header>
      {tabs}
      {section ?? (
        <>
          <MembersToolbar params={params} onChange={update} total={total} totalIsCapped={totalIsCapped} />
          {canManage && (
            <BulkBar
              orgId={orgId}
              orgName={orgName}
              params={params}
              total={total}
              totalIsCapped={totalIsCapped}
              members={members}
            />
          )}
          <div className="members-card">
            {members.length > 0 && query.data ? (
              <List
                view={view}
                members={members}
                total={total ?? members.length}
                totalIsCapped={totalIsCapped}
                sort={params.sort}
                order={params.order}
                onSortChange={onSortChange}
                refreshing={query.isPlaceholderData && query.isFetching}
                hasNextPage={query.hasNextPage}
                isFetchingNextPage={query.isFetchingNextPage}
                fetchNextPage={loadMore}
              />
            ) : (
              <MembersListState
                query={query}
                params={params}
                onClearFilters={() => update({ q: undefined, role: undefined, twoFactor: undefined })}
              />
            )}
          </div>
        </>
      )}
      {canManage && <RemoveMemberDialog orgId={orgId} orgName={orgName} />}
      {canManage && <MemberAccessDialog orgId={orgId} historyOf={memberHistory} />}
    </div>
  );
}
