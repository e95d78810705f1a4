import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { WorkspacesPage } from './workspaces-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { governanceOf } from '../../../mocks/governance-db.ts';

const ORG = 'org_acme';

describe('CreateWorkspaceDialog', () => {
  it('says under the name field that another workspace has it, whatever its case, and stays open', async () => {
    signInAs('ada');
    const { user } = renderRoute(<WorkspacesPage orgId={ORG} orgName="Acme" isAdmin />);
    await user.click(await screen.findByRole('button', { name: 'New workspace' }));
    const dialog = await screen.findByRole('dialog', { name: 'New workspace' });
    const field = within(dialog).getByRole('textbox', { name: 'Name' });
    await user.type(field, 'design');
    await user.click(within(dialog).getByRole('button', { name: 'Create workspace' }));

    expect(await within(dialog).findByText(/Another workspace already has that name/)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(governanceOf(findOrg(ORG)!).workspaces.filter((w) => w.name.toLowerCase() === 'design')).toHaveLength(1);
  });
});
