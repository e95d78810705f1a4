import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, userIdOf, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';

withServerApp();

/** In the demo seed Grace, an admin, owns Design alone: each test starts by checking that. */
async function graceOwnsDesignAlone() {
  const design = await designId();
  expect(await designOwners(design)).toEqual(['Grace Hopper']);
}

const designId = async () => (await workspaceOf(await orgIdOf('acme'), 'Design')).id;

async function designOwners(workspaceId: string): Promise<string[]> {
  const rows = await (
    await testDb()
  )
    .selectFrom('workspace_members')
    .innerJoin('users', 'users.id', 'workspace_members.user_id')
    .select('users.name')
    .where('workspace_id', '=', workspaceId)
    .where('workspace_members.role', '=', 'OWNER')
    .execute();
  return rows.map((r) => r.name);
}

async function orgRoleOf(userId: string) {
  const row = await (
    await testDb()
  )
    .selectFrom('org_members')
    .select('role')
    .where('user_id', '=', userId)
    .where('org_id', '=', await orgIdOf('acme'))
    .executeTakeFirst();
  return row?.role ?? null;
}

async function renderMembers(query: string) {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  return renderRoute(<MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf('ada')} viewerRole="ADMIN" />, {
    path: '/orgs/:orgId/members',
    url: `/orgs/${orgId}/members?q=${query}`,
  });
}

/** Picks, in the open dialog, the first person offered as Design's new owner; returns their name. */
async function pickNewDesignOwner(user: Awaited<ReturnType<typeof renderMembers>>['user'], dialog: HTMLElement) {
  await user.click(await within(dialog).findByRole('combobox', { name: 'New owner of Design' }));
  const options = await screen.findAllByRole('option');
  const first = options.find((o) => !/Nobody/.test(o.textContent ?? ''))!;
  const name = (first.textContent ?? '').replace(/(Owner|Member|Viewer) in Design$/, '').trim();
  await user.click(first);
  return name;
}

describe('the only owner of a workspace', () => {
  it('is removed after a warning that offers a new owner, who owns the workspace first', async () => {
    await graceOwnsDesignAlone();
    const { user } = await renderMembers('grace');
    await user.click(await screen.findByRole('button', { name: 'Actions for Grace Hopper' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Grace Hopper from Acme?' });
    expect(await within(dialog).findByText('Design will have no owner')).toBeInTheDocument();

    const newOwner = await pickNewDesignOwner(user, dialog);
    expect(within(dialog).getByRole('combobox', { name: 'New owner of Design' })).toHaveTextContent(newOwner);
    await user.click(within(dialog).getByRole('button', { name: 'Remove Grace Hopper' }));

    expect(await screen.findByText('Removed Grace Hopper from Acme')).toBeInTheDocument();
    expect(await designOwners(await designId())).toEqual([newOwner]);
    expect(await orgRoleOf(await userIdOf('grace'))).toBeNull();
  });

  it('can be removed leaving the workspace without an owner, when nobody is picked', async () => {
    await graceOwnsDesignAlone();
    const { user } = await renderMembers('grace');
    await user.click(await screen.findByRole('button', { name: 'Actions for Grace Hopper' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Grace Hopper from Acme?' });
    await within(dialog).findByText('Design will have no owner');
    await user.click(within(dialog).getByRole('button', { name: 'Remove Grace Hopper' }));

    expect(await screen.findByText('Removed Grace Hopper from Acme')).toBeInTheDocument();
    expect(await designOwners(await designId())).toEqual([]);
  });

  it('made External is asked first, told they stop owning it, and offered a new owner', async () => {
    await graceOwnsDesignAlone();
    // Grace is an admin: another admin keeps the org from losing its last one.
    const { user } = await renderMembers('grace');
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /^External/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper External?' });
    expect(dialog).toHaveTextContent('Externals never own a workspace: Grace Hopper stays in Design as a member');
    await within(dialog).findByText('Design will have no owner');

    const newOwner = await pickNewDesignOwner(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Make External' }));

    const graceId = await userIdOf('grace');
    await waitFor(async () => expect(await orgRoleOf(graceId)).toBe('EXTERNAL'));
    expect(await designOwners(await designId())).toEqual([newOwner]);
  });

  it('made Member (not External) keeps the workspace and is asked only about admin', async () => {
    await graceOwnsDesignAlone();
    const { user } = await renderMembers('grace');
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' });
    expect(within(dialog).queryByText(/will have no owner/)).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
  });
});
