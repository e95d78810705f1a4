import { orgRoleLabel } from '@roster/contracts';
import type { LiveMemberChange } from './explain-member-changes.ts';

/** Live changes within this long of the first one are told in one announcement. */
export const ANNOUNCE_WINDOW_MS = 1_000;

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One change in a sentence: "Grace Hopper changed Linus Torvalds's role to Admin". */
function describeOne(change: LiveMemberChange): string {
  const { actorName, memberName } = change;
  switch (change.kind) {
    case 'role':
      return change.role
        ? `${actorName} changed ${memberName}'s role to ${orgRoleLabel[change.role]}`
        : `${actorName} changed ${memberName}'s role`;
    case 'removed':
      return `${actorName} removed ${memberName}`;
    case 'left':
      return `${memberName} left`;
    case 'workspaces':
      return `${actorName} changed ${memberName}'s workspaces`;
  }
}

const kindPhrases: Record<LiveMemberChange['kind'], [one: string, many: string]> = {
  role: ['role changed', 'roles changed'],
  removed: ['member removed', 'members removed'],
  left: ['member left', 'members left'],
  workspaces: ["member's workspaces changed", "members' workspaces changed"],
};

/**
 * A burst of changes in one short sentence, one change per member (their latest): the change
 * itself when alone, counts by kind for two kinds at most, else only how many members changed.
 */
export function describeMemberChanges(changes: readonly LiveMemberChange[]): string {
  const latest = [...new Map(changes.map((c) => [c.userId, c])).values()];
  if (latest.length === 0) return '';
  if (latest.length === 1) return describeOne(latest[0]!);
  const byKind = new Map<LiveMemberChange['kind'], number>();
  for (const c of latest) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  if (byKind.size > 2) return counted(latest.length, 'member changed', 'members changed');
  // Listed in a fixed order, so the same burst always reads the same.
  return (Object.keys(kindPhrases) as LiveMemberChange['kind'][])
    .filter((kind) => byKind.has(kind))
    .map((kind) => counted(byKind.get(kind)!, ...kindPhrases[kind]))
    .join(', ');
}

/**
 * Collects live changes and announces them once per window: the first change opens a window,
 * everything that arrives before it ends is told together. Screen readers hear one sentence
 * per burst instead of a queue of them.
 */
export function createAnnouncementBatcher(announce: (text: string) => void, windowMs = ANNOUNCE_WINDOW_MS) {
  let pending: LiveMemberChange[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const text = describeMemberChanges(pending);
    pending = [];
    if (text) announce(text);
  };
  return {
    push(changes: readonly LiveMemberChange[]) {
      if (changes.length === 0) return;
      pending.push(...changes);
      timer ??= setTimeout(flush, windowMs);
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      pending = [];
    },
  };
}
