import { DEFAULT_ORG_DELETE_GRACE_DAYS } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';

export type OrgLifecycleAction = 'transfer' | 'delete' | 'restore';

/** A refusal of a hand-over, deletion or restore: under the typed name when it is about it, else above the actions. */
export interface OrgLifecycleErrors {
  confirm?: string;
  form?: string;
}

/** How long a deleted org waits; the server's setting may differ, the deletion's answer has the date. */
export const GRACE_DAYS = DEFAULT_ORG_DELETE_GRACE_DAYS;

/** Whether what was typed is the org's name, as the server compares it (trimmed, exact). */
export function confirmsName(typed: string, orgName: string): boolean {
  return typed.trim() === orgName;
}

export function orgLifecycleErrorCopy(error: unknown, action: OrgLifecycleAction, orgName: string): OrgLifecycleErrors {
  if (!isApiError(error)) return { form: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'CONFIRMATION_MISMATCH':
      return { confirm: `That is not the organization’s name. Type ${orgName} exactly.` };
    case 'TRANSFER_TARGET_NOT_ADMIN':
      return {
        form: 'That person is no longer an admin of the organization. Make them an admin first, or choose another admin.',
      };
    case 'VERSION_CONFLICT':
      return {
        form: `Someone changed ${orgName} while you were choosing. We loaded the change: check it and try again.`,
      };
    case 'NOT_FOUND':
      return { form: 'That person is no longer a member of the organization. Choose another admin.' };
    case 'FORBIDDEN':
      return { form: `Only the creator of ${orgName} can ${action === 'transfer' ? 'hand it over' : `${action} it`}.` };
    case 'ORG_NOT_FOUND':
      return {
        form:
          action === 'restore'
            ? `${orgName} can no longer be restored: its grace period is over.`
            : `${orgName} no longer exists.`,
      };
    default:
      return { form: error.status === 0 ? error.message : 'The server could not do that just now. Try again.' };
  }
}
