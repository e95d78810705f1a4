import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, userIdOf, withServerApp } from '../../../test/server-app/index.ts';

withServerApp();

async function renderMembers(query = '') {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  const view = renderRoute(
    <MembersPage orgId={orgId} orgName="Acme" viewerId={await userIdOf('ada')} viewerRole="ADMIN" />,
    { path: '/orgs/:orgId/members', url: `/orgs/${orgId}/members${query}` },
  );
  return { ...view, orgId };
}

/** The seed has one external (Eve); two generated members become lite externals too. */
async function twoMoreExternals() {
  const db = await testDb();
  const orgId = await orgIdOf('acme');
  const two = await db
    .selectFrom('org_members')
    .innerJoin('users', 'users.id', 'org_members.user_id')
    .select('org_members.user_id')
    .where('org_members.org_id', '=', orgId)
    .where('org_members.role', '=', 'MEMBER')
    .where('users.email', '!=', 'linus@acme.test')
    .limit(2)
    .execute();
  await db
    .updateTable('org_members')
    .set({ role: 'EXTERNAL', lite: true })
    .where('org_id', '=', orgId)
    .where(
      'user_id',
      'in',
      two.map((m) => m.user_id),
    )
    .execute();
}

async function membersOf(orgId: string) {
  return (await testDb())
    .selectFrom('org_members')
    .innerJoin('users', 'users.id', 'org_members.user_id')
    .select(['users.name', 'org_members.role'])
    .where('org_members.org_id', '=', orgId)
    .execute();
}

describe('bulk actions', () => {
  it('previews the impact, then streams per-row results and a summary', async () => {
    const { user, orgId } = await renderMembers();
    await screen.findByText(`${(await membersOf(orgId)).length} members`);
    const boxes = screen.getAllByRole('checkbox', { name: /^Select (?!all)/ }).slice(0, 3);
    const names = boxes.map((b) => b.getAttribute('aria-label')!.replace('Select ', ''));
    expect(names[0]).toBe('Ada Lovelace');
    for (const box of boxes) await user.click(box);
    expect(screen.getByRole('region', { name: 'Bulk actions' })).toHaveTextContent('3 selected');

    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: /^Remove \d people from Acme\?$/ });
    expect(await within(dialog).findByText(/^Removes 2 people from Acme/)).toBeInTheDocument();
    // Once the preview is in, the title and the button count the same people.
    expect(dialog).toHaveAccessibleName('Remove 2 people from Acme?');
    expect(within(dialog).getByText('Ada Lovelace: You can’t remove yourself')).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/^Type \d+ to confirm/)).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Remove 2 people' }));

    const results = await within(dialog).findByRole('list', { name: 'Results' });
    expect(await within(dialog).findByText(/Finished: 2 done · 1 protected/)).toBeInTheDocument();
    expect(within(results).getAllByRole('listitem')).toHaveLength(3);
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
    const left = (await membersOf(orgId)).map((m) => m.name);
    expect(left).toContain('Ada Lovelace');
    expect(left).not.toContain(names[1]);
    expect(left).not.toContain(names[2]);
  });

  it('selects everyone matching the filter and changes their role', async () => {
    await twoMoreExternals();
    const { user, orgId } = await renderMembers('?role=EXTERNAL');
    await screen.findByText(/members match/);
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded members' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    const total = (await membersOf(orgId)).filter((m) => m.role === 'EXTERNAL').length;
    // Every matching row is loaded here, so "select all matching" is not needed.
    expect(bar).toHaveTextContent(`${total} selected`);
    await user.click(within(bar).getByRole('button', { name: 'Change role…' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(new RegExp(`^Makes ${total} people Member`))).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: `Make ${total} people Member` })).toBeEnabled();
  });

  it('asks to type the count before removing more than ten people', async () => {
    const { user, orgId } = await renderMembers();
    await screen.findByText(`${(await membersOf(orgId)).length} members`);
    for (const box of screen.getAllByRole('checkbox', { name: /^Select (?!all)/ }).slice(1, 13)) await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: /^Remove \d+ people from Acme\?$/ });
    const typed = await within(dialog).findByLabelText('Type 12 to confirm removing 12 people');
    const remove = within(dialog).getByRole('button', { name: 'Remove 12 people' });
    expect(remove).toBeDisabled();
    await user.type(typed, '11');
    expect(remove).toBeDisabled();
    await user.clear(typed);
    await user.type(typed, '12');
    expect(remove).toBeEnabled();
  });
});
