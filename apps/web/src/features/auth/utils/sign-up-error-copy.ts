import { isApiError } from '../../../lib/api-error.ts';

/** What a refused sign-up says; an existing address is named as such only because sign-in would tell anyway. */
export function signUpErrorCopy(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'VALIDATION_FAILED':
      return error.details?.reason === 'USER_ALREADY_EXISTS'
        ? 'An account with this email already exists. Sign in instead.'
        : 'Check your name, a valid email, and a password of at least 8 characters.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Wait a minute, then try again.';
    case 'FORBIDDEN':
      return 'Sign-up was refused from this page. Open Roster from its own address.';
    default:
      return error.status === 0 ? error.message : 'Roster could not create your account right now. Please try again.';
  }
}
