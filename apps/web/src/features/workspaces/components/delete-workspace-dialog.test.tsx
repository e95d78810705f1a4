import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WorkspacePage } from './workspace-page.tsx';
import { losingAccessSentence } from './delete-workspace-dialog.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, userIdOf, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';

withServerApp();

const person = (name: string) => ({ userId: `usr_${name.toLowerCase()}`, name, email: `${name}@acme.test` });

async function renderWorkspace(isAdmin = true) {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const design = await workspaceOf(orgId, 'Design');
  const view = renderRoute(
    <WorkspacePage
      orgId={orgId}
      orgName="Acme"
      workspaceId={design.id}
      viewerId={await userIdOf('ada')}
      isAdmin={isAdmin}
    />,
    {
      path: '/o/:slug/workspaces/:wsId',
      url: `/o/acme/workspaces/${design.id}`,
      routes: [{ path: '/o/:slug/workspaces', element: <p>All workspaces page</p> }],
    },
  );
  return { ...view, orgId, design };
}

async function openDelete() {
  const view = await renderWorkspace();
  await view.user.click(await screen.findByRole('button', { name: 'Delete workspace' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Delete Design?' });
  return { ...view, dialog };
}

async function designMembers(workspaceId: string): Promise<string[]> {
  const rows = await (
    await testDb()
  )
    .selectFrom('workspace_members')
    .innerJoin('users', 'users.id', 'workspace_members.user_id')
    .select('users.name')
    .where('workspace_members.workspace_id', '=', workspaceId)
    .execute();
  return rows.map((r) => r.name).sort((a, b) => a.localeCompare(b));
}

async function workspaceExists(workspaceId: string): Promise<boolean> {
  const row = await (
    await testDb()
  )
    .selectFrom('workspaces')
    .select('id')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row !== undefined;
}

describe('DeleteWorkspaceDialog', () => {
  it('names who loses access: the first few, then how many more', () => {
    expect(losingAccessSentence([person('Mia')])).toBe('Mia');
    expect(losingAccessSentence(['Mia', 'Olga', 'Eve'].map(person))).toBe('Mia, Olga and Eve');
    expect(losingAccessSentence(['Ann', 'Bob', 'Cy', 'Dee', 'Eli'].map(person))).toBe('Ann, Bob, Cy and 2 more');
  });

  it('lists the members who lose access, then deletes and leaves the page', async () => {
    const { user, dialog, design, router } = await openDelete();
    const holders = await designMembers(design.id);
    expect(holders.length).toBeGreaterThan(0);

    expect(await within(dialog).findByText(new RegExp(`access to Design: ${holders[0]}`))).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete workspace' }));

    expect(await screen.findByText('All workspaces page')).toBeInTheDocument();
    // Back to the list of the same org, addressed by its slug.
    expect(router.state.location.pathname).toBe('/o/acme/workspaces');
    expect(screen.getByText('Design was deleted')).toBeInTheDocument();
    expect(await workspaceExists(design.id)).toBe(false);
    expect(await designMembers(design.id)).toEqual([]);
  });

  it('says "and N more" past the first three names', async () => {
    const { dialog, design } = await openDelete();
    const holders = await designMembers(design.id);
    expect(holders.length).toBeGreaterThan(3);
    expect(
      await within(dialog).findByText(
        `${holders.length} people lose access to Design: ${holders.slice(0, 3).join(', ')} and ${holders.length - 3} more. Their other workspaces and their org membership stay.`,
      ),
    ).toBeInTheDocument();
  });

  it('explains a refusal and keeps the workspace', async () => {
    const { user, dialog, design } = await openDelete();
    await within(dialog).findByText(/access to Design/);
    // Grace made Ada a member meanwhile: she may no longer delete workspaces.
    await (
      await testDb()
    )
      .updateTable('org_members')
      .set({ role: 'MEMBER' })
      .where('user_id', '=', await userIdOf('ada'))
      .execute();
    await user.click(within(dialog).getByRole('button', { name: 'Delete workspace' }));

    const notifications = await screen.findByRole('region', { name: /Notifications/ });
    expect(await within(notifications).findByText('Design was not deleted')).toBeInTheDocument();
    expect(within(notifications).getByText('Only org admins can delete a workspace.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Design' })).toBeInTheDocument();
    expect(await workspaceExists(design.id)).toBe(true);
  });

  it('is offered to org admins only', async () => {
    await renderWorkspace(false);
    expect(await screen.findByRole('button', { name: 'Rename' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete workspace' })).not.toBeInTheDocument();
  });
});
