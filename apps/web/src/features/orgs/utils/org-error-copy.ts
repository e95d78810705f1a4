import { OrgNameSchema, OrgSlugSchema, SlugTakenDetailsSchema } from '@roster/contracts';
import { isApiError } from '../../../lib/api-error.ts';

export interface OrgFieldErrors {
  name?: string;
  slug?: string;
  /** A free slug the server offered when the one asked for was taken. */
  suggestion?: string;
  /** A refusal no field owns (rate limit, cap, unverified address, network). */
  form?: string;
}

/** The contracts' own name and slug rules, said under each field before anything is sent. */
export function orgFieldProblems(name: string, slug: string | undefined): OrgFieldErrors {
  const errors: OrgFieldErrors = {};
  if (!name.trim()) errors.name = 'Give the organization a name.';
  else {
    const parsed = OrgNameSchema.safeParse(name);
    if (!parsed.success) errors.name = parsed.error.issues[0]?.message ?? 'Use 1 to 80 characters.';
  }
  if (slug !== undefined) {
    const parsed = OrgSlugSchema.safeParse(slug);
    if (!parsed.success) errors.slug = parsed.error.issues[0]?.message ?? 'Choose another address.';
  }
  return errors;
}

/** Where a refusal of a create or rename belongs: under the field it is about, or above the actions. */
export function orgErrorCopy(error: unknown): OrgFieldErrors {
  if (!isApiError(error)) return { form: 'Something went wrong. Try again.' };
  switch (error.code) {
    case 'SLUG_TAKEN': {
      const details = SlugTakenDetailsSchema.safeParse(error.details);
      return {
        slug: 'Another organization already uses this address.',
        ...(details.success ? { suggestion: details.data.suggestion } : {}),
      };
    }
    case 'VALIDATION_FAILED': {
      const fields = Array.isArray(error.details?.fields)
        ? (error.details.fields as { path?: unknown; message?: unknown }[])
        : [];
      const said = (path: string) => {
        const found = fields.find((f) => f.path === path);
        return typeof found?.message === 'string' ? found.message : undefined;
      };
      const name = said('name');
      const slug = said('slug');
      if (!name && !slug) return { form: error.message };
      return { ...(name ? { name } : {}), ...(slug ? { slug } : {}) };
    }
    case 'EMAIL_NOT_VERIFIED':
      return { form: 'Confirm your email address first: follow the link we mailed you, then try again.' };
    case 'LIMIT_EXCEEDED':
      return { form: 'You have created as many organizations as one person may. Delete one, or ask support.' };
    case 'RATE_LIMITED':
      return {
        form: `You have created several organizations just now. Try again${error.retryAfterSeconds ? ` in ${Math.ceil(error.retryAfterSeconds / 60)} min` : ' later'}.`,
      };
    case 'VERSION_CONFLICT':
      return {
        form: 'Someone else changed this organization while you were editing. We loaded their change; make yours again.',
      };
    case 'FORBIDDEN':
      return { form: 'Only admins can change the organization’s name.' };
    default:
      return { form: error.status === 0 ? error.message : 'The server could not do that just now. Try again.' };
  }
}
