/** Only same-app paths are honoured as `next`, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Where someone lands after joining: the directory for admins, a welcome page for everyone else. */
export function orgLandingPath(orgId: string, role: string): string {
  return role === 'ADMIN' ? `/orgs/${orgId}/members` : `/orgs/${orgId}/welcome`;
}
