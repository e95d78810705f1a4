import type { ApiOperation } from '../operation.ts';
import { accountOperations } from './account.ts';
import { developerOperations } from './developers.ts';
import { invitationOperations } from './invitations.ts';
import { meOperations } from './me.ts';
import { memberOperations } from './members.ts';
import { orgOperations } from './orgs.ts';
import { orgPageOperations } from './org-pages.ts';
import { serviceOperations } from './service.ts';
import { webhookOperations } from './webhooks.ts';
import { workspaceOperations } from './workspaces.ts';

/** Every operation of the API; a test fails when the app serves a route this does not list. */
export const apiOperations: readonly ApiOperation[] = [
  ...accountOperations,
  ...meOperations,
  ...orgOperations,
  ...memberOperations,
  ...invitationOperations,
  ...workspaceOperations,
  ...webhookOperations,
  ...orgPageOperations,
  ...developerOperations,
  ...serviceOperations,
];
