import { sql } from 'kysely';

/**
 * The two-factor rule (`requireTwoFactor`) as SQL, for the reads that decide access in one query
 * (the org guard, socket rooms, batched syncs). They alias the org `o` and the person `u`.
 */

/** The org requires two-factor sign-in. */
export const orgRequiresTwoFactor = sql<boolean>`(o.settings ->> 'requireTwoFactor') = 'true'`;

/** The person may not reach the org for want of two-factor sign-in (false when there is no person). */
export const twoFactorLocked = sql<boolean>`coalesce((o.settings ->> 'requireTwoFactor') = 'true' and not u.two_factor_enabled, false)`;
