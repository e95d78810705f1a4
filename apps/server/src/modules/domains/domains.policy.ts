import freeEmailDomains from 'free-email-domains';
import { DomainError } from '../../lib/domain-error.ts';

const publicDomains: ReadonlySet<string> = new Set(freeEmailDomains);

/** The domain part of an address, lowercased. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * R21: a domain anyone can get an address at (gmail.com, outlook.com, ...) proves nothing about
 * who works where, so no org may claim it, nor any domain under it.
 */
export function assertNotPublicDomain(domain: string): void {
  const parts = domain.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    if (!publicDomains.has(parts.slice(i).join('.'))) continue;
    throw new DomainError(
      'PUBLIC_EMAIL_DOMAIN',
      `${domain} is a public mail domain: anyone can have an address there`,
      {
        fields: [{ path: 'domain', message: 'Use your organization’s own domain' }],
      },
    );
  }
}

/** The verification link goes to someone at that domain: that is the proof. */
export function assertAddressAtDomain(email: string, domain: string): void {
  if (domainOf(email) === domain) return;
  throw new DomainError('VALIDATION_FAILED', `The verification address must be at ${domain}`, {
    fields: [{ path: 'verifyEmail', message: `Use an address ending in @${domain}` }],
  });
}

export function domainTaken(domain: string, byThisOrg: boolean): DomainError {
  const message = byThisOrg
    ? `${domain} is already one of this organization’s domains`
    : `Another organization has already verified ${domain}`;
  return new DomainError('DOMAIN_TAKEN', message, { fields: [{ path: 'domain', message }] });
}

/** How long a verification link works. */
export const DOMAIN_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;
