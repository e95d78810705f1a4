import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { WorkspacePage } from './workspace-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';

withServerApp();

async function openRename() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const design = await workspaceOf(orgId, 'Design');
  const view = renderRoute(
    <WorkspacePage orgId={orgId} orgName="Acme" workspaceId={design.id} viewerId={await userIdOf('ada')} isAdmin />,
  );
  await view.user.click(await screen.findByRole('button', { name: 'Rename' }));
  // Every read of the page has landed: a late one must not bring a version newer than the dialog's.
  await waitFor(() => expect(view.queryClient.isFetching()).toBe(0));
  const dialog = await screen.findByRole('dialog', { name: 'Rename Design' });
  const field = within(dialog).getByRole('textbox', { name: 'Name' });
  return { ...view, dialog, field, orgId, design };
}

describe('RenameWorkspaceDialog', () => {
  it('renames the workspace and says so', async () => {
    const { user, dialog, field, design } = await openRename();
    expect(field).toHaveValue('Design');
    await user.clear(field);
    await user.type(field, '  Brand ');
    await user.click(within(dialog).getByRole('button', { name: 'Rename' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Brand' })).toBeInTheDocument();
    expect(screen.getByText('Design is now Brand')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const saved = await (
      await testDb()
    )
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', design.id)
      .executeTakeFirstOrThrow();
    expect(saved.name).toBe('Brand');
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
    const { user, dialog, field, orgId, design } = await openRename();
    await as('grace').patch(`/api/orgs/${orgId}/workspaces/${design.id}`, { name: 'Studio', version: design.version });
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
