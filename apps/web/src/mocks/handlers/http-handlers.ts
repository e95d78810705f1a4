import { accessRequestsHandlers } from './access-requests-handlers.ts';
import { accountHandlers } from './account-handlers.ts';
import { authHandlers } from './auth-handlers.ts';
import { twoFactorHandlers } from './two-factor-handlers.ts';
import { eventsHandlers } from './events-handlers.ts';
import { invitationsHandlers, invitationWorkspacesFallback } from './invitations-handlers.ts';
import { inviteeHandlers } from './invitee-handlers.ts';
import { inviteRequestsHandlers } from './invite-requests-handlers.ts';
import { membersBulkHandlers } from './members-bulk-handlers.ts';
import { settingsHandlers } from './settings-handlers.ts';
import { workspaceLifecycleHandlers } from './workspace-lifecycle-handlers.ts';
import { workspacesHandlers } from './workspaces-handlers.ts';
import { meHandlers } from './me-handlers.ts';
import { membersHandlers } from './members-handlers.ts';

/** Every HTTP endpoint, for the browser worker and for component tests alike. */
export const httpHandlers = [
  ...authHandlers,
  ...twoFactorHandlers,
  ...meHandlers,
  ...accountHandlers,
  ...membersHandlers,
  ...eventsHandlers,
  ...membersBulkHandlers,
  ...settingsHandlers,
  ...accessRequestsHandlers,
  ...workspacesHandlers,
  ...workspaceLifecycleHandlers,
  // Before the invitations handlers: a member's invitation under `members_request` is a request.
  ...inviteRequestsHandlers,
  ...invitationsHandlers,
  ...inviteeHandlers,
  // Last, so a fuller workspaces handler listed above answers first.
  ...invitationWorkspacesFallback,
];
