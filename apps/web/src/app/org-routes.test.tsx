import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { OrgDetailResponse } from '@roster/contracts';
import { meKeys } from '../features/auth/api/me-query.ts';
import { server } from '../test/msw-server.ts';
import { as, orgIdOf, signInAs, withServerApp, workspaceOf } from '../test/server-app/index.ts';
import { renderOrgPages } from '../test/render-org-pages.tsx';

withServerApp();

/** The paths of the by-slug look-ups the page makes. */
function recordSlugLookups() {
  const seen: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/orgs/by-slug/')) seen.push(pathname);
  });
  return seen;
}

/** Grace, Acme's other admin, gives it a new slug through the API. */
async function graceMovesAcmeTo(slug: string) {
  const orgId = await orgIdOf('acme');
  const { org } = await as('grace').get<OrgDetailResponse>(`/api/orgs/${orgId}`);
  await as('grace').patch(`/api/orgs/${orgId}`, { slug, version: org.version });
}

describe('org routes', () => {
  it('opens an org page by the slug the signed-in person’s org list names, without asking the server', async () => {
    const lookups = recordSlugLookups();
    signInAs('ada');
    const { router } = renderOrgPages('/o/acme/workspaces?q=x');
    expect(await screen.findByRole('heading', { name: 'Workspaces', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/acme/workspaces');
    expect(lookups).toEqual([]);
  });

  it('opens the members page at the org’s own address', async () => {
    signInAs('ada');
    const { router } = renderOrgPages('/o/acme?sort=joinedAt');
    await waitFor(() => expect(router.state.location.pathname).toBe('/o/acme/members'));
    expect(router.state.location.search).toBe('?sort=joinedAt');
    expect(await screen.findByRole('table', { name: 'Members' })).toBeInTheDocument();
  });

  it('moves an old id address to the same page at the org’s slug, query kept', async () => {
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    const design = await workspaceOf(orgId, 'Design');
    const { router } = renderOrgPages(`/orgs/${orgId}/workspaces/${design.id}?from=mail`);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/o/acme/workspaces/${design.id}`));
    expect(router.state.location.search).toBe('?from=mail');
    expect(await screen.findByRole('table', { name: 'Members of Design' })).toBeInTheDocument();
  });

  it('follows a slug the org left to the same page at its new slug', async () => {
    const lookups = recordSlugLookups();
    await graceMovesAcmeTo('acme-corp');
    signInAs('ada');
    const { router } = renderOrgPages('/o/acme/workspaces?q=x');
    await waitFor(() => expect(router.state.location.pathname).toBe('/o/acme-corp/workspaces'));
    expect(router.state.location.search).toBe('?q=x');
    expect(lookups).toEqual(['/api/orgs/by-slug/acme']);
    expect(await screen.findByRole('heading', { name: 'Workspaces', level: 1 })).toBeInTheDocument();
  });

  it('says there is nothing at a slug no org holds', async () => {
    signInAs('ada');
    renderOrgPages('/o/nowhere-at-all/members');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });

  it('says the same at another org’s slug, telling nothing of it', async () => {
    await as('grace').post('/api/orgs', { name: 'Beta', slug: 'beta-labs' });
    signInAs('ada');
    const { router } = renderOrgPages('/o/beta-labs/settings');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/beta-labs/settings');
  });

  it('says there is nothing at an old id address of an org the person is not in', async () => {
    const { org } = await as('grace').post<{ org: { id: string } }>('/api/orgs', { name: 'Beta' });
    signInAs('ada');
    const { router } = renderOrgPages(`/orgs/${org.id}/members`);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/orgs/${org.id}/members`);
  });

  it('replaces the open tab’s address when the org’s slug changes elsewhere, keeping page and query', async () => {
    signInAs('ada');
    const { router, queryClient } = renderOrgPages('/o/acme/workspaces?q=x');
    const heading = await screen.findByRole('heading', { name: 'Workspaces', level: 1 });
    const entryBefore = router.state.location.key;

    await graceMovesAcmeTo('acme-corp');
    // What the live `org.updated` does: the person's org list is read again.
    await queryClient.refetchQueries({ queryKey: meKeys.me });

    await waitFor(() => expect(router.state.location.pathname).toBe('/o/acme-corp/workspaces'));
    expect(router.state.location.search).toBe('?q=x');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(router.state.location.key).not.toBe(entryBefore);
    // The same page stayed mounted: nothing was reloaded.
    expect(screen.getByRole('heading', { name: 'Workspaces', level: 1 })).toBe(heading);
  });
});
