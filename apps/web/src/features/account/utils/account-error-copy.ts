import { DeleteAccountRefusalSchema } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { tryAgainIn } from '../../../lib/retry-after.ts';

export type AccountAction = 'profile' | 'email' | 'password' | 'sessions' | 'two-factor' | 'two-factor-code' | 'delete';

/** A refusal in words, and the field it belongs under when it is about one. */
export interface AccountErrorCopy {
  message: string;
  field?: 'password' | 'currentPassword' | 'code';
}

const fallback: Record<AccountAction, string> = {
  profile: 'Your name could not be saved. Please try again.',
  email: 'The link could not be sent. Please try again.',
  password: 'Your password could not be changed. Please try again.',
  sessions: 'That device could not be signed out. Please try again.',
  'two-factor': 'Two-factor sign-in could not be changed. Please try again.',
  'two-factor-code': 'The code could not be checked. Please try again.',
  delete: 'Your account could not be deleted. Please try again.',
};

/** Branches on the contract code, never the message (WEAK_PASSWORD's message is written for people). */
export function accountErrorCopy(error: unknown, action: AccountAction): AccountErrorCopy {
  if (!isApiError(error)) return { message: 'Something went wrong. Please try again.' };
  const wrongPassword = () =>
    action === 'password'
      ? { message: 'That isn’t your current password.', field: 'currentPassword' as const }
      : { message: 'That password isn’t right.', field: 'password' as const };
  switch (error.code) {
    case 'WEAK_PASSWORD':
      return { message: error.message, field: 'password' };
    case 'UNAUTHENTICATED':
      if (action === 'two-factor-code')
        return { message: 'That code didn’t work. Enter the current code from your app.', field: 'code' };
      return wrongPassword();
    // The server refuses a wrong password typed while signed in (delete account) as FORBIDDEN.
    case 'FORBIDDEN':
      return error.details?.reason === 'INVALID_PASSWORD' ? wrongPassword() : { message: fallback[action] };
    case 'VALIDATION_FAILED':
      if (error.details?.reason === 'INVALID_PASSWORD') return wrongPassword();
      if (action === 'email') return { message: 'Enter a valid email address.' };
      if (action === 'profile') return { message: 'Enter a name of 1 to 100 characters.' };
      if (action === 'two-factor-code') return { message: 'Enter the 6-digit code from your app.', field: 'code' };
      return { message: fallback[action] };
    case 'VERSION_CONFLICT':
      return {
        message:
          'Your account was changed somewhere else (another tab or device). We loaded the current name; make your change again.',
      };
    case 'RATE_LIMITED':
      return { message: `Too many attempts. ${tryAgainIn(error.retryAfterSeconds)}` };
    case 'NOT_FOUND':
      return { message: 'That device was already signed out.' };
    default:
      return { message: error.status === 0 ? error.message : fallback[action] };
  }
}

export interface BlockingOrg {
  id: string;
  name: string;
  reason: 'creator' | 'last_admin';
}

/** The orgs that still need you, from a refused deletion (CREATOR_PROTECTED / LAST_ADMIN_PROTECTED). */
export function deleteRefusal(error: unknown): BlockingOrg[] | null {
  if (!isApiError(error, 'CREATOR_PROTECTED') && !isApiError(error, 'LAST_ADMIN_PROTECTED')) return null;
  const parsed = DeleteAccountRefusalSchema.safeParse(error.details);
  return parsed.success ? parsed.data.orgs : [];
}

export const blockingOrgAdvice: Record<BlockingOrg['reason'], string> = {
  creator: 'You created it. Hand the creator role to another admin, or delete the organization.',
  last_admin: 'You’re its only admin. Make someone else an admin first.',
};
