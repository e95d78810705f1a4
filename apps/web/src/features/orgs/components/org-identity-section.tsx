import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { OLD_SLUG_REDIRECT_DAYS, type OrgDetail } from '@roster/contracts';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { toast } from '../../../components/ui/toast-store.ts';
import { isApiError } from '../../../lib/api-error.ts';
import { orgQueryOptions } from '../api/org-query.ts';
import { useUpdateOrg } from '../api/use-update-org.ts';
import { orgErrorCopy, orgFieldProblems, type OrgFieldErrors } from '../utils/org-error-copy.ts';
import { OrgNameField, OrgSlugField } from './org-fields.tsx';
import './orgs.css';

/** Admins rename the org (and may change its slug), sent at the version they loaded. */
export function OrgIdentitySection({ orgId }: { orgId: string }) {
  const query = useQuery(orgQueryOptions(orgId));
  return (
    <section className="settings-section" aria-labelledby="settings-org-identity">
      <header className="settings-section__header">
        <h2 id="settings-org-identity">Name and address</h2>
        <p>How the organization is called everywhere in Roster, and the slug in its links.</p>
      </header>
      <div className="settings-section__body settings-section__body--padded">
        {query.data ? (
          // A new version from elsewhere starts a fresh draft (live rename, or after a conflict).
          <OrgIdentityForm key={query.data.version} orgId={orgId} org={query.data} />
        ) : query.isError ? (
          <p className="field__error">Couldn’t load the organization’s name. Reload the page to try again.</p>
        ) : (
          <Spinner size={18} label="Loading the organization" />
        )}
      </div>
    </section>
  );
}

function OrgIdentityForm({ orgId, org }: { orgId: string; org: OrgDetail }) {
  const [name, setName] = useState(org.name);
  const [slug, setSlug] = useState(org.slug);
  const [errors, setErrors] = useState<OrgFieldErrors>({});
  const update = useUpdateOrg(orgId);
  const nameChanged = name.trim() !== org.name;
  const slugChanged = slug.trim() !== org.slug;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = orgFieldProblems(name, slug.trim());
    if (problems.name || problems.slug) return setErrors(problems);
    update.mutate(
      {
        version: org.version,
        ...(nameChanged ? { name: name.trim() } : {}),
        ...(slugChanged ? { slug: slug.trim() } : {}),
      },
      {
        onSuccess: (saved) => toast({ tone: 'success', title: `Saved: the organization is now ${saved.name}` }),
        onError: (error) => {
          // The refetched org replaces this draft (its key is the version); the toast says why.
          if (isApiError(error, 'VERSION_CONFLICT'))
            return toast({ tone: 'warning', title: 'Not saved', description: orgErrorCopy(error).form });
          setErrors(orgErrorCopy(error));
        },
      },
    );
  };
  return (
    <form className="org-form" onSubmit={onSubmit} noValidate>
      <OrgNameField
        id="org-settings-name"
        value={name}
        error={errors.name}
        onChange={(value) => {
          setName(value);
          setErrors(({ slug: s, suggestion }) => ({ slug: s, suggestion }));
        }}
      />
      <OrgSlugField
        id="org-settings-slug"
        value={slug}
        error={errors.slug}
        suggestion={errors.suggestion}
        onChange={(value) => {
          setSlug(value);
          setErrors(({ name: n }) => ({ name: n }));
        }}
      />
      {slugChanged && !errors.slug && (
        <p className="field__hint">Links with the old slug keep working for {OLD_SLUG_REDIRECT_DAYS} days.</p>
      )}
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="org-form__actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={update.isPending || (!nameChanged && !slugChanged)}
        >
          {update.isPending ? 'Saving…' : 'Save name'}
        </button>
      </div>
    </form>
  );
}
