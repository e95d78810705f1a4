import type { ApiKey } from '@roster/contracts';
import { ConfirmDialog } from '../../../components/ui/alert-dialog.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { useRevokeApiKey } from '../api/api-keys-query.ts';

/** Asks before a key stops working: every program that uses it is refused from the next request. */
export function RevokeApiKeyDialog({
  orgId,
  apiKey,
  onDone,
}: {
  orgId: string;
  apiKey: ApiKey | null;
  onDone: () => void;
}) {
  const revoke = useRevokeApiKey(orgId);
  const name = apiKey?.name ?? '';
  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => !open && !revoke.isPending && onDone()}
      title={`Revoke ${name}?`}
      description={
        <p>
          Programs using this key are refused from their next request, on every server. This cannot be undone: make a
          new key to give access again.
        </p>
      }
      confirmLabel="Revoke key"
      pending={revoke.isPending}
      onConfirm={() =>
        apiKey &&
        revoke.mutate(apiKey.id, {
          onSuccess: () => toast({ tone: 'success', title: `${name} was revoked` }),
          onError: (error) =>
            isApiError(error, 'NOT_FOUND')
              ? toast({ tone: 'success', title: `${name} was already revoked` })
              : toast({ tone: 'error', title: 'Couldn’t revoke the key', description: 'Try again in a moment.' }),
          onSettled: onDone,
        })
      }
    />
  );
}
