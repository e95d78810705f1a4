import { useState, type FormEvent } from 'react';
import { DomainNameSchema } from '@roster/contracts';
import { Modal } from '../../../components/ui/modal.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { useAddDomain } from '../api/use-add-domain.ts';
import { addDomainErrorCopy, addDomainProblems, type AddDomainErrors } from '../utils/domain-error-copy.ts';
import { DomainTextField } from './domain-text-field.tsx';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';

interface Props {
  orgId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * A domain and the address at it that receives the verification link (no DNS needed): whoever
 * reads that mailbox proves the domain belongs to the org. The server refuses public mail domains.
 */
export function AddDomainDialog({ orgId, open, onOpenChange }: Props) {
  const [domain, setDomain] = useState('');
  const [verifyEmail, setVerifyEmail] = useState('');
  const [errors, setErrors] = useState<AddDomainErrors>({});
  const add = useAddDomain(orgId);
  const close = (next: boolean) => {
    if (add.isPending) return;
    onOpenChange(next);
    if (!next) {
      setDomain('');
      setVerifyEmail('');
      setErrors({});
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = addDomainProblems(domain, verifyEmail);
    if (problems.domain || problems.verifyEmail) return setErrors(problems);
    const body = { domain: DomainNameSchema.parse(domain), verifyEmail: verifyEmail.trim() };
    add.mutate(body, {
      onSuccess: (added) => {
        close(false);
        toast({
          tone: 'success',
          title: `Verification link sent to ${added.verifyEmail}`,
          description: `${added.domain} is verified once the link in that mail is opened.`,
        });
      },
      onError: (error) => setErrors(addDomainErrorCopy(error)),
    });
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title="Add a domain"
      description="We mail a verification link to an address at the domain. Opening it proves the domain is yours."
    >
      <form className="domain-form" onSubmit={onSubmit} noValidate>
        <DomainTextField
          id="domain-add-name"
          label="Domain"
          value={domain}
          placeholder="acme.com"
          hint="Your company’s mail domain. Public ones like gmail.com cannot be added."
          error={errors.domain}
          focusFirst
          onChange={(value) => {
            setDomain(value);
            setErrors(({ verifyEmail: e }) => (e ? { verifyEmail: e } : {}));
          }}
        />
        <DomainTextField
          id="domain-add-email"
          label="Send the verification link to"
          type="email"
          value={verifyEmail}
          placeholder={`it@${DomainNameSchema.safeParse(domain).data ?? 'acme.com'}`}
          hint="An address at the domain whose mail you or a colleague can read."
          error={errors.verifyEmail}
          onChange={(value) => {
            setVerifyEmail(value);
            setErrors(({ domain: e }) => (e ? { domain: e } : {}));
          }}
        />
        <FormDialogFooter
          error={errors.form}
          onCancel={() => close(false)}
          submitLabel="Send verification link"
          pendingLabel="Sending…"
          pending={add.isPending}
        />
      </form>
    </Modal>
  );
}
