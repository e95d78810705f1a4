import type { OrgAdminsResponse } from '@roster/contracts';

/** How many names the panel spells out before "and N more". */
const NAMED = 3;

/** "Ada Lovelace, Grace Hopper and 2 more": the first few admins, and how many besides. */
export function adminNames({ admins, total }: OrgAdminsResponse): string {
  const named = admins.slice(0, NAMED).map((a) => a.name);
  const more = total - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}
