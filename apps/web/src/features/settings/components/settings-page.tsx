import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { OrgRole } from '@roster/contracts';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { settingsQueryOptions } from '../api/settings-query.ts';
import { SettingsForm } from './settings-form.tsx';
import './settings.css';
import { PresenceTitle } from '../../../lib/presence/presence-title.tsx';

interface SettingsPageProps {
  orgId: string;
  orgName: string;
  viewerRole: OrgRole;
  /** Composed by the app: shown inside "Access restricted" (whom to ask, "Request access"). */
  restrictedContent?: ReactNode;
  /** Composed by the app: the org's name and slug, for admins, above its settings. */
  identitySection?: ReactNode;
  /** Composed by the app: the org's mail domains, for admins, under its settings. */
  domainsSection?: ReactNode;
  /** Composed by the app: leaving, and for the creator handing over or deleting the org, last. */
  dangerZone?: ReactNode;
}

/** Admins' page; anyone else (or an admin demoted while here) sees "Access restricted". */
export function SettingsPage(props: SettingsPageProps) {
  const { orgId, orgName, viewerRole, restrictedContent, identitySection, domainsSection, dangerZone } = props;
  const isAdmin = viewerRole === 'ADMIN';
  const query = useQuery({ ...settingsQueryOptions(orgId), enabled: isAdmin });
  if (!isAdmin || isApiError(query.error, 'FORBIDDEN')) {
    return (
      <div className="settings-page settings-page--restricted">
        <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1">
          <p>Only admins of {orgName} can see and change its settings.</p>
          {restrictedContent}
        </StatePanel>
        {dangerZone}
      </div>
    );
  }
  return (
    <div className="settings-page">
      <header className="settings-page__header">
        <PresenceTitle>Organization settings</PresenceTitle>
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
      {domainsSection}
      {dangerZone}
    </div>
  );
}
