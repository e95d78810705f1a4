import { isApiError } from '../../../lib/api-error.ts';

/** What a refused sign-in says to the person; branches on the contract code, never the message. */
export function signInErrorCopy(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Please try again.';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'That email and password don’t match an account. Check both and try again.';
    case 'VALIDATION_FAILED':
      return 'Enter a valid email address and your password.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Wait a minute, then try again.';
    case 'FORBIDDEN':
      return 'Sign-in was refused from this page. Open Roster from its own address.';
    default:
      return error.status === 0 ? error.message : 'Roster could not sign you in right now. Please try again.';
  }
}
