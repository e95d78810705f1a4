import type { AuditEntry } from '@roster/contracts';
import { auditDiff } from './audit-diff.ts';

/** What reverting an entry will do, in words, for the confirmation. */
export function revertPromise(entry: AuditEntry): string[] {
  const who = entry.target.name ?? entry.target.email ?? 'This person';
  switch (entry.action) {
    case 'member.removed':
      return [
        `${who} comes back with the role, lite seat and workspaces they had, where those workspaces still exist.`,
      ];
    case 'invitation.revoked':
      return [
        `A new invitation goes to ${entry.target.email ?? 'the same address'}, with the same role and workspaces.`,
        'The revoked link stays dead.',
      ];
    case 'workspace.member_added':
      return [`${who} leaves the workspace again.`];
    case 'workspace.member_removed':
      return [`${who} gets their place in the workspace back.`];
    default: {
      // The inverse of the change: its after, set back to its before.
      const { lines } = auditDiff(entry.after, entry.before);
      return lines.length ? lines.map((line) => `${line}`) : ['What it changed goes back to how it was.'];
    }
  }
}
