const KEY = 'roster.lastOrgId';

/** The org the app opens next time: the one this browser was last in. */
export function rememberLastOrg(orgId: string): void {
  try {
    localStorage.setItem(KEY, orgId);
  } catch {
    // Storage can be off (private mode, quota): the app then opens the first org, as before.
  }
}

export function lastOrgId(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}
