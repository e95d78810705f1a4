import { useState } from 'react';
import type { MyOrg } from '@roster/contracts';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { formatDate } from '../../../lib/relative-time.ts';
import { useRestoreOrg } from '../api/use-org-lifecycle.ts';
import { orgLifecycleErrorCopy } from '../utils/org-lifecycle-copy.ts';
import './orgs.css';

/**
 * Every page of an org its creator deleted, for the creator (nobody else can reach it): when it
 * goes for good, and the way back. Once restored, /api/me says so and the page it stood in for returns.
 */
export function DeletedOrgPage({ org }: { org: MyOrg }) {
  const restore = useRestoreOrg(org.id);
  const [error, setError] = useState<string>();
  const onRestore = async () => {
    setError(undefined);
    try {
      await restore.mutateAsync();
      toast({ tone: 'success', title: `${org.name} is back`, description: 'Its members can open it again.' });
    } catch (refusal) {
      setError(orgLifecycleErrorCopy(refusal, 'restore', org.name).form);
    }
  };
  const when = org.purgeAfter ? formatDate(org.purgeAfter) : 'soon';
  return (
    <div className="deleted-org-page">
      <StatePanel
        icon="trash"
        tone="danger"
        as="h1"
        title={`${org.name} was deleted`}
        actions={
          <button
            type="button"
            className="button button--primary"
            aria-busy={restore.isPending || undefined}
            disabled={restore.isPending}
            onClick={() => void onRestore()}
          >
            {restore.isPending ? 'Restoring…' : `Restore ${org.name}`}
          </button>
        }
      >
        <p>
          {org.name} is scheduled for deletion on {when}. Nobody else can open it.
        </p>
        <p>
          Restore it before then and everything comes back as it was: members, workspaces, invitations and history.
          After that date it is removed for good.
        </p>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
      </StatePanel>
    </div>
  );
}
