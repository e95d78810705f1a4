import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WorkspacePage } from './workspace-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, userIdOf, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';

withServerApp();

// In the demo seed, Grace is Design's only owner and Linus is not in it.
async function renderWorkspace() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const design = await workspaceOf(orgId, 'Design');
  const view = renderRoute(
    <WorkspacePage orgId={orgId} orgName="Acme" workspaceId={design.id} viewerId={await userIdOf('ada')} />,
  );
  return { ...view, orgId, design };
}

describe('WorkspacePage', () => {
  it('adds people already in the org at once, with a role', async () => {
    const { user, design } = await renderWorkspace();
    const table = await screen.findByRole('table', { name: 'Members of Design' });
    expect(within(table).queryByText('Linus Torvalds')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add users' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add users to Design' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search people' }), 'linus');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Select Linus Torvalds' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 person' }));

    expect(await within(dialog).findByText('Linus Torvalds added to Design')).toBeInTheDocument();
    const grant = await (
      await testDb()
    )
      .selectFrom('workspace_members')
      .select('role')
      .where('workspace_id', '=', design.id)
      .where('user_id', '=', await userIdOf('linus'))
      .executeTakeFirst();
    expect(grant?.role).toBe('MEMBER');
    expect(await within(table).findByText('Linus Torvalds')).toBeInTheDocument();
  });

  it('explains a refusal: the workspace seat cap', async () => {
    const db = await testDb();
    const acme = await db
      .selectFrom('organizations')
      .select('settings')
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('organizations')
      .set({ settings: { ...acme.settings, workspaceMemberCap: 1 } })
      .where('slug', '=', 'acme')
      .execute();
    const { user } = await renderWorkspace();
    // "Add users" is disabled until the workspace has loaded.
    await screen.findByRole('table', { name: 'Members of Design' });
    await user.click(screen.getByRole('button', { name: 'Add users' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('searchbox'), 'linus');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Select Linus Torvalds' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add 1 person' }));
    expect(await within(dialog).findByText('No one was added to Design')).toBeInTheDocument();
    expect(within(dialog).getByText(/The seat cap is 1 and .* seats are in use/)).toBeInTheDocument();
  });

  it('explains why the last owner cannot be demoted', async () => {
    // Only an owner who is not an org admin is held to this: Linus, made Research's only owner.
    const orgId = await orgIdOf('acme');
    const research = await workspaceOf(orgId, 'Research');
    const linusId = await userIdOf('linus');
    await (
      await testDb()
    )
      .updateTable('workspace_members')
      .set({ role: 'OWNER' })
      .where('workspace_id', '=', research.id)
      .where('user_id', '=', linusId)
      .execute();
    signInAs('linus');
    const { user } = renderRoute(
      <WorkspacePage orgId={orgId} orgName="Acme" workspaceId={research.id} viewerId={linusId} />,
    );
    await screen.findByRole('table', { name: 'Members of Research' });
    const select = screen.getByRole('combobox', { name: 'Workspace role for Linus Torvalds' });
    expect(select).toHaveTextContent('Owner');
    await user.click(select);
    await user.click(await screen.findByRole('option', { name: /Viewer/ }));
    const notifications = await screen.findByRole('region', { name: /Notifications/ });
    expect(
      await within(notifications).findByText(
        'Research must keep at least one owner. Make someone else an owner first.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Workspace role for Linus Torvalds' })).toHaveTextContent('Owner');
  });
});
