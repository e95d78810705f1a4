import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type {
  ListInviteRequestsResponse,
  ListMyInviteRequestsResponse,
  Me,
  MyInviteRequest,
  OrgEvent,
  OrgSettingsResponse,
  PersonalEvent,
  Workspace,
  WorkspaceMember,
} from '@roster/contracts';

/**
 * How the governance features (settings, workspaces, invite requests) key their data, handed in
 * by the app so lib never imports a feature. Every key is per org.
 */
export interface GovernanceCache {
  settingsKey: (orgId: string) => QueryKey;
  workspacesKey: (orgId: string) => QueryKey;
  workspaceMembersKey: (orgId: string, workspaceId: string) => QueryKey;
  inviteRequestsKey: (orgId: string) => QueryKey;
  /** Prefix of the signed-in person's own requests lists (one per org filter). */
  myInviteRequestsKey: QueryKey;
}

interface WorkspacesData {
  items: Workspace[];
  seq: number;
}
interface WorkspaceMembersData {
  workspace: Workspace;
  items: WorkspaceMember[];
  seq: number;
}
type RequestPages = InfiniteData<ListInviteRequestsResponse, string | null>;

type WorkspaceMemberEvent = Extract<OrgEvent, { type: `workspace.member_${string}` }>;

/**
 * Patches what governance events change: settings (and the copy in `/api/me`), workspace lists and
 * member lists, and the admins' pending requests. Versions older than the cache's are ignored;
 * what cannot be placed exactly (a new request's position) is refetched.
 */
export function applyGovernanceEvents(
  queryClient: QueryClient,
  cache: GovernanceCache,
  meKey: QueryKey,
  events: OrgEvent[],
) {
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    switch (event.type) {
      case 'settings.updated':
        writeSettings(queryClient, cache, meKey, event.orgId, event.data);
        break;
      case 'workspace.created':
        queryClient.setQueryData<WorkspacesData>(cache.workspacesKey(event.orgId), (data) =>
          data && !data.items.some((w) => w.id === event.data.workspace.id)
            ? { ...data, items: [...data.items, event.data.workspace].sort((a, b) => a.name.localeCompare(b.name)) }
            : data,
        );
        break;
      case 'workspace.member_added':
      case 'workspace.member_role_changed':
      case 'workspace.member_removed':
        patchWorkspaceMember(queryClient, cache, event);
        break;
      case 'workspace.renamed':
        renameWorkspace(queryClient, cache, event.orgId, event.data);
        break;
      case 'workspace.deleted':
        queryClient.setQueryData<WorkspacesData>(cache.workspacesKey(event.orgId), (data) =>
          data ? { ...data, items: data.items.filter((w) => w.id !== event.data.workspaceId) } : data,
        );
        // Someone on its page refetches and is told "Workspace not found".
        void queryClient.invalidateQueries({
          queryKey: cache.workspaceMembersKey(event.orgId, event.data.workspaceId),
          exact: true,
        });
        break;
      case 'invitation.requested':
        void queryClient.invalidateQueries({ queryKey: cache.inviteRequestsKey(event.orgId) });
        break;
      case 'invite_request.approved':
      case 'invite_request.rejected':
      case 'invitation.revoked':
      case 'invitation.updated':
        dropOrRefreshRequest(queryClient, cache, event.orgId, event.data.invitation.id, event.type);
        break;
      default:
        break;
    }
  }
}

/** Settings are one row: the newer version wins, and `/api/me` carries the same values for the UI's rules. */
export function writeSettings(
  queryClient: QueryClient,
  cache: GovernanceCache,
  meKey: QueryKey,
  orgId: string,
  next: OrgSettingsResponse,
) {
  queryClient.setQueryData<OrgSettingsResponse>(cache.settingsKey(orgId), (current) =>
    current && current.version >= next.version ? current : next,
  );
  queryClient.setQueryData<Me>(meKey, (me) =>
    me
      ? {
          ...me,
          organizations: me.organizations.map((o) => (o.id === orgId ? { ...o, settings: next.settings } : o)),
        }
      : me,
  );
}

/** A rename carries only the shared facts (name, version): each viewer's role and rights stay theirs. */
function renameWorkspace(
  queryClient: QueryClient,
  cache: GovernanceCache,
  orgId: string,
  renamed: { workspaceId: string; name: string; version: number },
) {
  const apply = (w: Workspace): Workspace =>
    w.id === renamed.workspaceId && w.version < renamed.version
      ? { ...w, name: renamed.name, version: renamed.version }
      : w;
  queryClient.setQueryData<WorkspacesData>(cache.workspacesKey(orgId), (data) =>
    data ? { ...data, items: data.items.map(apply).sort((a, b) => a.name.localeCompare(b.name)) } : data,
  );
  queryClient.setQueryData<WorkspaceMembersData>(cache.workspaceMembersKey(orgId, renamed.workspaceId), (data) =>
    data ? { ...data, workspace: apply(data.workspace) } : data,
  );
}

function patchWorkspaceMember(queryClient: QueryClient, cache: GovernanceCache, event: WorkspaceMemberEvent) {
  const { workspaceId, userId, workspaceMember } = event.data;
  let countDelta = 0;
  queryClient.setQueryData<WorkspaceMembersData>(cache.workspaceMembersKey(event.orgId, workspaceId), (data) => {
    if (!data) return data;
    const row = data.items.find((m) => m.userId === userId);
    if (workspaceMember === null) {
      return row ? { ...data, items: data.items.filter((m) => m.userId !== userId) } : data;
    }
    if (!row) return { ...data, items: [...data.items, workspaceMember] };
    if (workspaceMember.version <= row.version) return data;
    return { ...data, items: data.items.map((m) => (m.userId === userId ? workspaceMember : m)) };
  });
  if (event.type === 'workspace.member_added') countDelta = 1;
  if (event.type === 'workspace.member_removed') countDelta = -1;
  if (countDelta === 0) return;
  // Counts cannot be version-checked: the list is small, so ask for it again.
  void queryClient.invalidateQueries({ queryKey: cache.workspacesKey(event.orgId), exact: true });
}

function dropOrRefreshRequest(
  queryClient: QueryClient,
  cache: GovernanceCache,
  orgId: string,
  id: string,
  type: OrgEvent['type'],
) {
  const key = cache.inviteRequestsKey(orgId);
  const data = queryClient.getQueryData<RequestPages>(key);
  if (!data?.pages.some((p) => p.items.some((r) => r.id === id))) return;
  if (type === 'invitation.updated') {
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  queryClient.setQueryData<RequestPages>(key, {
    ...data,
    pages: data.pages.map((p) =>
      p.items.some((r) => r.id === id) ? { ...p, items: p.items.filter((r) => r.id !== id) } : p,
    ),
  });
}

/** A decision on one of your own requests: upsert it into every cached "My requests" list. */
export function applyMyRequestDecided(
  queryClient: QueryClient,
  cache: GovernanceCache,
  event: Extract<PersonalEvent, { type: 'invite_request.decided' }>,
) {
  const request: MyInviteRequest = event.data.request;
  for (const [key, data] of queryClient.getQueriesData<ListMyInviteRequestsResponse>({
    queryKey: cache.myInviteRequestsKey,
  })) {
    if (!data) continue;
    const exists = data.items.some((r) => r.id === request.id);
    queryClient.setQueryData<ListMyInviteRequestsResponse>(key, {
      items: exists ? data.items.map((r) => (r.id === request.id ? request : r)) : [request, ...data.items],
    });
  }
}

/** Everything of one org's governance data, refetched after a sync reset or an access change. */
export function invalidateGovernance(queryClient: QueryClient, cache: GovernanceCache, orgId: string) {
  for (const key of [cache.settingsKey(orgId), cache.workspacesKey(orgId), cache.inviteRequestsKey(orgId)]) {
    void queryClient.invalidateQueries({ queryKey: key });
  }
  // Workspace member lists sit under the workspaces list's prefix only when keyed so: refetch them by predicate.
  void queryClient.invalidateQueries({
    predicate: (q) => {
      const key = q.queryKey;
      const probe = cache.workspaceMembersKey(orgId, '__');
      return key.length === probe.length && probe.every((part, i) => part === '__' || part === key[i]);
    },
  });
}

/** One workspace changed in a way only a refetch tells (its owners hear no details): its page and the list. */
export function invalidateWorkspace(
  queryClient: QueryClient,
  cache: GovernanceCache,
  orgId: string,
  workspaceId: string,
) {
  void queryClient.invalidateQueries({ queryKey: cache.workspaceMembersKey(orgId, workspaceId), exact: true });
  void queryClient.invalidateQueries({ queryKey: cache.workspacesKey(orgId), exact: true });
}

/**
 * Every cached workspace page and list, of any org: after a reconnect, for the owners who are no
 * admins (what they missed has no log to replay; an admin's sync would patch it anyway).
 */
export function invalidateAllWorkspaces(queryClient: QueryClient, cache: GovernanceCache) {
  const probes = [cache.workspacesKey('\0'), cache.workspaceMembersKey('\0', '\0')];
  void queryClient.invalidateQueries({
    predicate: ({ queryKey }) =>
      probes.some(
        (probe) => probe.length === queryKey.length && probe.every((part, i) => part === '\0' || part === queryKey[i]),
      ),
  });
}
