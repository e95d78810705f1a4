import { z } from 'zod';
import { isApiError } from '../../../lib/api-error.ts';

export interface ErrorCopy {
  title: string;
  description: string;
}

/** The invited address, masked ("e…@example.com"), when the server tells it; null otherwise. */
export function maskedRecipient(details: unknown): string | null {
  const parsed = z
    .object({ email: z.string() })
    .or(z.object({ maskedEmail: z.string() }))
    .safeParse(details);
  if (!parsed.success) return null;
  const email = 'email' in parsed.data ? parsed.data.email : parsed.data.maskedEmail;
  const [local = '', domain = ''] = email.split('@');
  return email.includes('…') ? email : `${local.slice(0, 1)}…@${domain}`;
}

/** The one table from a refusal's code to what the invited person reads. */
export function inviteeErrorCopy(error: unknown, orgName = 'the organization'): ErrorCopy {
  if (!isApiError(error)) return { title: 'Something went wrong', description: 'Please try again.' };
  switch (error.code) {
    case 'INVITE_EXPIRED':
      return {
        title: 'This invitation has expired',
        description: `Ask an admin of ${orgName} to send you a new one.`,
      };
    case 'INVITE_REVOKED':
      return {
        title: 'This invitation was withdrawn',
        description: `An admin of ${orgName} revoked it. If that’s a mistake, ask them to invite you again.`,
      };
    case 'INVITE_WRONG_RECIPIENT': {
      const to = maskedRecipient(error.details);
      return {
        title: to ? `This invitation is for ${to}` : 'This invitation is for another email address',
        description: 'Sign in with the address it was sent to, or ask for an invitation to your own address.',
      };
    }
    case 'ALREADY_DECIDED':
      return { title: 'This invitation was already used', description: 'It was accepted or declined before.' };
    case 'LIMIT_EXCEEDED':
      return {
        title: `${orgName} has no free seats`,
        description: 'Its seat limit was lowered since you were invited. Ask an admin to free a seat.',
      };
    case 'NOT_FOUND':
      return {
        title: 'This invitation link doesn’t work',
        description: 'It may be mistyped, or a newer link replaced it. Ask for a new invitation.',
      };
    case 'UNAUTHENTICATED':
      return { title: 'Sign in first', description: 'Your session ended. Sign in and try again.' };
    default:
      return {
        title: 'Something went wrong',
        description: error.status === 0 ? error.message : 'Roster could not do that just now. Please try again.',
      };
  }
}
