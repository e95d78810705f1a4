import type { DomainEnrollment, OrgDomain } from '@roster/contracts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useUpdateDomain } from '../api/use-update-domain.ts';
import { enrollmentLabel, enrollmentOptions } from '../utils/domain-copy.ts';
import { domainChangeErrorCopy } from '../utils/domain-error-copy.ts';

interface DomainRowProps {
  orgId: string;
  domain: OrgDomain;
  onRemove: () => void;
}

/** One domain: its status, and once verified who may join through it. */
export function DomainRow({ orgId, domain, onRemove }: DomainRowProps) {
  const update = useUpdateDomain(orgId);
  const verified = domain.status === 'verified';
  const onEnrollment = (enrollment: DomainEnrollment) => {
    if (enrollment === domain.enrollment) return;
    update.mutate(
      { domain, enrollment },
      {
        onSuccess: () =>
          toast({ tone: 'success', title: `${domain.domain}: ${enrollmentLabel[enrollment]}`, duration: 3000 }),
        onError: (error) => toast({ tone: 'error', ...domainChangeErrorCopy(error, domain.domain, 'update') }),
      },
    );
  };
  return (
    <li className="domain-row">
      <div className="domain-row__text">
        <span className="domain-row__name">
          {domain.domain}
          {verified ? <Badge tone="success">Verified</Badge> : <Badge tone="pending">Pending verification</Badge>}
        </span>
        <span className="domain-row__hint">
          {verified
            ? 'People with a verified address here may join as members, as the mode says.'
            : `Waiting for the link mailed to ${domain.verifyEmail} to be opened.`}
        </span>
      </div>
      <div className="domain-row__controls">
        {verified && (
          <Select
            aria-label={`Who may join through ${domain.domain}`}
            value={domain.enrollment}
            options={enrollmentOptions}
            onValueChange={onEnrollment}
            disabled={update.isPending}
            renderValue={(value) => enrollmentLabel[value]}
            className="domain-row__mode"
          />
        )}
        <button
          type="button"
          className="button button--ghost button--danger-text"
          onClick={onRemove}
          aria-label={`Remove ${domain.domain}`}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
