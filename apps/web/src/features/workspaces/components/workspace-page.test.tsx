import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WorkspacePage } from './workspace-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { http } from 'msw';
import { findOrg } from '../../../mocks/db.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';
import { server } from '../../../mocks/server.ts';

const ORG = 'org_acme';

function renderWorkspace() {
  const ada = signInAs('ada');
  return renderRoute(<WorkspacePage orgId={ORG} orgName="Acme" workspaceId="ws_design" viewerId={ada.id} />);
}

describe('WorkspacePage', () => {
  it('adds people already in the org at once, with a role', async () => {
    const { user } = renderWorkspace();
    const table = await screen.findByRole('table', { name: 'Members of Design' });
    expect(within(table).queryByText('Linus Torvalds')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add users' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add users to Design' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search people' }), 'linus');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Select Linus Torvalds' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 person' }));

    expect(await within(dialog).findByText('Linus Torvalds added to Design')).toBeInTheDocument();
    const linus = findOrg(ORG)!.members.find((m) => m.name === 'Linus Torvalds')!;
    expect(linus.workspaces.find((w) => w.id === 'ws_design')?.role).toBe('MEMBER');
    expect(await within(table).findByText('Linus Torvalds')).toBeInTheDocument();
  });

  it('explains a refusal: the workspace seat cap', async () => {
    findOrg(ORG)!.settings = { ...findOrg(ORG)!.settings, workspaceMemberCap: 1 };
    const { user } = renderWorkspace();
    await user.click(await screen.findByRole('button', { name: 'Add users' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('searchbox'), 'linus');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Select Linus Torvalds' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 person' }));
    expect(await within(dialog).findByText('No one was added to Design')).toBeInTheDocument();
    expect(within(dialog).getByText(/The seat cap is 1 and .* seats are in use/)).toBeInTheDocument();
  });

  it('explains why the last owner cannot be demoted', async () => {
    server.use(
      http.patch('/api/orgs/:orgId/workspaces/:wsId/members/:userId', () =>
        errorResponse('LAST_OWNER_PROTECTED', 'The workspace must keep an owner'),
      ),
    );
    const { user } = renderWorkspace();
    await screen.findByRole('table', { name: 'Members of Design' });
    const select = screen.getByRole('combobox', { name: 'Workspace role for Grace Hopper' });
    expect(select).toHaveTextContent('Owner');
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /Viewer/ }));
    const notifications = await screen.findByRole('region', { name: /Notifications/ });
    expect(
      await within(notifications).findByText('Design must keep at least one owner. Make someone else an owner first.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Workspace role for Grace Hopper' })).toHaveTextContent('Owner');
  });
});
