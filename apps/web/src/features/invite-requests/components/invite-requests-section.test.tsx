import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { InviteRequestsSection } from './invite-requests-section.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { governanceOf } from '../../../mocks/governance-db.ts';

const ORG = 'org_acme';

function renderRequests() {
  signInAs('ada');
  return renderRoute(<InviteRequestsSection orgId={ORG} />);
}

describe('InviteRequestsSection', () => {
  it('approves a request with adjusted terms', async () => {
    const { user } = renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for ken@contractor.test' });
    expect(within(row).getByText('Linus Torvalds')).toBeInTheDocument();
    expect(within(row).getByText(/Platform \(Member\)/)).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Approve request for ken@contractor.test' }));
    const dialog = await screen.findByRole('dialog', { name: /Approve the invitation for ken@contractor.test/ });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Design' }));
    await user.click(within(dialog).getByRole('button', { name: 'Approve and send' }));

    await screen.findByText('Invitation sent to ken@contractor.test');
    expect(screen.queryByRole('listitem', { name: 'Request for ken@contractor.test' })).not.toBeInTheDocument();
    const stored = governanceOf(findOrg(ORG)!).requests.find((r) => r.request.email === 'ken@contractor.test')!;
    expect(stored.status).toBe('pending');
    expect(stored.request.workspaces.map((w) => w.name).sort()).toEqual(['Design', 'Platform']);
  });

  it('says who already decided a request, and when', async () => {
    const { user } = renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for margaret.h@partner.test' });
    // Grace decides it first, in another tab.
    const stored = governanceOf(findOrg(ORG)!).requests.find((r) => r.request.email === 'margaret.h@partner.test')!;
    Object.assign(stored, {
      status: 'pending',
      decidedBy: { id: 'usr_grace', name: 'Grace Hopper' },
      decidedAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    });

    await user.click(within(row).getByRole('button', { name: /Approve request/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve and send' }));

    expect(
      await within(dialog).findByText('Grace Hopper already approved this request 2 min ago.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('rejects with a reason the requester will see', async () => {
    const { user } = renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for margaret.h@partner.test' });
    await user.click(within(row).getByRole('button', { name: /Reject request/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reason/), 'Use the partner portal');
    await user.click(within(dialog).getByRole('button', { name: 'Reject request' }));
    await screen.findByText('Request for margaret.h@partner.test rejected');
    const stored = governanceOf(findOrg(ORG)!).requests.find((r) => r.request.email === 'margaret.h@partner.test')!;
    expect(stored).toMatchObject({ status: 'rejected', reason: 'Use the partner portal' });
  });
});
