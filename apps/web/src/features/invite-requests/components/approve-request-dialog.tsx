import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  OrgRoleSchema,
  WorkspaceRoleSchema,
  orgRoleLabel,
  workspaceRoleLabel,
  type InviteRequest,
  type OrgRole,
  type WorkspaceRole,
} from '@roster/contracts';
import { Select } from '../../../components/ui/select.tsx';
import { Switch } from '../../../components/ui/switch.tsx';
import { requestWorkspacesQueryOptions } from '../api/request-workspaces-query.ts';
import { useApproveRequest } from '../api/use-approve-request.ts';
import { DecisionDialog } from './decision-dialog.tsx';
import { useLatched } from '../../../lib/use-latched.ts';

interface Props {
  orgId: string;
  request: InviteRequest | null;
  onClose: () => void;
}

const orgRoles = OrgRoleSchema.options.map((r) => ({ value: r, label: orgRoleLabel[r] }));

/** Keeps the last request shown while the dialog animates out; remounts the form per request. */
export function ApproveRequestDialog({ orgId, request, onClose }: Props) {
  const current = useLatched(request);
  if (!current) return null;
  return <ApproveForm key={current.id} orgId={orgId} request={current} open={request !== null} onClose={onClose} />;
}

function ApproveForm({
  orgId,
  request,
  open,
  onClose,
}: {
  orgId: string;
  request: InviteRequest;
  open: boolean;
  onClose: () => void;
}) {
  const [role, setRole] = useState<OrgRole>(request.role);
  const [lite, setLite] = useState(request.lite);
  const [grants, setGrants] = useState<Map<string, WorkspaceRole>>(
    () => new Map(request.workspaces.map((w) => [w.id, w.role])),
  );
  const workspaces = useQuery({ ...requestWorkspacesQueryOptions(orgId), enabled: open });
  const approve = useApproveRequest(orgId);
  const wsRoles = (isLite: boolean) =>
    WorkspaceRoleSchema.options.map((r) => ({
      value: r,
      label: workspaceRoleLabel[r],
      ...(isLite && r !== 'VIEWER' ? { disabled: true, hint: 'Lite: viewer at most' } : {}),
    }));

  const setLiteAndClamp = (on: boolean) => {
    setLite(on);
    if (on) {
      if (role === 'ADMIN') setRole('MEMBER');
      setGrants((g) => new Map([...g].map(([id]) => [id, 'VIEWER'])));
    }
  };
  const toggleGrant = (id: string) =>
    setGrants((g) => {
      const next = new Map(g);
      if (next.has(id)) next.delete(id);
      else next.set(id, lite ? 'VIEWER' : 'MEMBER');
      return next;
    });

  const terms = { role, lite, workspaces: [...grants].map(([workspaceId, r]) => ({ workspaceId, role: r })) };

  return (
    <DecisionDialog
      decision="approve"
      request={request}
      open={open}
      onClose={onClose}
      size="lg"
      title={`Approve the invitation for ${request.email}?`}
      description={
        <p>
          {request.requestedBy.name} proposed it. Adjust the terms if needed; approving sends the invitation email at
          once.
        </p>
      }
      confirmLabel="Approve and send"
      pendingLabel="Approving…"
      pending={approve.isPending}
      onDecide={() => approve.mutateAsync({ request, terms })}
      decided={{
        title: `Invitation sent to ${request.email}`,
        description: `${request.requestedBy.name} will see that you approved it.`,
      }}
    >
      {(alreadyDecided) => (
        <fieldset className="approve__fields" disabled={alreadyDecided}>
          <div className="approve__row">
            <div>
              <span className="field__label" id="approve-role-label">
                Organization role
              </span>
              <p className="field__hint">Members may only propose Member or External; you may choose any role.</p>
            </div>
            <Select
              aria-label="Organization role"
              value={role}
              onValueChange={setRole}
              options={orgRoles.map((o) =>
                lite && o.value === 'ADMIN' ? { ...o, disabled: true, hint: 'Not with lite access' } : o,
              )}
            />
          </div>
          <div className="approve__row">
            <div>
              <label className="field__label" htmlFor="approve-lite">
                Lite access
              </label>
              <p className="field__hint" id="approve-lite-hint">
                Sees only the workspaces given here, as a viewer, with no usage or cost data.
              </p>
            </div>
            <Switch
              id="approve-lite"
              checked={lite}
              onCheckedChange={setLiteAndClamp}
              aria-describedby="approve-lite-hint"
            />
          </div>
          <div className="approve__grants">
            <span className="field__label">Workspaces</span>
            {workspaces.isPending ? (
              <p className="field__hint">Loading workspaces…</p>
            ) : (workspaces.data ?? []).length === 0 ? (
              <p className="field__hint">This organization has no workspaces yet.</p>
            ) : (
              <ul className="approve__grant-list">
                {(workspaces.data ?? []).map((ws) => {
                  const granted = grants.get(ws.id);
                  return (
                    <li key={ws.id} className="approve__grant">
                      <label className="approve__grant-name">
                        <input
                          type="checkbox"
                          className="checkbox"
                          checked={granted !== undefined}
                          onChange={() => toggleGrant(ws.id)}
                        />
                        {ws.name}
                      </label>
                      {granted && (
                        <Select
                          aria-label={`Role in ${ws.name}`}
                          value={granted}
                          options={wsRoles(lite)}
                          onValueChange={(r) => setGrants((g) => new Map(g).set(ws.id, r))}
                        />
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </fieldset>
      )}
    </DecisionDialog>
  );
}
