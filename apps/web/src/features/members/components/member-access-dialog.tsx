import { useEffect, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { workspaceRoleLabel, type Member } from '@roster/contracts';
import { Avatar } from '../../../components/ui/avatar.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Icon } from '../../../components/ui/icon.tsx';
import { Modal } from '../../../components/ui/modal.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { memberAccessQueryOptions } from '../api/member-access-query.ts';
import { useAccessDialogStore } from '../stores/access-dialog-store.ts';
import { RoleBadge } from './role-badge.tsx';
import './member-access.css';
import { useLatched } from '../../../lib/use-latched.ts';
import { usePresenceEditing } from '../../../lib/presence/use-presence.ts';

interface MemberAccessDialogProps {
  orgId: string;
  /** Composed by the app for those who may read the audit log: the person's History tab. */
  historyOf?: ((member: Member) => ReactNode) | undefined;
}

/**
 * The member drawer ("View access"): their org role, lite, and every workspace with the role and
 * the reason, from the server; with `historyOf`, a second tab with what they did and what was
 * done to them. On phones it is a full-screen sheet.
 */
export function MemberAccessDialog({ orgId, historyOf }: MemberAccessDialogProps) {
  const target = useAccessDialogStore((s) => s.target);
  usePresenceEditing(target && { kind: 'member', id: target.userId, field: 'access' });
  const close = useAccessDialogStore((s) => s.close);
  const member = useLatched(target);
  // Leaving the page (the History's link to the audit log) must not leave it open for the return.
  useEffect(() => close, [close]);
  if (!member) return null;
  const access = <AccessDetails orgId={orgId} member={member} />;
  return (
    <Modal
      open={target !== null}
      onOpenChange={(open) => !open && close()}
      size="lg"
      title={`Access of ${member.name}`}
      className={historyOf ? 'member-drawer member-drawer--tabs' : 'member-drawer'}
    >
      <div className="access__who">
        <Avatar name={member.name} seed={member.userId} size={36} />
        <div>
          <div className="access__name">{member.name}</div>
          <div className="muted">{member.email}</div>
        </div>
      </div>
      {historyOf ? (
        <Tabs
          label={`About ${member.name}`}
          className="member-drawer__tabs"
          tabs={[
            { id: 'access', label: 'Access', content: access },
            { id: 'history', label: 'History', content: historyOf(member) },
          ]}
        />
      ) : (
        access
      )}
    </Modal>
  );
}

function AccessDetails({ orgId, member }: { orgId: string; member: Member }) {
  const query = useQuery(memberAccessQueryOptions(orgId, member.userId));
  const access = query.data;
  return (
    <div className="access">
      {query.isPending ? (
        <p className="muted access__loading">
          <Spinner /> Loading access…
        </p>
      ) : !access ? (
        <div className="notice notice--danger" role="alert">
          <Icon name="alert" />
          <p>Their access could not be loaded. Try again in a moment.</p>
        </div>
      ) : (
        <>
          <dl className="access__facts">
            <div>
              <dt>Organization role</dt>
              <dd>
                <RoleBadge role={access.orgRole} />
              </dd>
            </div>
            <div>
              <dt>Lite access</dt>
              <dd>{access.lite ? <Badge tone="pending">Lite</Badge> : <span>No</span>}</dd>
            </div>
            <div>
              <dt>Workspaces</dt>
              <dd>
                {access.fullAccess
                  ? 'Full access to every workspace'
                  : `${access.workspaces.filter((w) => w.role).length} of ${access.workspaces.length}`}
              </dd>
            </div>
          </dl>
          <table className="access__table" aria-label="Workspace access">
            <thead>
              <tr>
                <th scope="col">Workspace</th>
                <th scope="col">Role</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {access.workspaces.map((w) => (
                <tr key={w.id} data-none={!w.role && !access.fullAccess ? '' : undefined}>
                  <td className="access__ws">{w.name}</td>
                  <td>
                    {w.role ? (
                      <Badge tone={w.role === 'OWNER' ? 'accent' : 'neutral'}>{workspaceRoleLabel[w.role]}</Badge>
                    ) : access.fullAccess ? (
                      <Badge tone="accent">Admin</Badge>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="access__why">{w.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
