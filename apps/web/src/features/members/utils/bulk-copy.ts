import type { BulkRowResult } from '@roster/contracts';

/** Why a row was (or will be) refused, in a few words; keyed by the contract's code. */
export function bulkReason(code: string | undefined): string {
  switch (code) {
    case 'LAST_ADMIN_PROTECTED':
      return 'The organization must keep at least one admin';
    case 'SELF_REMOVAL':
      return 'You can’t remove yourself';
    case 'SELF_ROLE_CHANGE':
      return 'You can’t change your own role';
    case 'CREATOR_PROTECTED':
      return 'Created the organization, which protects its creator';
    case 'EXTERNAL_ROLE_LOCKED':
      return 'Has lite access: clear it before making them an admin';
    case 'VERSION_CONFLICT':
      return 'Changed by someone else meanwhile; not applied';
    case 'NOT_FOUND':
      return 'No longer a member';
    case 'FORBIDDEN':
      return 'You are no longer an admin here';
    default:
      return 'Something went wrong on the server';
  }
}

export const statusLabel: Record<BulkRowResult['status'], string> = {
  ok: 'Done',
  conflict: 'Conflict',
  protected: 'Protected',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  failed: 'Failed',
};

/** "10 done · 1 conflict · 1 protected". */
export function bulkSummary(rows: BulkRowResult[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return (Object.keys(statusLabel) as BulkRowResult['status'][])
    .filter((status) => counts.has(status))
    .map((status) => `${counts.get(status)} ${statusLabel[status].toLowerCase()}`)
    .join(' · ');
}
