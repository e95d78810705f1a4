import { PASSWORD_MIN_LENGTH } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { tryAgainIn } from '../../../lib/retry-after.ts';

export type AuthAction = 'sign-in' | 'two-factor' | 'sign-up' | 'resend' | 'forgot' | 'reset';

/** Where a refusal belongs: under the password field, or at the top of the form. */
export interface AuthErrorCopy {
  message: string;
  field?: 'password';
  /** The reset link is spent or unknown: offer a new one. */
  linkExpired?: boolean;
}

const fallback: Record<AuthAction, string> = {
  'sign-in': 'Roster could not sign you in right now. Please try again.',
  'two-factor': 'Roster could not check the code right now. Please try again.',
  'sign-up': 'Roster could not create your account right now. Please try again.',
  resend: 'Roster could not send the link right now. Please try again.',
  forgot: 'Roster could not send the link right now. Please try again.',
  reset: 'Roster could not change your password right now. Please try again.',
};

/** Every auth refusal in words; branches on the contract code, never the message (but see WEAK_PASSWORD). */
export function authErrorCopy(error: unknown, action: AuthAction): AuthErrorCopy {
  if (!isApiError(error)) return { message: 'Something went wrong. Please try again.' };
  switch (error.code) {
    case 'WEAK_PASSWORD':
      // The one message written for people by the server: it says what makes the password weak.
      return { message: error.message, field: 'password' };
    case 'RATE_LIMITED':
      return { message: `Too many attempts. ${tryAgainIn(error.retryAfterSeconds)}` };
    case 'UNAUTHENTICATED':
      return action === 'two-factor'
        ? { message: 'That code didn’t work. Check your app for the current code and try again.' }
        : { message: 'That email and password don’t match an account. Check both and try again.' };
    case 'EMAIL_NOT_VERIFIED':
      return { message: 'Verify your email address first: we sent you a fresh link.' };
    case 'VALIDATION_FAILED':
      if (action === 'reset') return { message: 'This reset link has expired or was already used.', linkExpired: true };
      if (action === 'sign-up')
        return {
          message: `Check your name, a valid email, and a password of at least ${PASSWORD_MIN_LENGTH} characters.`,
        };
      if (action === 'two-factor') return { message: 'Enter the 6-digit code, or a recovery code.' };
      return { message: 'Enter a valid email address.' };
    case 'FORBIDDEN':
      return { message: 'This was refused from this page. Open Roster from its own address.' };
    default:
      return { message: error.status === 0 ? error.message : fallback[action] };
  }
}
