import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Workspace, WorkspaceDeletionImpact } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useOrgPath } from '../../../lib/org-paths.ts';
import { deletionImpactQueryOptions } from '../api/deletion-impact-query.ts';
import { useDeleteWorkspace } from '../api/use-delete-workspace.ts';
import { workspaceLifecycleErrorCopy } from '../utils/workspace-lifecycle-copy.ts';

interface Props {
  orgId: string;
  workspace: Workspace;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** How many names the confirmation spells out before "and N more". */
const NAMES_SHOWN = 3;

/** "Mia, Olga and Eve" or "Mia, Olga, Eve and 4 more": who loses access, in one sentence. */
export function losingAccessSentence(people: WorkspaceDeletionImpact['losingAccess']): string {
  const names = people.slice(0, NAMES_SHOWN).map((p) => p.name);
  const rest = people.length - names.length;
  if (rest > 0) return `${names.join(', ')} and ${rest} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Org admins only: names the people who lose access before anything is deleted. */
export function DeleteWorkspaceDialog({ orgId, workspace, open, onOpenChange }: Props) {
  const impact = useQuery({ ...deletionImpactQueryOptions(orgId, workspace.id), enabled: open });
  const remove = useDeleteWorkspace(orgId);
  const navigate = useNavigate();
  const orgPath = useOrgPath();
  const people = impact.data?.losingAccess ?? [];
  const description = impact.isPending ? (
    <p>Checking who has access…</p>
  ) : impact.isError ? (
    <p>Couldn’t check who has access just now. Everyone granted access to {workspace.name} will lose it.</p>
  ) : people.length === 0 ? (
    <p>No one holds a grant on {workspace.name}. Org admins keep access to every other workspace.</p>
  ) : (
    <p>
      {people.length === 1 ? '1 person loses' : `${people.length} people lose`} access to {workspace.name}:{' '}
      {losingAccessSentence(people)}. Their other workspaces and their org membership stay.
    </p>
  );
  // Awaited rather than passed to mutate: the live event of this very deletion can arrive first and
  // unmount this dialog with its page's workspace, and the toast and the way back must still come.
  const onConfirm = async () => {
    try {
      await remove.mutateAsync(impact.data?.workspace ?? workspace);
    } catch (error) {
      onOpenChange(false);
      toast({ tone: 'error', ...workspaceLifecycleErrorCopy(error, 'delete', workspace.name) });
      return;
    }
    onOpenChange(false);
    toast({ tone: 'success', title: `${workspace.name} was deleted` });
    void navigate(orgPath('workspaces'));
  };
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => !remove.isPending && onOpenChange(next)}
      title={`Delete ${workspace.name}?`}
      description={description}
      confirmLabel="Delete workspace"
      onConfirm={() => void onConfirm()}
      pending={remove.isPending || impact.isPending}
    />
  );
}
