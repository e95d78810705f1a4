import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { demoPeople } from '../../../mocks/fixtures/people.ts';

const ORG = 'org_acme';
const DESIGN = 'ws_design';

/** Grace owns Design alone: every other owner of it becomes a plain member. */
function graceOwnsDesignAlone() {
  for (const member of findOrg(ORG)!.members) {
    if (member.userId === demoPeople.grace.id) continue;
    for (const grant of member.workspaces) if (grant.id === DESIGN && grant.role === 'OWNER') grant.role = 'MEMBER';
  }
}

const grantIn = (userId: string) =>
  findOrg(ORG)!
    .members.find((m) => m.userId === userId)
    ?.workspaces.find((w) => w.id === DESIGN);

function renderMembers(query: string) {
  const viewer = signInAs('ada');
  return renderRoute(<MembersPage orgId={ORG} orgName="Acme" viewerId={viewer.id} viewerRole="ADMIN" />, {
    path: '/orgs/:orgId/members',
    url: `/orgs/${ORG}/members?q=${query}`,
  });
}

/** Picks, in the open dialog, the first person offered as Design's new owner; returns their name. */
async function pickNewDesignOwner(user: ReturnType<typeof renderMembers>['user'], dialog: HTMLElement) {
  await user.click(await within(dialog).findByRole('combobox', { name: 'New owner of Design' }));
  const options = await screen.findAllByRole('option');
  const first = options.find((o) => !/Nobody/.test(o.textContent ?? ''))!;
  const name = (first.textContent ?? '').replace(/(Owner|Member|Viewer) in Design$/, '').trim();
  await user.click(first);
  return name;
}

describe('the only owner of a workspace', () => {
  it('is removed after a warning that offers a new owner, who owns the workspace first', async () => {
    graceOwnsDesignAlone();
    const { user } = renderMembers('grace');
    await user.click(await screen.findByRole('button', { name: 'Actions for Grace Hopper' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Grace Hopper from Acme?' });
    expect(await within(dialog).findByText('Design will have no owner')).toBeInTheDocument();

    const newOwner = await pickNewDesignOwner(user, dialog);
    expect(within(dialog).getByRole('combobox', { name: 'New owner of Design' })).toHaveTextContent(newOwner);
    await user.click(within(dialog).getByRole('button', { name: 'Remove Grace Hopper' }));

    expect(await screen.findByText('Removed Grace Hopper from Acme')).toBeInTheDocument();
    const owner = findOrg(ORG)!.members.find((m) => m.name === newOwner)!;
    expect(grantIn(owner.userId)?.role).toBe('OWNER');
    expect(findOrg(ORG)!.members.some((m) => m.userId === demoPeople.grace.id)).toBe(false);
  });

  it('can be removed leaving the workspace without an owner, when nobody is picked', async () => {
    graceOwnsDesignAlone();
    const { user } = renderMembers('grace');
    await user.click(await screen.findByRole('button', { name: 'Actions for Grace Hopper' }));
    await user.click(await screen.findByRole('menuitem', { name: /Remove from organization/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Grace Hopper from Acme?' });
    await within(dialog).findByText('Design will have no owner');
    await user.click(within(dialog).getByRole('button', { name: 'Remove Grace Hopper' }));

    expect(await screen.findByText('Removed Grace Hopper from Acme')).toBeInTheDocument();
    const owners = findOrg(ORG)!.members.filter((m) => m.workspaces.some((w) => w.id === DESIGN && w.role === 'OWNER'));
    expect(owners).toEqual([]);
  });

  it('made External is asked first, told they stop owning it, and offered a new owner', async () => {
    graceOwnsDesignAlone();
    // Grace is an admin: another admin keeps the org from losing its last one.
    const { user } = renderMembers('grace');
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /^External/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper External?' });
    expect(dialog).toHaveTextContent('Externals never own a workspace: Grace Hopper stays in Design as a member');
    await within(dialog).findByText('Design will have no owner');

    const newOwner = await pickNewDesignOwner(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Make External' }));

    await waitFor(() =>
      expect(findOrg(ORG)!.members.find((m) => m.userId === demoPeople.grace.id)!.role).toBe('EXTERNAL'),
    );
    const owner = findOrg(ORG)!.members.find((m) => m.name === newOwner)!;
    expect(grantIn(owner.userId)?.role).toBe('OWNER');
    expect(grantIn(demoPeople.grace.id)?.role).not.toBe('OWNER');
  });

  it('made Member (not External) keeps the workspace and is asked only about admin', async () => {
    graceOwnsDesignAlone();
    const { user } = renderMembers('grace');
    await user.click(await screen.findByRole('combobox', { name: 'Role for Grace Hopper' }));
    await user.click(await screen.findByRole('option', { name: /^Member/ }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Make Grace Hopper Member?' });
    expect(within(dialog).queryByText(/will have no owner/)).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox')).not.toBeInTheDocument();
  });
});
