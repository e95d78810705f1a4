import { db, findOrg, findPerson, roleIn, type MockOrg } from '../db.ts';
import { MockRefusal } from '../mock-errors.ts';

/** The signed-in person, or the same 401 the server answers. */
export function requireSession() {
  const person = findPerson(db.sessionUserId);
  if (!person) throw new MockRefusal('UNAUTHENTICATED', 'Sign in to continue');
  return person;
}

/** The org, if the signed-in person is an admin of it (R1); 403 otherwise, as on the server. */
export function requireAdminOf(orgId: string | readonly string[] | undefined): { org: MockOrg; actorId: string } {
  const person = requireSession();
  const org = findOrg(String(orgId));
  const role = org ? roleIn(org, person.id) : null;
  if (!org || role === null) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
  if (org.settings.requireTwoFactor && !person.twoFactorEnabled)
    throw new MockRefusal('TWO_FACTOR_REQUIRED', 'This organization requires two-factor sign-in');
  if (role !== 'ADMIN') throw new MockRefusal('FORBIDDEN', 'Only admins can manage members');
  return { org, actorId: person.id };
}
