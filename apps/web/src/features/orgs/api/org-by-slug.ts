import { OrgBySlugResponseSchema, type OrgBySlugResponse } from '@roster/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { isApiError } from '../../../lib/api-error.ts';

/**
 * The org of yours a slug leads to, its current or a recently left one; null when none does
 * (no such slug, or not your org: the server does not say which).
 */
export async function findOrgBySlug(slug: string, signal?: AbortSignal): Promise<OrgBySlugResponse['org'] | null> {
  try {
    return (
      await apiRequest(`/api/orgs/by-slug/${encodeURIComponent(slug)}`, { schema: OrgBySlugResponseSchema, signal })
    ).org;
  } catch (error) {
    if (isApiError(error, 'ORG_NOT_FOUND')) return null;
    throw error;
  }
}
