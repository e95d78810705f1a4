import { orgPathById } from '../../lib/org-paths.ts';

/** Only same-app paths are honoured as `next`, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where someone lands after joining: the directory for admins, a welcome page for everyone else. */
export function orgLandingPath(orgId: string, role: string): string {
  return orgPathById(orgId, role === 'ADMIN' ? 'members' : 'welcome');
}

/** Where a verification link lands once followed: `/verified`, carrying `next` when there is one. */
export function verifiedCallbackURL(next: string | null | undefined): string {
  return next && safeNext(next) === next ? `/verified?next=${encodeURIComponent(next)}` : '/verified';
}

/** `/check-inbox` for an address, keeping `next` for after the link. */
export function checkInboxPath(email: string, next: string | null, reason?: 'unverified'): string {
  const search = new URLSearchParams({ email });
  if (next) search.set('next', next);
  if (reason) search.set('reason', reason);
  return `/check-inbox?${search}`;
}
