import { useQueries } from '@tanstack/react-query';
import { workspaceRoleLabel, type Member, type WorkspaceMember } from '@roster/contracts';
import { Notice } from '../../../components/ui/notice.tsx';
import { Select, type SelectOption } from '../../../components/ui/select.tsx';
import { workspaceMembersQueryOptions } from '../../workspaces/api/workspace-members-query.ts';
import type { Handover } from '../api/hand-over-workspaces.ts';
import './new-owner-picker.css';

const NOBODY = 'nobody';

interface NewOwnerPickerProps {
  orgId: string;
  /** The person leaving (or demoted): never offered as the new owner. */
  leaving: Member;
  workspaces: readonly { id: string; name: string }[];
  handovers: readonly Handover[];
  onChange: (handovers: Handover[]) => void;
}

/**
 * "Platform will have no owner": one choice per workspace among its other members (externals
 * cannot own a workspace), or nobody for now. The caller runs the hand-overs before its change.
 */
export function NewOwnerPicker({ orgId, leaving, workspaces, handovers, onChange }: NewOwnerPickerProps) {
  const lists = useQueries({ queries: workspaces.map((w) => workspaceMembersQueryOptions(orgId, w.id)) });
  const pick = (workspace: { id: string; name: string }, to: WorkspaceMember | undefined) =>
    onChange([...handovers.filter((h) => h.workspace.id !== workspace.id), ...(to ? [{ workspace, to }] : [])]);
  return (
    <div className="new-owner-picker">
      <Notice
        tone="warning"
        role="status"
        title={
          workspaces.length === 1
            ? `${workspaces[0]!.name} will have no owner`
            : `${workspaces.map((w) => w.name).join(', ')} will have no owner`
        }
      >
        Pick a new owner now, or later on the workspace’s page.
      </Notice>
      {workspaces.map((workspace, i) => {
        const list = lists[i];
        const candidates = (list?.data?.items ?? []).filter(
          (m) => m.userId !== leaving.userId && m.orgRole !== 'EXTERNAL',
        );
        const options: SelectOption<string>[] = [
          { value: NOBODY, label: 'Nobody for now' },
          ...candidates.map((m) => ({
            value: m.userId,
            label: m.name,
            hint: `${workspaceRoleLabel[m.role]} in ${workspace.name}`,
          })),
        ];
        const chosen = handovers.find((h) => h.workspace.id === workspace.id)?.to.userId ?? NOBODY;
        return (
          <div className="new-owner-picker__row" key={workspace.id}>
            <span className="new-owner-picker__label">New owner of {workspace.name}</span>
            {list?.isPending ? (
              <span className="new-owner-picker__note">Loading its members…</span>
            ) : candidates.length === 0 ? (
              <span className="new-owner-picker__note">Nobody else can own it yet.</span>
            ) : (
              <Select
                aria-label={`New owner of ${workspace.name}`}
                value={chosen}
                options={options}
                onValueChange={(userId) =>
                  pick(
                    workspace,
                    candidates.find((m) => m.userId === userId),
                  )
                }
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
