import type { ReactNode } from 'react';
import { orgRoleLabel, type OrgRole } from '@roster/contracts';
import { StatePanel } from '../../../components/ui/state-panel.tsx';

/** What a member or external sees instead of the directory (R1): a clear answer, never a broken table. */
export function AccessRestricted({
  orgName,
  role,
  actions,
  children,
}: {
  orgName: string;
  role: OrgRole;
  actions?: ReactNode;
  /** Below the panel: what the person can still do here (their own requests, leaving). */
  children?: ReactNode;
}) {
  return (
    <div className="members-page members-page--restricted">
      <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1" actions={actions}>
        <p>
          Only admins of {orgName} can see and manage its members.
          {/* Right after a demotion the role may not be refetched yet; say nothing rather than "admin". */}
          {role !== 'ADMIN' && (
            <>
              {' '}
              You are {role === 'EXTERNAL' ? 'an' : 'a'} <strong>{orgRoleLabel[role].toLowerCase()}</strong> here.
            </>
          )}
        </p>
        <p>If you need someone’s access changed, ask one of the organization’s admins.</p>
      </StatePanel>
      {children}
    </div>
  );
}
