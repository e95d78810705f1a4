import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ApiKey } from '@roster/contracts';
import { ListSection } from '../../../components/ui/list-section.tsx';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useTicking } from '../../../lib/clock.ts';
import { formatDate, formatRelative } from '../../../lib/relative-time.ts';
import { apiKeysQueryOptions } from '../api/api-keys-query.ts';
import { CreateApiKeyDialog } from './create-api-key-dialog.tsx';
import { RevokeApiKeyDialog } from './revoke-api-key-dialog.tsx';
import { WebhooksFailingBanner } from './webhooks-failing-banner.tsx';
import { WebhooksSection } from './webhooks-section.tsx';
import '../../settings/components/settings.css';
import './developers.css';

interface Props {
  orgId: string;
  orgName: string;
  isAdmin: boolean;
  /** Only the org's creator may give a key the `admin` scope. */
  isCreator: boolean;
}

/** Admins' API keys (who made each, what it may do, when it was last used, revoking it) and webhooks. */
export function DevelopersPage({ orgId, orgName, isAdmin, isCreator }: Props) {
  const query = useQuery({ ...apiKeysQueryOptions(orgId), enabled: isAdmin });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  if (!isAdmin || isApiError(query.error, 'FORBIDDEN')) {
    return (
      <div className="settings-page settings-page--restricted">
        <StatePanel icon="lock" tone="warning" title="Access restricted" as="h1">
          <p>Only admins of {orgName} can see and manage its API keys and webhooks.</p>
        </StatePanel>
      </div>
    );
  }
  return (
    <div className="settings-page developers-page">
      <header className="settings-page__header">
        <h1>Developers</h1>
        <p>
          API keys let {orgName}’s own programs call Roster as the organization. Send a key as{' '}
          <code>Authorization: Bearer &lt;key&gt;</code>; see the <a href="/api/docs">API reference</a>. Webhooks tell
          your programs what changed as it happens.
        </p>
      </header>
      <WebhooksFailingBanner orgId={orgId} />
      <ListSection
        id="developers-keys"
        title="API keys"
        description="Each key is shown once when it is made. Revoke one that leaked: it stops working at once."
        action={{ label: 'Create API key', onClick: () => setCreating(true) }}
        query={query}
        copy={{ list: 'API keys', loading: 'Loading API keys', loadError: 'Couldn’t load the API keys' }}
        empty={{ icon: 'lock', text: 'No API keys yet.' }}
        listClassName="api-key-list"
        renderItem={(key) => <ApiKeyRow key={key.id} apiKey={key} onRevoke={() => setRevoking(key)} />}
      />
      <WebhooksSection orgId={orgId} />
      <CreateApiKeyDialog orgId={orgId} isCreator={isCreator} open={creating} onOpenChange={setCreating} />
      <RevokeApiKeyDialog orgId={orgId} apiKey={revoking} onDone={() => setRevoking(null)} />
    </div>
  );
}

/** The row's line of facts, in words that move with the clock ("Last used 2 minutes ago"). */
function keyFacts(apiKey: ApiKey, now: number): string {
  const created = `Created by ${apiKey.createdBy.name} ${formatRelative(apiKey.createdAt, now)}`;
  const used = apiKey.lastUsedAt
    ? `Last used ${formatRelative(apiKey.lastUsedAt, now)}${apiKey.lastUsedIp ? ` from ${apiKey.lastUsedIp}` : ''}`
    : 'Never used';
  const expired = apiKey.expiresAt !== null && new Date(apiKey.expiresAt).getTime() <= now;
  const expiry = apiKey.expiresAt
    ? `${expired ? 'Expired' : 'Expires'} ${formatDate(apiKey.expiresAt)}`
    : 'Does not expire';
  return `${created} · ${used} · ${expiry}`;
}

function ApiKeyRow({ apiKey, onRevoke }: { apiKey: ApiKey; onRevoke: () => void }) {
  const facts = useTicking((now) => keyFacts(apiKey, now));
  return (
    <li className="api-key-row">
      <div className="api-key-row__main">
        <span className="api-key-row__name">{apiKey.name}</span>
        <code className="api-key-row__prefix">{apiKey.prefix}_…</code>
        <span className="api-key-row__scopes">{apiKey.scopes.join(', ')}</span>
        <span className="api-key-row__meta">{facts}</span>
      </div>
      <button
        type="button"
        className="button button--ghost button--danger-text"
        onClick={onRevoke}
        aria-label={`Revoke ${apiKey.name}`}
      >
        Revoke
      </button>
    </li>
  );
}
