import { useCallback } from 'react';
import { useParams } from 'react-router';

/** The pages of an organization, under `/o/:slug/`. */
export type OrgPage = 'members' | 'settings' | 'workspaces' | 'audit' | 'welcome' | 'two-factor-required';

/**
 * The address of an org page: `/o/acme/members`, `/o/acme/workspaces/ws_1`. Every link to an
 * org is built here, so the slug is the one thing that says which org a tab is in.
 */
export function orgPath(slug: string, page?: OrgPage, id?: string): string {
  const parts = [encodeURIComponent(slug), page, id === undefined ? undefined : encodeURIComponent(id)];
  return `/o/${parts.filter((part) => part !== undefined).join('/')}`;
}

/**
 * An org page when only the org's id is known (an invitation just accepted names its org by id):
 * the old address shape, which the router turns into the slug's address.
 */
export function orgPathById(orgId: string, page: OrgPage): string {
  return `/orgs/${encodeURIComponent(orgId)}/${page}`;
}

const ORG_PREFIX = /^\/(o|orgs)\/([^/]+)/;

/** The slug of the org page at `pathname` (undefined outside `/o/:slug/...`). */
export function orgSlugOf(pathname: string): string | undefined {
  const match = ORG_PREFIX.exec(pathname);
  return match?.[1] === 'o' ? decodeURIComponent(match[2]!) : undefined;
}

/**
 * The same page of the org at its slug `slug`: `/o/old/workspaces/ws_1` (or the id-addressed
 * `/orgs/org_1/workspaces/ws_1`) becomes `/o/new/workspaces/ws_1`.
 */
export function withOrgSlug(pathname: string, slug: string): string {
  const rest = pathname.replace(ORG_PREFIX, '');
  return `${orgPath(slug)}${rest === '/' ? '' : rest}`;
}

/** Builds paths in the org of the current URL, for pages that know their org only by id. */
export function useOrgPath(): (page?: OrgPage, id?: string) => string {
  const { slug = '' } = useParams();
  return useCallback((page?: OrgPage, id?: string) => orgPath(slug, page, id), [slug]);
}
