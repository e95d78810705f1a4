import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '../../features/auth/api/me-query.ts';
import { VerifyDomainPage } from '../../features/domains/components/verify-domain-page.tsx';
import { orgPath } from '../../lib/org-paths.ts';

/**
 * `/verify-domain?org&domain&token`, signed in (the layout sends anyone signed out to sign-in and
 * back): composes the link's verification (domains) with who is signed in (auth). Whoever reads
 * the mail may not be in the org, so its name and settings are offered only to its members.
 */
export function VerifyDomainRoute() {
  const [search] = useSearchParams();
  const { data: me } = useQuery(meQueryOptions());
  const orgId = search.get('org') ?? '';
  const org = me?.organizations.find((o) => o.id === orgId);
  return (
    <VerifyDomainPage
      orgId={orgId}
      domainId={search.get('domain') ?? ''}
      token={search.get('token') ?? ''}
      orgName={org?.name}
      actions={
        org?.role === 'ADMIN' ? (
          <Link className="button button--primary" to={orgPath(org.slug, 'settings')}>
            Choose who may join
          </Link>
        ) : (
          <Link className="button button--secondary" to="/">
            Continue
          </Link>
        )
      }
    />
  );
}
