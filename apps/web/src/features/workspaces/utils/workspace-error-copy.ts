import { LimitExceededDetailsSchema, WorkspaceMemberSchema, type WorkspaceMember } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';

export interface ErrorCopy {
  title: string;
  description: string;
}

/** A name another workspace of the org already has (ADR 19), on create and rename alike. */
export const NAME_TAKEN = 'Another workspace already has that name. Pick a different one.';

export type WorkspaceAction = 'role' | 'remove' | 'add' | 'invite' | 'create';

const titles: Record<WorkspaceAction, (who: string, ws: string) => string> = {
  role: () => 'Workspace role not changed',
  remove: (who, ws) => `${who} is still in ${ws}`,
  add: (_, ws) => `No one was added to ${ws}`,
  invite: (who) => `${who} was not invited`,
  create: () => 'Workspace not created',
};

/** The one table from a workspace refusal's code to what an admin or owner reads. */
export function workspaceErrorCopy(error: unknown, action: WorkspaceAction, who: string, ws: string): ErrorCopy {
  const title = titles[action](who, ws);
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  const description = (() => {
    switch (error.code) {
      case 'LAST_OWNER_PROTECTED':
        return `${ws} must keep at least one owner. Make someone else an owner first.`;
      case 'EXTERNAL_ROLE_LOCKED':
        return `${who} has lite access, so they can be at most a viewer in a workspace.`;
      case 'EXTERNAL_CANNOT_OWN':
        return `${who} is external: externals can be members or viewers of a workspace, never owners.`;
      case 'LIMIT_EXCEEDED': {
        const d = LimitExceededDetailsSchema.safeParse(error.details);
        if (!d.success) return 'The seat cap is reached; no one was added.';
        return `The seat cap is ${d.data.limit} and ${d.data.current} seats are in use, so at most ${d.data.max} more can join. No one was added.`;
      }
      case 'VERSION_CONFLICT': {
        const current = workspaceConflict(error);
        return current
          ? `${current.name} was changed meanwhile and is now ${current.role.toLowerCase()}; your change was not applied.`
          : 'Someone changed this meanwhile; your change was not applied.';
      }
      case 'DUPLICATE_INVITE':
        return `${who} already has a live invitation to this organization.`;
      case 'ALREADY_MEMBER':
        return `${who} is already in the organization: search for them by name instead.`;
      case 'FORBIDDEN':
        return `Only org admins and owners of ${ws} can manage its members.`;
      case 'NOT_FOUND':
        return action === 'create' ? 'The organization was not found.' : `${who} is no longer in ${ws}.`;
      case 'VALIDATION_FAILED':
        return 'Only people already in the organization can be added directly; invite anyone else by email.';
      case 'RATE_LIMITED':
        return 'Too many changes or searches at once. Wait a moment and try again.';
      case 'REQUEST_LIMIT':
        return 'You have as many invitation requests waiting as this organization allows. Wait for an admin to decide some first.';
      default:
        return error.status === 0 ? error.message : 'The server could not apply the change. Please try again.';
    }
  })();
  return { title: error.code === 'VERSION_CONFLICT' ? 'Someone else got there first' : title, description };
}

export function workspaceConflict(error: unknown): WorkspaceMember | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const parsed = WorkspaceMemberSchema.safeParse(error.details?.current);
  return parsed.success ? parsed.data : null;
}
