import type { Me } from '@roster/contracts';
import { orgPath, orgPathById } from '../../lib/org-paths.ts';

/**
 * Where someone lands after joining through a verified domain (always as a member): the org's
 * welcome page, by its slug once `/api/me` lists it, else by id (the router finds the slug).
 */
export function joinedOrgPath(me: Me | undefined, orgId: string): string {
  const org = me?.organizations.find((o) => o.id === orgId);
  return org ? orgPath(org.slug, 'welcome') : orgPathById(orgId, 'welcome');
}
