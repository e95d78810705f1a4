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
    const dialog = await screen.findByRole('dialog', { name: 'Remove 3 members from Acme?' });
    expect(await within(dialog).findByText(/Removes 2 members from \d+ workspaces?/)).toBeInTheDocument();
    expect(within(dialog).getByText('Ada Lovelace: You can’t remove yourself')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Remove 2' }));

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
    expect(await within(dialog).findByText(/Makes .* members members/)).toBeInTheDocument();
  });
});
