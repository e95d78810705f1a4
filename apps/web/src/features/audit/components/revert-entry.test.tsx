import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderOrgPages } from '../../../test/render-org-pages.tsx';
import { as, orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

vi.mock('../../../lib/socket.ts', async () => {
  const { FakeSocket } = await import('../../../lib/test-support/fake-socket.ts');
  const socket = new FakeSocket();
  return { getSocket: () => socket, connectSocket: () => {}, disconnectSocket: () => {} };
});

withServerApp();

async function linus() {
  const orgId = await orgIdOf('acme');
  const userId = await userIdOf('linus');
  const row = await (
    await testDb()
  )
    .selectFrom('org_members')
    .select(['role', 'version'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { orgId, userId, ...row };
}

async function graceMakesLinusAdmin() {
  const { orgId, userId, version } = await linus();
  await as('grace').patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'ADMIN', version });
}

const rowWith = async (text: string) =>
  (await within(await screen.findByRole('table', { name: 'Audit log' })).findByText(text)).closest('tr') as HTMLElement;

describe('reverting an entry', () => {
  it('asks first, saying what goes back, then reverts and the entry names who reverted it', async () => {
    await graceMakesLinusAdmin();
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/audit');
    const row = await rowWith('Role: Member → Admin');

    await user.click(within(row).getByRole('button', { name: 'Revert: Linus Torvalds' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Revert this change?' });
    expect(within(ask).getByText('Role: Admin → Member')).toBeInTheDocument();
    await user.click(within(ask).getByRole('button', { name: 'Revert' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await within(await rowWith('Role: Member → Admin')).findByText('Reverted by Ada Lovelace')).toBeVisible();
    expect((await linus()).role).toBe('MEMBER');
  });

  it('says who changed the person since, and reverts over their change only when asked again', async () => {
    await graceMakesLinusAdmin();
    signInAs('ada');
    const { user } = renderOrgPages('/o/acme/audit');
    const row = await rowWith('Role: Member → Admin');
    const { orgId, userId, version } = await linus();
    await as('grace').patch(`/api/orgs/${orgId}/members/${userId}`, { role: 'EXTERNAL', version });

    await user.click(within(row).getByRole('button', { name: 'Revert: Linus Torvalds' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Revert this change?' });
    await user.click(within(ask).getByRole('button', { name: 'Revert' }));
    expect(await within(ask).findByText(/Grace Hopper changed this after the entry was logged/)).toBeVisible();
    expect((await linus()).role).toBe('EXTERNAL');

    await user.click(within(ask).getByRole('button', { name: 'Revert anyway' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect((await linus()).role).toBe('MEMBER');
  });

  it('offers no revert on entries that cannot be reverted', async () => {
    const orgId = await orgIdOf('acme');
    await as('ada').post(`/api/orgs/${orgId}/workspaces`, { name: 'Archive' });
    signInAs('ada');
    renderOrgPages('/o/acme/audit');
    const row = await rowWith('Created a workspace');
    expect(within(row).queryByRole('button', { name: /Revert/ })).not.toBeInTheDocument();
  });
});
