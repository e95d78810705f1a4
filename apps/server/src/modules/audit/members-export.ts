import type { Member, MemberExportRow } from '@roster/contracts';
import type { Db } from '../../db/connect.ts';
import { listMembers } from '../members/members.repository.ts';
import { readAhead } from './read-ahead.ts';

const EXPORT_PAGE = 1000;

/** Every member of the org by email, a page at a time (authorize first), the next read while one is sent. */
export async function* memberPages(db: Db, orgId: string): AsyncGenerator<Member[]> {
  const read = (cursor?: string) => () =>
    listMembers(db, orgId, { sort: 'email', order: 'asc', limit: EXPORT_PAGE, cursor });
  const pages = readAhead(read(), (page) => (page.nextCursor ? read(page.nextCursor) : null));
  for await (const page of pages) if (page.items.length > 0) yield page.items;
}

/** A member as the export writes them. Activity is not tracked per org, so `lastActiveAt` is null. */
export function memberExportRow(member: Member): MemberExportRow {
  return {
    email: member.email,
    name: member.name,
    role: member.role,
    lite: member.lite,
    workspaces: member.workspaces.map((w) => `${w.name}:${w.role}`).join(';'),
    joinedAt: member.joinedAt,
    lastActiveAt: null,
    twoFactor: member.twoFactorEnabled,
  };
}
