import type { OrgEvent, OrgRole } from '@roster/contracts';
import type { AppliedChange } from './live-member-cache.ts';

/** A row a live event really changed, with who did what to whom: enough to say it in words. */
export interface LiveMemberChange extends AppliedChange {
  actorName: string;
  memberName: string;
  kind: 'role' | 'removed' | 'left' | 'workspaces';
  /** The member's org role after the change. */
  role?: OrgRole;
}

type Explained = Omit<LiveMemberChange, 'userId' | 'actorId'>;

/** What an event did to which member's row, for the event types that change a row in place. */
function explain(event: OrgEvent): [userId: string, Explained] | null {
  const actorName = event.actor.name;
  switch (event.type) {
    case 'member.removed':
    case 'member.left':
      return [
        event.data.userId,
        { actorName, memberName: event.data.name, kind: event.type === 'member.left' ? 'left' : 'removed' },
      ];
    case 'member.role_changed':
      return [
        event.data.member.userId,
        { actorName, memberName: event.data.member.name, kind: 'role', role: event.data.member.role },
      ];
    case 'workspace.member_added':
    case 'workspace.member_role_changed':
    case 'workspace.member_removed':
      return [event.data.member.userId, { actorName, memberName: event.data.member.name, kind: 'workspaces' }];
    default:
      return null;
  }
}

/**
 * Pairs each row a batch changed with the latest event of that batch about it, as the cache
 * applied them (in `seq` order). Rows no event explains are left out.
 */
export function explainMemberChanges(
  orgId: string,
  changes: readonly AppliedChange[],
  events: readonly OrgEvent[],
): LiveMemberChange[] {
  const latest = new Map<string, Explained>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const explained = event.orgId === orgId ? explain(event) : null;
    if (explained) latest.set(...explained);
  }
  return changes.flatMap((change) => {
    const explained = latest.get(change.userId);
    return explained ? [{ ...change, ...explained }] : [];
  });
}
