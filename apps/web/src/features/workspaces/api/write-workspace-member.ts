import type { QueryClient } from '@tanstack/react-query';
import type { ListWorkspaceMembersResponseSchema, WorkspaceMember } from '@roster/contracts';
import type { z } from 'zod';
import { workspacesKeys } from './workspaces-keys.ts';

type Data = z.infer<typeof ListWorkspaceMembersResponseSchema>;

/** Puts one row (or its removal) into the cached workspace list; an older version never wins. */
export function writeWorkspaceMember(
  queryClient: QueryClient,
  orgId: string,
  workspaceId: string,
  userId: string,
  next: WorkspaceMember | null,
) {
  queryClient.setQueryData<Data>(workspacesKeys.members(orgId, workspaceId), (data) => {
    if (!data) return data;
    const row = data.items.find((m) => m.userId === userId);
    if (next === null) return { ...data, items: data.items.filter((m) => m.userId !== userId) };
    if (!row) return { ...data, items: [...data.items, next] };
    if (row.version > next.version) return data;
    return { ...data, items: data.items.map((m) => (m.userId === userId ? next : m)) };
  });
}
