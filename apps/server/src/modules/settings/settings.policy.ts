import type { OrgSettings } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

/**
 * Turning on `requireTwoFactor` would lock out at once the admin who did it, and with them
 * the one page where it can be turned off again: they set up two-factor sign-in first.
 */
export function assertMayRequireTwoFactor(f: {
  before: Pick<OrgSettings, 'requireTwoFactor'>;
  after: Pick<OrgSettings, 'requireTwoFactor'>;
  actorHasTwoFactor: boolean;
}): void {
  if (f.after.requireTwoFactor && !f.before.requireTwoFactor && !f.actorHasTwoFactor) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Turn on two-factor sign-in for your own account before requiring it of everyone',
      { fields: [{ path: 'requireTwoFactor', message: 'Set up two-factor sign-in for yourself first' }] },
    );
  }
}
