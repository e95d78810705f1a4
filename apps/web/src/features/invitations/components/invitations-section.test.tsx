import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { InvitationsSection } from './invitations-section.tsx';
import { SeatUsage } from './seat-usage.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { insertInvitation } from '../../../test/server-app/invitation-rows.ts';

withServerApp();

/** Acme's open invitations, newest first: one pending, one asked for by Linus, one bounced, one expired. */
async function acmeInvitations(orgId: string) {
  await insertInvitation({ orgId, email: 'john.backus@example.com', by: 'ada', status: 'expired', daysAgo: 20 });
  await insertInvitation({
    orgId,
    email: 'rosalind@partner.test',
    by: 'grace',
    lite: true,
    deliveryFailed: true,
    daysAgo: 3,
  });
  await insertInvitation({ orgId, email: 'alan.kay@example.com', by: 'linus', status: 'requested', daysAgo: 2 });
  await insertInvitation({ orgId, email: 'marie.curie@example.com', by: 'ada', daysAgo: 0 });
}

async function renderSection() {
  const orgId = await orgIdOf('acme');
  await acmeInvitations(orgId);
  signInAs('ada');
  return renderRoute(
    <>
      <SeatUsage orgId={orgId} />
      <InvitationsSection orgId={orgId} orgName="Acme" />
    </>,
  );
}

async function seatsInUse(orgId: string): Promise<number> {
  const db = await testDb();
  const members = await db
    .selectFrom('org_members')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const open = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', 'in', ['pending', 'requested'])
    .executeTakeFirstOrThrow();
  return Number(members.n) + Number(open.n);
}

const rowOf = (email: string) => screen.getByText(email).closest('tr')!;

describe('InvitationsSection', () => {
  it('lists open invitations with their status badges, newest first, and the seat usage', async () => {
    const db = await testDb();
    const acme = await db
      .selectFrom('organizations')
      .select(['id', 'settings'])
      .where('slug', '=', 'acme')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('organizations')
      .set({ settings: { ...acme.settings, memberCap: 80 } })
      .where('id', '=', acme.id)
      .execute();
    await renderSection();
    const table = await screen.findByRole('table', { name: 'Invitations' });
    const emails = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.querySelector('.invitation-email')?.textContent);
    expect(emails[0]).toContain('marie.curie@example.com');
    expect(rowOf('marie.curie@example.com')).toHaveTextContent('Pending');
    expect(rowOf('alan.kay@example.com')).toHaveTextContent('Waiting approval');
    expect(rowOf('alan.kay@example.com')).toHaveTextContent('Linus Torvalds');
    expect(rowOf('john.backus@example.com')).toHaveTextContent('Expired');
    expect(rowOf('rosalind@partner.test')).toHaveTextContent('Mail failed');
    expect(rowOf('rosalind@partner.test')).toHaveTextContent('Lite');
    expect(screen.getByText(/of 80 seats/).parentElement).toHaveTextContent(`${await seatsInUse(acme.id)} of 80 seats`);
  });

  it('filters by status through the request', async () => {
    const { user } = await renderSection();
    await screen.findByRole('table', { name: 'Invitations' });
    await user.click(screen.getByRole('combobox', { name: 'Filter invitations by status' }));
    await user.click(await screen.findByRole('option', { name: 'Expired' }));
    await waitFor(() => expect(screen.queryByText('marie.curie@example.com')).not.toBeInTheDocument());
    expect(screen.getByText('john.backus@example.com')).toBeInTheDocument();
  });

  it('revokes after confirmation, and the row and its seat go', async () => {
    const { user } = await renderSection();
    await screen.findByRole('table', { name: 'Invitations' });
    expect(screen.getByText(/seats used/)).toHaveTextContent(`${await seatsInUse(await orgIdOf('acme'))} seats used`);
    await user.click(screen.getByRole('button', { name: 'Actions for the invitation to marie.curie@example.com' }));
    await user.click(await screen.findByRole('menuitem', { name: /Revoke invitation/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('stops working right away');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));
    await waitFor(() => expect(screen.queryByText('marie.curie@example.com')).not.toBeInTheDocument());
  });
});
