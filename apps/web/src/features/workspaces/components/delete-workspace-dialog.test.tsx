import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { WorkspacePage } from './workspace-page.tsx';
import { losingAccessSentence } from './delete-workspace-dialog.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { governanceOf, workspaceView } from '../../../mocks/governance-db.ts';
import { errorResponse } from '../../../mocks/mock-errors.ts';
import { server } from '../../../mocks/server.ts';

const ORG = 'org_acme';
const person = (name: string) => ({ userId: `usr_${name.toLowerCase()}`, name, email: `${name}@acme.test` });

function renderWorkspace(isAdmin = true) {
  const ada = signInAs('ada');
  return renderRoute(
    <WorkspacePage orgId={ORG} orgName="Acme" workspaceId="ws_design" viewerId={ada.id} isAdmin={isAdmin} />,
    {
      path: '/orgs/:orgId/workspaces/:wsId',
      url: `/orgs/${ORG}/workspaces/ws_design`,
      routes: [{ path: '/orgs/:orgId/workspaces', element: <p>All workspaces page</p> }],
    },
  );
}

async function openDelete() {
  const view = renderWorkspace();
  await view.user.click(await screen.findByRole('button', { name: 'Delete workspace' }));
  const dialog = await screen.findByRole('alertdialog', { name: 'Delete Design?' });
  return { ...view, dialog };
}

describe('DeleteWorkspaceDialog', () => {
  it('names who loses access: the first few, then how many more', () => {
    expect(losingAccessSentence([person('Mia')])).toBe('Mia');
    expect(losingAccessSentence(['Mia', 'Olga', 'Eve'].map(person))).toBe('Mia, Olga and Eve');
    expect(losingAccessSentence(['Ann', 'Bob', 'Cy', 'Dee', 'Eli'].map(person))).toBe('Ann, Bob, Cy and 2 more');
  });

  it('lists the members who lose access, then deletes and leaves the page', async () => {
    const org = findOrg(ORG)!;
    const holders = org.members
      .filter((m) => m.workspaces.some((w) => w.id === 'ws_design'))
      .map((m) => m.name)
      .sort((a, b) => a.localeCompare(b));
    expect(holders.length).toBeGreaterThan(0);
    const { user, dialog } = await openDelete();

    expect(await within(dialog).findByText(new RegExp(`access to Design: ${holders[0]}`))).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete workspace' }));

    expect(await screen.findByText('All workspaces page')).toBeInTheDocument();
    expect(screen.getByText('Design was deleted')).toBeInTheDocument();
    expect(governanceOf(org).workspaces.some((w) => w.id === 'ws_design')).toBe(false);
    expect(org.members.some((m) => m.workspaces.some((w) => w.id === 'ws_design'))).toBe(false);
  });

  it('says "and N more" past the first three names', async () => {
    const org = findOrg(ORG)!;
    const ws = governanceOf(org).workspaces.find((w) => w.id === 'ws_design')!;
    server.use(
      http.get('/api/orgs/:orgId/workspaces/:wsId/deletion-impact', () =>
        HttpResponse.json({
          workspace: workspaceView(org, ws, 'usr_ada'),
          losingAccess: ['Ann', 'Bob', 'Cy', 'Dee', 'Eli'].map(person),
        }),
      ),
    );
    const { dialog } = await openDelete();
    expect(
      await within(dialog).findByText(
        '5 people lose access to Design: Ann, Bob, Cy and 2 more. Their other workspaces and their org membership stay.',
      ),
    ).toBeInTheDocument();
  });

  it('explains a refusal and keeps the workspace', async () => {
    server.use(
      http.delete('/api/orgs/:orgId/workspaces/:wsId', () =>
        errorResponse('FORBIDDEN', 'Only org admins can delete a workspace'),
      ),
    );
    const { user, dialog } = await openDelete();
    await within(dialog).findByText(/access to Design/);
    await user.click(within(dialog).getByRole('button', { name: 'Delete workspace' }));

    const notifications = await screen.findByRole('region', { name: /Notifications/ });
    expect(await within(notifications).findByText('Design was not deleted')).toBeInTheDocument();
    expect(within(notifications).getByText('Only org admins can delete a workspace.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Design' })).toBeInTheDocument();
    expect(governanceOf(findOrg(ORG)!).workspaces.some((w) => w.id === 'ws_design')).toBe(true);
  });

  it('is offered to org admins only', async () => {
    renderWorkspace(false);
    expect(await screen.findByRole('button', { name: 'Rename' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete workspace' })).not.toBeInTheDocument();
  });
});
