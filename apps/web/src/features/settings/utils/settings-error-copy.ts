import { isApiError } from '../../../lib/api-error.ts';

export interface ErrorCopy {
  title: string;
  description: string;
}

/** The one table from a settings or leave refusal's code to what people read. */
export function settingsErrorCopy(error: unknown, action: 'save' | 'leave', orgName: string): ErrorCopy {
  const title = action === 'save' ? 'Settings not saved' : `You are still in ${orgName}`;
  if (!isApiError(error)) return { title, description: 'Something went wrong. Please try again.' };
  switch (error.code) {
    case 'VERSION_CONFLICT':
      return {
        title: 'Someone else changed the settings',
        description: 'They saved again while yours were being merged. Your changes are still in the form: save again.',
      };
    case 'LAST_ADMIN_PROTECTED':
      return { title, description: `You are the last admin of ${orgName}. Make someone else an admin before leaving.` };
    case 'CREATOR_PROTECTED':
      return {
        title,
        description: `You created ${orgName}, and it protects its creator, so you cannot leave it. Transfer ownership to another admin first.`,
      };
    case 'FORBIDDEN':
      return {
        title,
        description:
          action === 'save'
            ? 'Only admins can change the settings, and you are no longer one here.'
            : `${orgName} does not allow people to leave on their own. Ask an admin to remove you.`,
      };
    case 'VALIDATION_FAILED':
      return { title, description: 'One of the values is not valid. Check the highlighted fields.' };
    case 'RATE_LIMITED':
      return { title, description: 'Too many changes at once. Wait a moment and try again.' };
    default:
      return { title, description: error.status === 0 ? error.message : 'The server could not apply the change.' };
  }
}
