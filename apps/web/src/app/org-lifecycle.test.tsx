import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Me } from '@roster/contracts';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../test/server-app/index.ts';
import { renderOrgPages } from '../test/render-org-pages.tsx';

withServerApp();

/** Acme as stored: its status and who created it. */
async function storedAcme() {
  return (await testDb())
    .selectFrom('organizations')
    .select(['status', 'created_by', 'purge_after'])
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
}

const dangerZone = () => screen.findByRole('region', { name: 'Danger zone' });
const notifications = () => screen.findByRole('region', { name: /Notifications/ });

describe('the life of an organization, from its settings page', () => {
  it('deletes Acme only once its creator types its name, and the page becomes the way back', async () => {
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/settings');
    await user.click(within(await dangerZone()).getByRole('button', { name: 'Delete organization' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Acme?' });
    expect(dialog).toHaveTextContent('you can restore it, exactly as it was, for 14 days');

    const confirm = within(dialog).getByRole('textbox', { name: 'Type Acme to confirm' });
    await user.type(confirm, 'acme');
    await user.click(within(dialog).getByRole('button', { name: 'Delete organization' }));
    // The server refused the lowercase name: said on the field, nothing deleted.
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That is not the organization’s name. Type Acme exactly.',
    );
    expect(confirm).toHaveAccessibleDescription('That is not the organization’s name. Type Acme exactly.');
    expect((await storedAcme()).status).toBe('active');

    await user.clear(confirm);
    await user.type(confirm, 'Acme');
    await user.click(within(dialog).getByRole('button', { name: 'Delete organization' }));

    expect(await screen.findByRole('heading', { name: 'Acme was deleted', level: 1 })).toBeInTheDocument();
    const stored = await storedAcme();
    expect(stored.status).toBe('pending_deletion');
    const date = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric' }).format(
      stored.purge_after!,
    );
    expect(screen.getByText(`Acme is scheduled for deletion on ${date}. Nobody else can open it.`)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(await notifications()).getByText('Acme was deleted')).toBeInTheDocument();
    // Grace, an admin of it a moment ago, no longer has it.
    const graceMe = await as('grace').get<Me>('/api/me');
    expect(graceMe.organizations.map((o) => o.slug)).not.toContain('acme');
  });

  it('shows every page of a deleted org as the deleted page, and Restore brings the pages back', async () => {
    await as('ada').delete(`/api/orgs/${await orgIdOf('acme')}`, { confirm: 'Acme' });
    signInAs('ada');
    const { user, router } = renderOrgPages('/o/acme/workspaces');
    expect(await screen.findByRole('heading', { name: 'Acme was deleted', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Workspaces' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Restore Acme' }));

    expect(await screen.findByRole('heading', { name: 'Workspaces', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/acme/workspaces');
    expect((await storedAcme()).status).toBe('active');
    expect(within(await notifications()).getByText('Acme is back')).toBeInTheDocument();
    const graceMe = await as('grace').get<Me>('/api/me');
    expect(graceMe.organizations.map((o) => o.slug)).toContain('acme');
  });

  it('hands the creator role to Grace once Ada picks her and types the name', async () => {
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/settings');
    const zone = await dangerZone();
    const open = within(zone).getByRole('button', { name: 'Transfer ownership' });
    await waitFor(() => expect(open).toBeEnabled());
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Transfer ownership of Acme' });
    // Only the other admins may take over: Ada herself is not offered.
    expect(
      within(dialog)
        .getAllByRole('radio')
        .map((r) => r.closest('label')?.textContent),
    ).toEqual(['Grace HopperAdmin']);
    await user.click(within(dialog).getByRole('radio', { name: /Grace Hopper/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Type Acme to confirm' }), 'Acm');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer ownership' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Type Acme exactly to confirm.');
    expect((await storedAcme()).created_by).toBe(await userIdOf('ada'));

    await user.type(within(dialog).getByRole('textbox', { name: 'Type Acme to confirm' }), 'e');
    await user.click(within(dialog).getByRole('button', { name: 'Transfer ownership' }));

    expect(await within(await notifications()).findByText('Grace Hopper is now the creator of Acme')).toBeVisible();
    expect((await storedAcme()).created_by).toBe(await userIdOf('grace'));
    // Ada is an admin like any other now: she is told who decides.
    expect(await within(zone).findByText('Grace Hopper')).toBeInTheDocument();
    expect(zone).toHaveTextContent('Grace Hopper created Acme. Only they can transfer ownership or delete');
    expect(within(zone).queryByRole('button', { name: 'Delete organization' })).not.toBeInTheDocument();
  });

  it('says the server’s refusal when the chosen admin was demoted meanwhile', async () => {
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/settings');
    const open = within(await dangerZone()).getByRole('button', { name: 'Transfer ownership' });
    await waitFor(() => expect(open).toBeEnabled());
    await user.click(open);
    const dialog = await screen.findByRole('dialog', { name: 'Transfer ownership of Acme' });
    await user.click(within(dialog).getByRole('radio', { name: /Grace Hopper/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Type Acme to confirm' }), 'Acme');
    // Ada, in another tab, makes Grace a member again.
    const orgId = await orgIdOf('acme');
    const graceId = await userIdOf('grace');
    const { version } = await (
      await testDb()
    )
      .selectFrom('org_members')
      .select('version')
      .where('org_id', '=', orgId)
      .where('user_id', '=', graceId)
      .executeTakeFirstOrThrow();
    await as('ada').patch(`/api/orgs/${orgId}/members/${graceId}`, { role: 'MEMBER', version });

    await user.click(within(dialog).getByRole('button', { name: 'Transfer ownership' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'That person is no longer an admin of the organization. Make them an admin first, or choose another admin.',
    );
    expect((await storedAcme()).created_by).toBe(await userIdOf('ada'));
  });

  it('tells another admin who created the org, offering them only to leave', async () => {
    signInAs('grace');
    renderOrgPages('/o/acme/settings');
    const zone = await dangerZone();
    expect(await within(zone).findByText('Ada Lovelace')).toBeInTheDocument();
    expect(zone).toHaveTextContent(
      'Ada Lovelace created Acme. Only they can transfer ownership or delete the organization.',
    );
    expect(within(zone).queryByRole('button', { name: 'Transfer ownership' })).not.toBeInTheDocument();
    expect(within(zone).queryByRole('button', { name: 'Delete organization' })).not.toBeInTheDocument();
    expect(within(zone).getByRole('button', { name: 'Leave organization' })).toBeInTheDocument();
  });

  it('says why the creator cannot leave, and keeps them in', async () => {
    const orgId = await orgIdOf('acme');
    const { version } = await as('ada').get<{ version: number }>(`/api/orgs/${orgId}/settings`);
    await as('ada').patch(`/api/orgs/${orgId}/settings`, { allowSelfLeave: true, version });
    signInAs('ada');
    const { user, router } = renderOrgPages('/o/acme/settings');
    await user.click(within(await dangerZone()).getByRole('button', { name: 'Leave organization' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Leave Acme?' });
    await user.click(within(confirm).getByRole('button', { name: 'Leave Acme' }));

    const toasts = await notifications();
    expect(await within(toasts).findByText('You are still in Acme')).toBeInTheDocument();
    expect(
      within(toasts).getByText(
        'You created Acme, and it protects its creator, so you cannot leave it. Transfer ownership to another admin first.',
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/acme/settings');
    const adaMe = await as('ada').get<Me>('/api/me');
    expect(adaMe.organizations.map((o) => o.slug)).toContain('acme');
  });
});
