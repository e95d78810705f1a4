import type { z } from 'zod';
import type { DeleteAccountRefusalSchema } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

export type BlockingOrg = z.infer<typeof DeleteAccountRefusalSchema>['orgs'][number];

/**
 * The refusal for an account that orgs still need, naming every one of them so the person can
 * fix them all at once; `CREATOR_PROTECTED` when any of them is one they created.
 */
export function deletionRefusal(orgs: BlockingOrg[]): DomainError | null {
  if (orgs.length === 0) return null;
  const created = orgs.filter((o) => o.reason === 'creator').map((o) => o.name);
  const led = orgs.filter((o) => o.reason === 'last_admin').map((o) => o.name);
  const reasons = [
    created.length ? `you created ${created.join(', ')} (hand it on or delete it)` : null,
    led.length ? `you are the last admin of ${led.join(', ')} (make someone else an admin)` : null,
  ].filter(Boolean);
  const code = created.length ? 'CREATOR_PROTECTED' : 'LAST_ADMIN_PROTECTED';
  return new DomainError(code, `Your account cannot be deleted yet: ${reasons.join('; ')}`, { orgs });
}
