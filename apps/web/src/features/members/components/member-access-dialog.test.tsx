import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

describe('View access', () => {
  it('shows the org role, lite, and each workspace with the reason', async () => {
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    const { user } = renderRoute(
      <MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf('ada')} viewerRole="ADMIN" />,
      { path: '/orgs/:orgId/members', url: `/orgs/${orgId}/members` },
    );
    await user.click(await screen.findByRole('button', { name: 'Actions for Eve External' }));
    await user.click(await screen.findByRole('menuitem', { name: /View access/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Access of Eve External' });
    const table = await within(dialog).findByRole('table', { name: 'Workspace access' });
    expect(within(dialog).getByText('Lite')).toBeInTheDocument();
    const research = within(table).getByRole('row', { name: /Research/ });
    expect(research).toHaveTextContent('Viewer');
    expect(research).toHaveTextContent('Viewer of this workspace (lite: at most a viewer, no usage or cost data)');
    expect(within(table).getByRole('row', { name: /Design/ })).toHaveTextContent(
      'No access: lite members see only workspaces they are given',
    );
  });
});
