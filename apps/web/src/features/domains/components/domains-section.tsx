import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { OrgDomain } from '@roster/contracts';
import { Icon } from '../../../components/ui/icon.tsx';
import { LoadError } from '../../../components/ui/load-error.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { orgDomainsQueryOptions } from '../api/domains-query.ts';
import { AddDomainDialog } from './add-domain-dialog.tsx';
import { DomainRow } from './domain-row.tsx';
import { RemoveDomainDialog } from './remove-domain-dialog.tsx';
import './domains.css';

/**
 * Admins' mail domains: each is verified by a link mailed to an address there, then lets people
 * with a verified address at it join (or ask to) without an invitation.
 */
export function DomainsSection({ orgId, orgName }: { orgId: string; orgName: string }) {
  const query = useQuery(orgDomainsQueryOptions(orgId));
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<OrgDomain | null>(null);
  return (
    <section className="settings-section domains-section" aria-labelledby="settings-domains">
      <header className="settings-section__header domains-section__header">
        <div>
          <h2 id="settings-domains">Domains</h2>
          <p>People with a verified address at a verified domain can join {orgName} without an invitation.</p>
        </div>
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          <Icon name="plus" size={14} />
          Add domain
        </button>
      </header>
      <div className="settings-section__body">
        {query.data ? (
          query.data.items.length > 0 ? (
            <ul className="domain-list" aria-label="Domains">
              {query.data.items.map((domain) => (
                <DomainRow key={domain.id} orgId={orgId} domain={domain} onRemove={() => setRemoving(domain)} />
              ))}
            </ul>
          ) : (
            <p className="domains-section__empty">
              <Icon name="mail" size={16} />
              No domains yet. Add your company’s mail domain, like acme.com.
            </p>
          )
        ) : query.isError ? (
          <LoadError title="Couldn’t load the domains" onRetry={() => void query.refetch()}>
            The server could not return them just now.
          </LoadError>
        ) : (
          <div className="domains-section__loading">
            <Spinner size={16} label="Loading domains" />
          </div>
        )}
      </div>
      <AddDomainDialog orgId={orgId} open={adding} onOpenChange={setAdding} />
      <RemoveDomainDialog orgId={orgId} domain={removing} onDone={() => setRemoving(null)} />
    </section>
  );
}
