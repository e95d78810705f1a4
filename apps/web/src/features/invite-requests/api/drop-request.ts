import type { QueryClient } from '@tanstack/react-query';
import { inviteRequestsKeys } from './invite-requests-keys.ts';
import type { RequestPages } from './invite-requests-query.ts';

/** A decided request leaves the admins' list. */
export function dropRequest(queryClient: QueryClient, orgId: string, id: string) {
  queryClient.setQueryData<RequestPages>(inviteRequestsKeys.list(orgId), (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((r) => r.id !== id) })) } : data,
  );
}
