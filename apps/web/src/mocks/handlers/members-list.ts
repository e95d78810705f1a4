import type { ListMembersResponse, Member, MemberSort, SortOrder } from '@roster/contracts';
import type { z } from 'zod';
import type { ListMembersQuerySchema } from '@roster/contracts';
import type { MockOrg } from '../db.ts';
import { MockRefusal } from '../mock-errors.ts';

type Query = z.output<typeof ListMembersQuerySchema>;

// One collator: `localeCompare` with options builds one per call, which is slow on big orgs.
const collator = new Intl.Collator('en', { sensitivity: 'base' });

const compareBy: Record<MemberSort, (a: Member, b: Member) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  email: (a, b) => collator.compare(a.email, b.email),
  joinedAt: (a, b) => a.joinedAt.localeCompare(b.joinedAt),
  role: (a, b) => a.role.localeCompare(b.role),
};

function sorted(members: Member[], sort: MemberSort, order: SortOrder): Member[] {
  const direction = order === 'asc' ? 1 : -1;
  // Ties break on the id, as the server's keyset does, so pages never repeat or skip a row.
  return [...members].sort((a, b) => direction * (compareBy[sort](a, b) || a.userId.localeCompare(b.userId)));
}

/** The cursor is opaque to clients; here it is simply the offset, encoded. */
const encodeCursor = (offset: number) => btoa(JSON.stringify({ offset }));
function decodeCursor(cursor: string): number {
  try {
    const { offset } = JSON.parse(atob(cursor)) as { offset: unknown };
    if (typeof offset === 'number' && offset >= 0) return offset;
  } catch {
    // refused below
  }
  throw new MockRefusal('INVALID_CURSOR', 'The cursor does not belong to this list; start again from the first page', {
    field: 'cursor',
  });
}

/** Filters, sorts and pages like `GET /api/orgs/:orgId/members`. */
export function listMembersPage(org: MockOrg, query: Query): ListMembersResponse {
  const q = query.q?.toLowerCase();
  const matching = org.members.filter(
    (m) =>
      (!query.role || m.role === query.role) &&
      (!query.twoFactor || m.twoFactorEnabled === (query.twoFactor === 'on')) &&
      (!q || m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q)),
  );
  const offset = query.cursor ? decodeCursor(query.cursor) : 0;
  const items = sorted(matching, query.sort, query.order).slice(offset, offset + query.limit);
  const next = offset + items.length;
  return {
    items,
    nextCursor: next < matching.length ? encodeCursor(next) : null,
    total: matching.length,
    seq: org.seq,
  };
}
