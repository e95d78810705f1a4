import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { OrgRole } from '@roster/contracts';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { settingsQueryOptions } from '../api/settings-query.ts';
import { LeaveOrgButton } from './leave-org-button.tsx';
import { SettingsForm } from './settings-form.tsx';
import './settings.css';

interface SettingsPageProps {
  orgId: string;
  orgName: string;
  viewerRole: OrgRole;
  allowSelfLeave: boolean;
  onLeft: () => void;
  /** Composed by the app: shown inside "Access restricted" (whom to ask, "Request access"). */
  restrictedContent?: ReactNode;
  /** Composed by the app: the org's name and slug, for admins, above its settings. */
  identitySection?: ReactNode;
}

/** Admins' page; anyone else (or an admin demoted while here) sees "Access restricted". */
export function SettingsPage(props: SettingsPageProps) {
  const { orgId, orgName, viewerRole, allowSelfLeave, onLeft, restrictedContent, identitySection } = props;
  const isAdmin = viewerRole === 'ADMIN';
  const query = useQuery({ ...settingsQueryOptions(orgId), enabled: isAdmin });
  const leave = allowSelfLeave && (
    <section className="settings-section settings-section--danger" aria-labelledby="settings-leave">
      <header className="settings-section__header">
        <h2 id="settings-leave">Leave organization</h2>
        <p>Give up your membership of {orgName} and every workspace in it.</p>
      </header>
      <div className="settings-section__body settings-section__body--padded">
        <LeaveOrgButton orgId={orgId} orgName={orgName} onLeft={onLeft} />
      </div>
    </section>
  );
  if (!isAdmin || isApiError(query.error, 'FORBIDDEN')) {
    return (
      <div className="settings-page settings-page--restricted">
        <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1">
          <p>Only admins of {orgName} can see and change its settings.</p>
          {restrictedContent}
        </StatePanel>
        {leave}
      </div>
    );
  }
  return (
    <div className="settings-page">
      <header className="settings-page__header">
        <h1>Organization settings</h1>
        <p>How {orgName} invites people, how many seats it has, and what members may do. Changes apply at once.</p>
      </header>
      {identitySection}
      {query.data ? (
        // Keyed by org only: live changes flow into the form, which decides whether to follow them.
        <SettingsForm orgId={orgId} orgName={orgName} current={query.data} />
      ) : query.isError ? (
        <LoadError title="Couldn’t load the settings" onRetry={() => void query.refetch()}>
          The server could not return them just now.
        </LoadError>
      ) : (
        <div className="settings-loading">
          <Spinner size={18} label="Loading settings" />
        </div>
      )}
      {leave}
    </div>
  );
}
