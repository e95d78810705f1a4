import { AccountEmailSchema, DomainNameSchema } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';
import { domainOfEmail } from './domain-copy.ts';

export interface AddDomainErrors {
  domain?: string;
  verifyEmail?: string;
  /** A refusal no field owns (rights, rate limit, network). */
  form?: string;
}

export interface ErrorCopy {
  title: string;
  description: string;
}

/** A server message as a sentence under a field (the API's messages end without a full stop). */
const sentence = (message: string, otherwise: string) =>
  message ? (/[.!?]$/.test(message) ? message : `${message}.`) : otherwise;

const fallback = (error: unknown) =>
  isApiError(error) && error.status === 0 ? error.message : 'The server could not do that just now. Try again.';

/** The contracts' rules, and that the address is at the domain, said before anything is sent. */
export function addDomainProblems(domain: string, verifyEmail: string): AddDomainErrors {
  const errors: AddDomainErrors = {};
  const parsedDomain = DomainNameSchema.safeParse(domain);
  if (!domain.trim()) errors.domain = 'Enter the domain, like acme.com.';
  else if (!parsedDomain.success)
    errors.domain = parsedDomain.error.issues[0]?.message ?? 'Enter a domain like acme.com';
  if (!verifyEmail.trim()) errors.verifyEmail = 'Enter an address at the domain to send the link to.';
  else if (!AccountEmailSchema.safeParse(verifyEmail).success) errors.verifyEmail = 'Enter a valid email address.';
  else if (parsedDomain.success && domainOfEmail(verifyEmail) !== parsedDomain.data)
    errors.verifyEmail = `The address must be at ${parsedDomain.data}, so its owner proves the domain is yours.`;
  return errors;
}

/** Where the server's refusal of a new domain belongs: under the field it is about, or above the actions. */
export function addDomainErrorCopy(error: unknown): AddDomainErrors {
  if (!isApiError(error)) return { form: 'Something went wrong. Try again.' };
  switch (error.code) {
    // The server's own words name the domain and why; said under the domain field.
    case 'PUBLIC_EMAIL_DOMAIN':
      return { domain: sentence(error.message, 'A public mail domain cannot be added.') };
    case 'DOMAIN_TAKEN':
      return { domain: sentence(error.message, 'This domain is already taken.') };
    case 'VALIDATION_FAILED': {
      const fields = Array.isArray(error.details?.fields)
        ? (error.details.fields as { path?: unknown; message?: unknown }[])
        : [];
      const said = (path: string) => {
        const found = fields.find((f) => f.path === path);
        return typeof found?.message === 'string' ? found.message : undefined;
      };
      const domain = said('domain');
      const verifyEmail = said('verifyEmail');
      if (!domain && !verifyEmail) return { form: sentence(error.message, 'Check the fields.') };
      return { ...(domain ? { domain } : {}), ...(verifyEmail ? { verifyEmail } : {}) };
    }
    case 'FORBIDDEN':
      return { form: 'Only admins can add domains, and you are no longer one here.' };
    case 'RATE_LIMITED':
      return { form: 'Too many domains at once. Wait a moment and try again.' };
    default:
      return { form: fallback(error) };
  }
}

/** A refused enrollment change or removal, as a toast. */
export function domainChangeErrorCopy(error: unknown, domain: string, action: 'update' | 'remove'): ErrorCopy {
  const title = action === 'update' ? `${domain} was not changed` : `${domain} was not removed`;
  if (!isApiError(error)) return { title, description: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'VERSION_CONFLICT':
      return {
        title: `Someone else changed ${domain}`,
        description: 'Another admin changed it while you were choosing. Its current mode is shown; choose again.',
      };
    case 'NOT_FOUND':
      return { title, description: 'Another admin removed it meanwhile.' };
    case 'FORBIDDEN':
      return { title, description: 'Only admins can change domains, and you are no longer one here.' };
    default:
      return { title, description: fallback(error) };
  }
}

/** Why a verification link did not verify. */
export function verifyErrorCopy(error: unknown): ErrorCopy {
  const title = 'The domain was not verified';
  if (!isApiError(error)) return { title, description: 'Something went wrong. Try the link again.' };
  switch (error.code) {
    case 'NOT_FOUND':
    case 'VALIDATION_FAILED':
      return {
        title: 'This link does not work',
        description:
          'It may have expired (links work for 7 days), been copied only in part, or the domain was removed. Ask an admin of the organization to add the domain again.',
      };
    case 'EMAIL_NOT_VERIFIED':
      return {
        title,
        description: 'Confirm your own email address first: follow the link we mailed you, then open this link again.',
      };
    case 'DOMAIN_TAKEN':
      return { title, description: 'Another organization verified this domain first.' };
    case 'ORG_NOT_FOUND':
      return { title, description: 'The organization no longer exists.' };
    default:
      return { title, description: fallback(error) };
  }
}

/** Why a click on "Join" or "Ask to join" did not go through. */
export function joinErrorCopy(error: unknown, orgName: string): ErrorCopy {
  const title = `Could not join ${orgName}`;
  if (!isApiError(error)) return { title, description: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'LIMIT_EXCEEDED':
      return { title, description: `${orgName} has no seats left. Ask one of its admins to make room.` };
    case 'ALREADY_MEMBER':
      return { title: `You are already in ${orgName}`, description: 'Open it from the organization menu.' };
    case 'EMAIL_NOT_VERIFIED':
      return { title, description: 'Confirm your email address first: follow the link we mailed you.' };
    case 'NOT_FOUND':
    case 'FORBIDDEN':
    case 'ORG_NOT_FOUND':
      return { title, description: `${orgName} no longer lets people at your domain join this way.` };
    case 'REQUEST_LIMIT':
    case 'RATE_LIMITED':
      return { title, description: 'You have asked too often just now. Try again later.' };
    default:
      return { title, description: fallback(error) };
  }
}
