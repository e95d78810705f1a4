import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';

/** A signing secret, shown this once with Copy (after adding an endpoint or rotating its secret). */
export function WebhookSecretDialog({
  secret,
  title,
  note,
  onDone,
}: {
  secret: string | null;
  title: string;
  note: string;
  onDone: () => void;
}) {
  const copy = (value: string) =>
    navigator.clipboard
      .writeText(value)
      .then(() => toast({ tone: 'success', title: 'Signing secret copied' }))
      .catch(() =>
        toast({ tone: 'error', title: 'Couldn’t copy', description: 'Select the secret and copy it by hand.' }),
      );
  return (
    <Modal open={secret !== null} onOpenChange={(open) => !open && onDone()} title={title}>
      <div className="api-key-created">
        <p>{note}</p>
        <code className="api-key-created__key" aria-label="Signing secret">
          {secret}
        </code>
        <div className="api-key-created__actions">
          <button type="button" className="button button--secondary" onClick={() => secret && void copy(secret)}>
            Copy
          </button>
          <button type="button" className="button button--primary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    </Modal>
  );
}
