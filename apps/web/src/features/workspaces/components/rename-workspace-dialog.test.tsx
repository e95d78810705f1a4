import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { WorkspacePage } from './workspace-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { governanceOf } from '../../../mocks/governance-db.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';
import { server } from '../../../mocks/server.ts';

const ORG = 'org_acme';

function renderWorkspace(isAdmin = true) {
  const ada = signInAs('ada');
  return renderRoute(
    <WorkspacePage orgId={ORG} orgName="Acme" workspaceId="ws_design" viewerId={ada.id} isAdmin={isAdmin} />,
  );
}

async function openRename() {
  const view = renderWorkspace();
  await view.user.click(await screen.findByRole('button', { name: 'Rename' }));
  const dialog = await screen.findByRole('dialog', { name: 'Rename Design' });
  const field = within(dialog).getByRole('textbox', { name: 'Name' });
  return { ...view, dialog, field };
}

describe('RenameWorkspaceDialog', () => {
  it('renames the workspace and says so', async () => {
    const { user, dialog, field } = await openRename();
    expect(field).toHaveValue('Design');
    await user.clear(field);
    await user.type(field, '  Brand ');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Brand' })).toBeInTheDocument();
    expect(screen.getByText('Design is now Brand')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(governanceOf(findOrg(ORG)!).workspaces.find((w) => w.id === 'ws_design')?.name).toBe('Brand');
  });

  it('keeps the dialog open when another workspace has the name', async () => {
    const { user, dialog, field } = await openRename();
    await user.clear(field);
    await user.type(field, 'platform');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Another workspace already has that name. Pick a different one.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains a conflict: someone renamed it first', async () => {
    const workspace = governanceOf(findOrg(ORG)!).workspaces.find((w) => w.id === 'ws_design')!;
    server.use(
      http.patch('/api/orgs/:orgId/workspaces/:wsId', () =>
        errorResponse('VERSION_CONFLICT', 'Changed meanwhile', {
          current: {
            id: workspace.id,
            name: 'Studio',
            memberCount: 2,
            myRole: null,
            canManage: true,
            createdAt: workspace.createdAt,
            version: workspace.version + 1,
          },
        }),
      ),
    );
    const { user, dialog, field } = await openRename();
    await user.clear(field);
    await user.type(field, 'Brand');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));

    expect(await within(dialog).findByText('Someone else got there first')).toBeInTheDocument();
    expect(
      within(dialog).getByText('Design was changed meanwhile and is now called Studio. Check it, then try again.'),
    ).toBeInTheDocument();
  });

  it('refuses an empty name before asking the server', async () => {
    const { user, dialog, field } = await openRename();
    await user.clear(field);
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Give the workspace a name.');
  });
});
