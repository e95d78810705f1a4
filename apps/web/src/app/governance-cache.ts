import type { GovernanceCache } from '../lib/live-governance-cache.ts';
import { inviteRequestsKeys } from '../features/invite-requests/api/invite-requests-keys.ts';
import { settingsKeys } from '../features/settings/api/settings-keys.ts';
import { workspacesKeys } from '../features/workspaces/api/workspaces-keys.ts';

/** Where settings, workspaces and invite requests live in the cache, for the live layer. */
export const governanceCache: GovernanceCache = {
  settingsKey: settingsKeys.org,
  workspacesKey: workspacesKeys.list,
  workspaceMembersKey: workspacesKeys.members,
  inviteRequestsKey: inviteRequestsKeys.list,
  myInviteRequestsKey: inviteRequestsKeys.mine,
};
