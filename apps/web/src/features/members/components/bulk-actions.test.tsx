import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MembersPage } from './members-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';

const ORG = 'org_acme';

function renderMembers(url = `/orgs/${ORG}/members`) {
  const ada = signInAs('ada');
  return renderRoute(<MembersPage orgId={ORG} orgName="Acme" viewerId={ada.id} viewerRole="ADMIN" />, {
    path: '/orgs/:orgId/members',
    url,
  });
}

describe('bulk actions', () => {
  it('previews the impact, then streams per-row results and a summary', async () => {
    const { user } = renderMembers();
    await screen.findByText('60 members');
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
    const left = findOrg(ORG)!.members.map((m) => m.name);
    expect(left).toContain('Ada Lovelace');
    expect(left).not.toContain(names[1]);
    expect(left).not.toContain(names[2]);
  });

  it('selects everyone matching the filter and changes their role', async () => {
    const { user } = renderMembers(`/orgs/${ORG}/members?role=EXTERNAL`);
    await screen.findByText(/members match/);
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded members' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    const total = findOrg(ORG)!.members.filter((m) => m.role === 'EXTERNAL').length;
    // Every matching row is loaded here, so "select all matching" is not needed.
    expect(bar).toHaveTextContent(`${total} selected`);
    await user.click(within(bar).getByRole('button', { name: 'Change role…' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(new RegExp(`^Makes ${total} people Member`))).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: `Make ${total} people Member` })).toBeEnabled();
  });

  it('asks to type the count before removing more than ten people', async () => {
    const { user } = renderMembers();
    await screen.findByText('60 members');
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
