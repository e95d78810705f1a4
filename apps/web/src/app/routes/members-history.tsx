import { lazy, Suspense } from 'react';
import { can, type Member, type MyOrg } from '@roster/contracts';
import { Spinner } from '../../components/ui/spinner.tsx';

// Fetched when someone opens a History tab: the members page's first load does not carry it.
const MemberHistory = lazy(() =>
  import('../../features/audit/components/member-history.tsx').then((m) => ({ default: m.MemberHistory })),
);

/**
 * What the audit log adds to the members page: each person's History in their drawer, for those
 * who may read the log (others get no tab, and the server would refuse them anyway).
 */
export function historySlot(org: MyOrg) {
  if (!can(org.role, 'viewAudit')) return {};
  return {
    memberHistory: (member: Member) => (
      <Suspense
        fallback={
          <div className="member-history-fallback">
            <Spinner size={18} label={`Loading the history of ${member.name}`} />
          </div>
        }
      >
        <MemberHistory key={member.userId} orgId={org.id} userId={member.userId} name={member.name} />
      </Suspense>
    ),
  };
}
