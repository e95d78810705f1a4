import type { QueryClient } from '@tanstack/react-query';
import type { WorkspaceMember } from '@roster/contracts';
import { toast } from '../../../components/ui/toast-store.ts';
import { changeWorkspaceRole } from '../../workspaces/api/use-change-workspace-role.ts';
import { workspacesKeys } from '../../workspaces/api/workspaces-keys.ts';
import { workspaceErrorCopy } from '../../workspaces/utils/workspace-error-copy.ts';

/** A workspace and the person picked to own it before its only owner goes. */
export interface Handover {
  workspace: { id: string; name: string };
  to: WorkspaceMember;
}

/**
 * Makes each picked person owner of their workspace, one versioned change each, before the
 * removal or demotion runs. Resolves false (and says why) when one is refused: the caller then
 * stops, with nobody removed or demoted.
 */
export async function handOverWorkspaces(
  queryClient: QueryClient,
  orgId: string,
  handovers: readonly Handover[],
): Promise<boolean> {
  if (handovers.length === 0) return true;
  try {
    for (const { workspace, to } of handovers) {
      try {
        await changeWorkspaceRole(orgId, workspace.id, to, 'OWNER');
      } catch (error) {
        const { description } = workspaceErrorCopy(error, 'role', to.name, workspace.name);
        toast({
          tone: 'warning',
          title: `${to.name} was not made owner of ${workspace.name}`,
          description: `${description} Nothing else was changed.`,
        });
        return false;
      }
    }
    return true;
  } finally {
    await queryClient.invalidateQueries({ queryKey: workspacesKeys.all });
  }
}
