import { WorkspaceSchema, type Workspace } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { NAME_TAKEN, type ErrorCopy } from './workspace-error-copy.ts';

/** What a refused rename or delete tells the person, by the refusal's code. */
export function workspaceLifecycleErrorCopy(error: unknown, action: 'rename' | 'delete', ws: string): ErrorCopy {
  const title = action === 'rename' ? `${ws} was not renamed` : `${ws} was not deleted`;
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  switch (error.code) {
    case 'WORKSPACE_NAME_TAKEN':
      return { title, description: NAME_TAKEN };
    case 'VERSION_CONFLICT': {
      const current = workspaceNow(error);
      return {
        title: 'Someone else got there first',
        description: current
          ? `${ws} was changed meanwhile and is now called ${current.name}. Check it, then try again.`
          : `${ws} was changed meanwhile; your change was not applied.`,
      };
    }
    case 'NOT_FOUND':
      return { title, description: `${ws} no longer exists: someone deleted it.` };
    case 'FORBIDDEN':
      return {
        title,
        description:
          action === 'rename'
            ? `Only org admins and owners of ${ws} can rename it.`
            : 'Only org admins can delete a workspace.',
      };
    case 'VALIDATION_FAILED':
      return { title, description: 'Give the workspace a name of at most 80 characters.' };
    default:
      return {
        title,
        description: error.status === 0 ? error.message : 'The server could not apply the change. Please try again.',
      };
  }
}

/** The workspace as it is now, from a 409's details. */
export function workspaceNow(error: unknown): Workspace | null {
  if (!isApiError(error, 'VERSION_CONFLICT')) return null;
  const parsed = WorkspaceSchema.safeParse(error.details?.current);
  return parsed.success ? parsed.data : null;
}
