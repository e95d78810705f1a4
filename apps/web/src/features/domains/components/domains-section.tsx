import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { OrgDomain } from '@roster/contracts';
import { ListSection } from '../../../components/ui/list-section.tsx';
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
    <ListSection
      id="settings-domains"
      title="Domains"
      description={<>People with a verified address at a verified domain can join {orgName} without an invitation.</>}
      action={{ label: 'Add domain', onClick: () => setAdding(true) }}
      query={query}
      copy={{ list: 'Domains', loading: 'Loading domains', loadError: 'Couldn’t load the domains' }}
      empty={{ icon: 'mail', text: 'No domains yet. Add your company’s mail domain, like acme.com.' }}
      listClassName="domain-list"
      renderItem={(domain) => (
        <DomainRow key={domain.id} orgId={orgId} domain={domain} onRemove={() => setRemoving(domain)} />
      )}
    >
      <AddDomainDialog orgId={orgId} open={adding} onOpenChange={setAdding} />
      <RemoveDomainDialog orgId={orgId} domain={removing} onDone={() => setRemoving(null)} />
    </ListSection>
  );
}
