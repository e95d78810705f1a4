import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { slugFromName } from '@roster/contracts';
import { Modal } from '../../../components/ui/modal.tsx';
import { orgPath } from '../../../lib/org-paths.ts';
import { toast } from '../../../components/ui/toast-store.ts';
import { useCreateOrg } from '../api/use-create-org.ts';
import { rememberLastOrg } from '../utils/last-org.ts';
import { orgErrorCopy, orgFieldProblems, type OrgFieldErrors } from '../utils/org-error-copy.ts';
import { OrgNameField, OrgSlugField } from './org-fields.tsx';
import { FormDialogFooter } from '../../../components/ui/form-dialog-footer.tsx';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/**
 * Name and URL slug of a new organization. The slug follows the name (the contracts' rule) until
 * the person edits it; the org opens on its members page, its creator its only admin.
 */
export function CreateOrgDialog({ open, onOpenChange }: Props) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<OrgFieldErrors>({});
  const create = useCreateOrg();
  const navigate = useNavigate();
  const close = (next: boolean) => {
    if (create.isPending) return;
    onOpenChange(next);
    if (!next) {
      setName('');
      setSlug('');
      setSlugEdited(false);
      setErrors({});
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const chosenSlug = slug.trim() || undefined;
    const problems = orgFieldProblems(name, chosenSlug);
    if (problems.name || problems.slug) return setErrors(problems);
    create.mutate(
      { name: name.trim(), ...(chosenSlug ? { slug: chosenSlug } : {}) },
      {
        onSuccess: (org) => {
          close(false);
          rememberLastOrg(org.id);
          toast({
            tone: 'success',
            title: `${org.name} was created`,
            description: 'Invite the people who work in it.',
          });
          void navigate(orgPath(org.slug, 'members'));
        },
        onError: (error) => setErrors(orgErrorCopy(error)),
      },
    );
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title="Create an organization"
      description="You will be its admin. Invite your team once it exists."
    >
      <form className="org-form" onSubmit={onSubmit} noValidate>
        <OrgNameField
          id="org-create-name"
          value={name}
          focusFirst
          error={errors.name}
          onChange={(value) => {
            setName(value);
            if (!slugEdited) setSlug(value.trim() ? slugFromName(value) : '');
            setErrors(({ slug: s, suggestion }) => (slugEdited ? { slug: s, suggestion } : {}));
          }}
        />
        <OrgSlugField
          id="org-create-slug"
          optional
          value={slug}
          error={errors.slug}
          suggestion={errors.suggestion}
          onChange={(value) => {
            setSlug(value);
            setSlugEdited(true);
            setErrors(({ name: n }) => ({ name: n }));
          }}
        />
        <FormDialogFooter
          error={errors.form}
          onCancel={() => close(false)}
          submitLabel="Create organization"
          pendingLabel="Creating…"
          pending={create.isPending}
        />
      </form>
    </Modal>
  );
}
