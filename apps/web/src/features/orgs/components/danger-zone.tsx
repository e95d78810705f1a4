import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { MyOrg } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { orgAdminsQueryOptions } from '../../access-requests/api/org-admins-query.ts';
import { orgQueryOptions } from '../api/org-query.ts';
import './orgs.css';

// Opened by few, once: the dialogs load when asked.
const TransferOrgDialog = lazy(async () => ({
  default: (await import('./transfer-org-dialog.tsx')).TransferOrgDialog,
}));
const DeleteOrgDialog = lazy(async () => ({ default: (await import('./delete-org-dialog.tsx')).DeleteOrgDialog }));

interface DangerZoneProps {
  org: MyOrg;
  /** You as the org sees you. */
  viewerId: string;
  /** "Leave organization", composed by the app (its refusals are said by the button itself). */
  leave: ReactNode;
}

/**
 * The end of the settings page: what the viewer may do to the org's life. The creator hands it
 * over or deletes it; everyone else is told who can, and anyone may try to leave.
 */
export function DangerZone({ org, viewerId, leave }: DangerZoneProps) {
  return (
    <section className="settings-section settings-section--danger" aria-labelledby="settings-danger-zone">
      <header className="settings-section__header">
        <h2 id="settings-danger-zone">Danger zone</h2>
        <p>Changes to {org.name} as a whole. Each one asks you to confirm first.</p>
      </header>
      <div className="settings-section__body">
        {org.isCreator ? <CreatorRows org={org} viewerId={viewerId} /> : <CreatorNote org={org} />}
        <DangerRow
          id="danger-leave"
          title="Leave organization"
          description={`Give up your membership of ${org.name} and every workspace in it.`}
          control={leave}
        />
      </div>
    </section>
  );
}

function DangerRow(props: { id: string; title: string; description: ReactNode; control: ReactNode }) {
  return (
    <div className="setting-row danger-row" role="group" aria-labelledby={`${props.id}-title`}>
      <div className="setting-row__text">
        <h3 id={`${props.id}-title`} className="setting-row__label">
          {props.title}
        </h3>
        <p className="setting-row__hint">{props.description}</p>
      </div>
      <div className="setting-row__control danger-row__control">{props.control}</div>
    </div>
  );
}

function CreatorRows({ org, viewerId }: { org: MyOrg; viewerId: string }) {
  const [dialog, setDialog] = useState<'transfer' | 'delete' | null>(null);
  const [asked, setAsked] = useState<Set<'transfer' | 'delete'>>(new Set());
  const admins = useQuery(orgAdminsQueryOptions(org.id));
  const candidates = (admins.data?.admins ?? []).filter((a) => a.userId !== viewerId);
  const open = (which: 'transfer' | 'delete') => {
    setAsked((before) => new Set(before).add(which));
    setDialog(which);
  };
  const noOtherAdmin = admins.isSuccess && candidates.length === 0;
  return (
    <>
      <DangerRow
        id="danger-transfer"
        title="Transfer ownership"
        description={
          noOtherAdmin
            ? `Only an admin can take over, and you are the only one. Make someone an admin of ${org.name} first.`
            : `Make another admin the creator of ${org.name}. You stay an admin; only they can delete it then.`
        }
        control={
          <button
            type="button"
            className="button button--secondary button--danger-text"
            disabled={!admins.isSuccess || noOtherAdmin}
            onClick={() => open('transfer')}
          >
            Transfer ownership
          </button>
        }
      />
      <DangerRow
        id="danger-delete"
        title="Delete organization"
        description={`Closes ${org.name} to everyone at once. You can restore it for a while; then it is gone for good.`}
        control={
          <button type="button" className="button button--danger" onClick={() => open('delete')}>
            <Icon name="trash" />
            Delete organization
          </button>
        }
      />
      <Suspense>
        {asked.has('transfer') && (
          <TransferOrgDialog
            orgId={org.id}
            orgName={org.name}
            candidates={candidates}
            open={dialog === 'transfer'}
            onOpenChange={(next) => setDialog(next ? 'transfer' : null)}
          />
        )}
        {asked.has('delete') && (
          <DeleteOrgDialog
            orgId={org.id}
            orgName={org.name}
            open={dialog === 'delete'}
            onOpenChange={(next) => setDialog(next ? 'delete' : null)}
          />
        )}
      </Suspense>
    </>
  );
}

/** Who the creator is, by name when the org's admins include them, and that only they decide. */
function CreatorNote({ org }: { org: MyOrg }) {
  const detail = useQuery(orgQueryOptions(org.id));
  const admins = useQuery(orgAdminsQueryOptions(org.id));
  const creator = admins.data?.admins.find((a) => a.userId === detail.data?.creatorId)?.name;
  return (
    <p className="danger-note">
      <Icon name="lock" size={14} />
      <span>
        {creator ? (
          <>
            <strong>{creator}</strong> created {org.name}.
          </>
        ) : (
          <>{org.name} has one creator.</>
        )}{' '}
        Only {creator ? 'they' : 'the creator'} can transfer ownership or delete the organization.
      </span>
    </p>
  );
}
