import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WorkspacesPage } from './workspaces-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

describe('CreateWorkspaceDialog', () => {
  it('says under the name field that another workspace has it, whatever its case, and stays open', async () => {
    signInAs('ada');
    const orgId = await orgIdOf('acme');
    const { user } = renderRoute(<WorkspacesPage orgId={orgId} orgName="Acme" isAdmin />);
    await user.click(await screen.findByRole('button', { name: 'New workspace' }));
    const dialog = await screen.findByRole('dialog', { name: 'New workspace' });
    const field = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.type(field, 'design');
    await user.click(within(dialog).getByRole('button', { name: 'Create workspace' }));

    expect(await within(dialog).findByText(/Another workspace already has that name/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    const named = await (
      await testDb()
    )
      .selectFrom('workspaces')
      .select('id')
      .where('org_id', '=', orgId)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', 'design'))
      .execute();
    expect(named).toHaveLength(1);
  });
});
