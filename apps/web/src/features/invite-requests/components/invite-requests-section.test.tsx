import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { InviteRequestsSection } from './invite-requests-section.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, withServerApp, workspaceOf } from '../../../test/server-app/index.ts';
import { insertInvitation } from '../../../test/server-app/invitation-rows.ts';

withServerApp();

/** Linus asked for two invitations: Ken into Platform, and Margaret, a partner, as a lite guest. */
async function linusRequests(orgId: string) {
  const platform = await workspaceOf(orgId, 'Platform');
  const ken = await insertInvitation({
    orgId,
    email: 'ken@contractor.test',
    by: 'linus',
    status: 'requested',
    daysAgo: 1,
    workspaces: [{ workspaceId: platform.id, role: 'MEMBER' }],
  });
  const margaret = await insertInvitation({
    orgId,
    email: 'margaret.h@partner.test',
    by: 'linus',
    status: 'requested',
    lite: true,
    daysAgo: 2,
  });
  return { ken, margaret };
}

async function renderRequests() {
  const orgId = await orgIdOf('acme');
  const requests = await linusRequests(orgId);
  signInAs('ada');
  return { ...renderRoute(<InviteRequestsSection orgId={orgId} />), orgId, requests };
}

async function storedInvitation(id: string) {
  const db = await testDb();
  const row = await db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const workspaces = await db
    .selectFrom('invitation_workspaces')
    .innerJoin('workspaces', 'workspaces.id', 'invitation_workspaces.workspace_id')
    .select('workspaces.name')
    .where('invitation_id', '=', id)
    .execute();
  return { ...row, workspaces: workspaces.map((w) => w.name).sort() };
}

describe('InviteRequestsSection', () => {
  it('approves a request with adjusted terms', async () => {
    const { user, requests } = await renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for ken@contractor.test' });
    expect(within(row).getByText('Linus Torvalds')).toBeInTheDocument();
    expect(within(row).getByText(/Platform \(Member\)/)).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Approve request for ken@contractor.test' }));
    const dialog = await screen.findByRole('dialog', { name: /Approve the invitation for ken@contractor.test/ });
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Design' }));
    await user.click(within(dialog).getByRole('button', { name: 'Approve and send' }));

    await screen.findByText('Invitation sent to ken@contractor.test');
    expect(screen.queryByRole('listitem', { name: 'Request for ken@contractor.test' })).not.toBeInTheDocument();
    const stored = await storedInvitation(requests.ken);
    expect(stored.status).toBe('pending');
    expect(stored.workspaces).toEqual(['Design', 'Platform']);
  });

  it('says who already decided a request, and when', async () => {
    const { user, orgId, requests } = await renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for margaret.h@partner.test' });
    // Grace decides it first, in another tab, two minutes ago.
    await as('grace').post(`/api/orgs/${orgId}/invite-requests/${requests.margaret}/approve`, { version: 1 });
    await (
      await testDb()
    )
      .updateTable('invitations')
      .set({ request_decided_at: new Date(Date.now() - 2 * 60_000) })
      .where('id', '=', requests.margaret)
      .execute();

    await user.click(within(row).getByRole('button', { name: /Approve request/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Approve and send' }));

    expect(
      await within(dialog).findByText('Grace Hopper already approved this request 2 min ago.'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
  });

  it('rejects with a reason the requester will see', async () => {
    const { user, requests } = await renderRequests();
    const row = await screen.findByRole('listitem', { name: 'Request for margaret.h@partner.test' });
    await user.click(within(row).getByRole('button', { name: /Reject request/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/Reason/), 'Use the partner portal');
    await user.click(within(dialog).getByRole('button', { name: 'Reject request' }));
    await screen.findByText('Request for margaret.h@partner.test rejected');
    expect(await storedInvitation(requests.margaret)).toMatchObject({
      status: 'rejected',
      request_reason: 'Use the partner portal',
    });
  });
});
