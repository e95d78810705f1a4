import type { OrgEvent, PersonalEvent } from '@roster/contracts';

type WorkspaceChanged = Extract<PersonalEvent, { type: 'workspace.changed' }>;

/**
 * What a workspace's owners who are not org admins hear of an org event: only that their
 * workspace changed, and how, without a seq (they do not follow the org's log) and without
 * anyone's data (their page refetches what they may see). Null for events of no one workspace.
 */
export function workspaceOwnersNews(event: OrgEvent): WorkspaceChanged | null {
  switch (event.type) {
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
    case 'workspace.member_removed':
    case 'workspace.renamed':
    case 'workspace.deleted':
      return {
        orgId: event.orgId,
        seq: null,
        at: event.at,
        actor: event.actor,
        type: 'workspace.changed',
        data: { workspaceId: event.data.workspaceId, type: event.type },
      };
    default:
      return null;
  }
}
