import { memo } from 'react';
import type { Member } from '@roster/contracts';
import { formatDate } from '../../../lib/relative-time.ts';
import { useRecentChangesStore } from '../stores/recent-changes-store.ts';
import { BulkRowCheckbox } from './bulk-select-cell.tsx';
import { LastChange } from './last-change.tsx';
import { MemberIdentity } from './member-identity.tsx';
import type { MembersView } from './member-columns.tsx';
import { RoleCell } from './role-cell.tsx';
import { RowActions } from './row-actions.tsx';
import { TwoFactorBadge } from './two-factor-badge.tsx';
import { WorkspaceChips } from './workspace-chips.tsx';

/**
 * One member on a phone: the table row's cells stacked, with the same controls (select for bulk,
 * role, actions). Memoized on the member object, as rows are, so live patches repaint one card.
 */
export const MemberCard = memo(function MemberCard({ member, view }: { member: Member; view: MembersView }) {
  const changedLive = useRecentChangesStore((s) => s.changedAt[member.userId] !== undefined);
  const isYou = member.userId === view.viewerId;
  return (
    <article className={`member-card${changedLive ? ' member-card--changed' : ''}`} aria-label={member.name}>
      <div className="card-list__head">
        {view.canManage && (
          <span className="member-card__select">
            <BulkRowCheckbox member={member} />
          </span>
        )}
        <MemberIdentity member={member} isYou={isYou} />
        {view.canManage && <RowActions member={member} isYou={isYou} />}
      </div>
      <div className="card-list__row">
        <RoleCell orgId={view.orgId} orgName={view.orgName} member={member} isYou={isYou} canManage={view.canManage} />
        <TwoFactorBadge on={member.twoFactorEnabled} labelled />
        <span className="muted member-card__joined">Joined {formatDate(member.joinedAt)}</span>
      </div>
      <WorkspaceChips workspaces={member.workspaces} />
      {member.lastChange && (
        <div className="card-list__meta member-card__change">
          <span>Last change</span>
          <LastChange change={member.lastChange} />
        </div>
      )}
    </article>
  );
});
