import { WorkspaceChangeTypeSchema, type OrgEvent, type PersonalEvent } from '@roster/contracts';

type WorkspaceChanged = Extract<PersonalEvent, { type: 'workspace.changed' }>;

/** The workspaces whose page an org event changes. */
function workspacesOf(event: OrgEvent): string[] {
  switch (event.type) {
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
    case 'workspace.member_removed':
    case 'workspace.renamed':
    case 'workspace.deleted':
      return [event.data.workspaceId];
    case 'member.joined':
      return event.data.member.workspaces.map((w) => w.id);
    case 'member.removed':
    case 'member.left':
      return event.data.workspaceIds ?? [];
    default:
      return [];
  }
}

/**
 * What a workspace's owners who are not org admins hear of an org event: only that their
 * workspace changed, and how, without a seq (they do not follow the org's log) and without
 * anyone's data (their page refetches what they may see). One per workspace the event touches.
 */
export function workspaceOwnersNews(event: OrgEvent): WorkspaceChanged[] {
  const type = WorkspaceChangeTypeSchema.safeParse(event.type);
  if (!type.success) return [];
  return workspacesOf(event).map((workspaceId) => ({
    orgId: event.orgId,
    seq: null,
    at: event.at,
    actor: event.actor,
    type: 'workspace.changed',
    data: { workspaceId, type: type.data },
  }));
}
