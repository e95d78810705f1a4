import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { OrgAdmin } from '@roster/contracts';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { orgQueryOptions } from '../api/org-query.ts';
import { useTransferOrg } from '../api/use-org-lifecycle.ts';
import { confirmsName, orgLifecycleErrorCopy, type OrgLifecycleErrors } from '../utils/org-lifecycle-copy.ts';
import { ConfirmNameField } from './confirm-name-field.tsx';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';

interface Props {
  orgId: string;
  orgName: string;
  /** The org's other admins: only an admin can take the creator role. */
  candidates: readonly OrgAdmin[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** The creator picks another admin and types the org's name; the hand-over is sent at the org's version. */
export function TransferOrgDialog({ orgId, orgName, candidates, open, onOpenChange }: Props) {
  const [chosen, setChosen] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [errors, setErrors] = useState<OrgLifecycleErrors & { person?: string }>({});
  const transfer = useTransferOrg(orgId);
  const queryClient = useQueryClient();
  const close = (next: boolean) => {
    if (transfer.isPending) return;
    onOpenChange(next);
    if (!next) {
      setChosen(null);
      setTyped('');
      setErrors({});
    }
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const target = candidates.find((c) => c.userId === chosen);
    const problems = {
      ...(target ? {} : { person: 'Choose who takes over.' }),
      ...(confirmsName(typed, orgName) ? {} : { confirm: `Type ${orgName} exactly to confirm.` }),
    };
    if (!target || problems.confirm) return setErrors(problems);
    try {
      // The version the org is at now (a rename elsewhere moved it); the server still checks it.
      const { version } = await queryClient.fetchQuery(orgQueryOptions(orgId));
      await transfer.mutateAsync({ userId: target.userId, version });
      onOpenChange(false);
      toast({
        tone: 'success',
        title: `${target.name} is now the creator of ${orgName}`,
        description: 'You stay an admin. Only they can hand it over or delete it now.',
      });
    } catch (error) {
      setErrors(orgLifecycleErrorCopy(error, 'transfer', orgName));
    }
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title={`Transfer ownership of ${orgName}`}
      description={
        <p>
          The admin you choose becomes the creator of {orgName}: only they can hand it over or delete it. You stay an
          admin.
        </p>
      }
    >
      <form className="org-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset
          className="transfer-choice"
          aria-describedby={errors.person ? 'org-transfer-person-error' : undefined}
        >
          <legend className="field__label">New creator</legend>
          <div className="transfer-choice__options">
            {candidates.map((admin) => (
              <label key={admin.userId} className="transfer-choice__option">
                <input
                  type="radio"
                  name="org-transfer-person"
                  value={admin.userId}
                  checked={chosen === admin.userId}
                  onChange={() => {
                    setChosen(admin.userId);
                    setErrors(({ confirm }) => (confirm ? { confirm } : {}));
                  }}
                />
                <span>{admin.name}</span>
                <span className="transfer-choice__role">Admin</span>
              </label>
            ))}
          </div>
          {errors.person && (
            <span id="org-transfer-person-error" className="field__error" role="alert">
              {errors.person}
            </span>
          )}
        </fieldset>
        <ConfirmNameField
          id="org-transfer-confirm"
          orgName={orgName}
          value={typed}
          error={errors.confirm}
          onChange={(value) => {
            setTyped(value);
            setErrors(({ person }) => (person ? { person } : {}));
          }}
        />
        <FormDialogFooter
          error={errors.form}
          onCancel={() => close(false)}
          submitLabel="Transfer ownership"
          pendingLabel="Transferring…"
          pending={transfer.isPending}
          tone="danger"
        />
      </form>
    </Modal>
  );
}
