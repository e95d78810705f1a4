import type { OrgDomain } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useRemoveDomain } from '../api/use-remove-domain.ts';
import { domainChangeErrorCopy } from '../utils/domain-error-copy.ts';

/** Asks before a domain goes: people who joined through it stay members; nobody else joins that way. */
export function RemoveDomainDialog({
  orgId,
  domain,
  onDone,
}: {
  orgId: string;
  domain: OrgDomain | null;
  onDone: () => void;
}) {
  const remove = useRemoveDomain(orgId);
  const name = domain?.domain ?? '';
  return (
    <ConfirmDialog
      open={domain !== null}
      onOpenChange={(open) => !open && !remove.isPending && onDone()}
      title={`Remove ${name}?`}
      description={
        <p>
          People at {name} will no longer be offered to join. Those who already joined stay members. To use it again,
          add and verify it anew.
        </p>
      }
      confirmLabel="Remove domain"
      pending={remove.isPending}
      onConfirm={() =>
        domain &&
        remove.mutate(domain.id, {
          onSuccess: () => toast({ tone: 'success', title: `${name} was removed` }),
          onError: (error) => toast({ tone: 'error', ...domainChangeErrorCopy(error, name, 'remove') }),
          onSettled: onDone,
        })
      }
    />
  );
}
