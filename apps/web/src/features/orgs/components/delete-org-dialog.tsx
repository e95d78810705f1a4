import { useState, type FormEvent } from 'react';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { formatDate } from '../../../lib/relative-time.ts';
import { useDeleteOrg } from '../api/use-org-lifecycle.ts';
import { GRACE_DAYS, orgLifecycleErrorCopy, type OrgLifecycleErrors } from '../utils/org-lifecycle-copy.ts';
import { ConfirmNameField } from './confirm-name-field.tsx';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';

interface Props {
  orgId: string;
  orgName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * The creator deletes the org after typing its name. The server is the one judge of the name
 * (another admin may have just renamed it), so anything typed is sent and a mismatch is said
 * under the field.
 */
export function DeleteOrgDialog({ orgId, orgName, open, onOpenChange }: Props) {
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<OrgLifecycleErrors>({});
  const remove = useDeleteOrg(orgId);
  const close = (next: boolean) => {
    if (remove.isPending) return;
    onOpenChange(next);
    if (!next) {
      setTyped('');
      setErrors({});
    }
  };
  // Awaited rather than passed to mutate: the deletion turns this page into the deleted org's
  // page, unmounting the dialog, and the toast must still come.
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!typed.trim()) return setErrors({ confirm: `Type ${orgName} to confirm.` });
    try {
      const org = await remove.mutateAsync(typed.trim());
      onOpenChange(false);
      toast({
        tone: 'success',
        title: `${orgName} was deleted`,
        ...(org.purgeAfter ? { description: `You can restore it until ${formatDate(org.purgeAfter)}.` } : {}),
      });
    } catch (error) {
      setErrors(orgLifecycleErrorCopy(error, 'delete', orgName));
    }
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={`Delete ${orgName}?`}
      description={
        <>
          <p>As soon as you delete it:</p>
          <ul>
            <li>nobody else can open {orgName}: its members lose it at once, in every open tab</li>
            <li>its invitations stop working</li>
            <li>
              you can restore it, exactly as it was, for {GRACE_DAYS} days; we mail you the link. After that, its
              members, workspaces and history are removed for good.
            </li>
          </ul>
        </>
      }
    >
      <form className="org-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ConfirmNameField
          id="org-delete-confirm"
          orgName={orgName}
          value={typed}
          error={errors.confirm}
          onChange={(value) => {
            setTyped(value);
            setErrors({});
          }}
        />
        <FormDialogFooter
          error={errors.form}
          onCancel={() => close(false)}
          submitLabel="Delete organization"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          tone="danger"
        />
      </form>
    </Modal>
  );
}
