import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { InvitationsSection } from './invitations-section.tsx';
import { SeatUsage } from './seat-usage.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';

const ORG = 'org_acme';

function renderSection() {
  signInAs('ada');
  return renderRoute(
    <>
      <SeatUsage orgId={ORG} />
      <InvitationsSection orgId={ORG} orgName="Acme" />
    </>,
  );
}

const rowOf = (email: string) => screen.getByText(email).closest('tr')!;

describe('InvitationsSection', () => {
  it('lists open invitations with their status badges, newest first, and the seat usage', async () => {
    findOrg(ORG)!.settings = { ...findOrg(ORG)!.settings, memberCap: 80 };
    renderSection();
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
    expect(screen.getByText(/of 80 seats/).parentElement).toHaveTextContent('64 of 80 seats');
  });

  it('filters by status through the request', async () => {
    const { user } = renderSection();
    await screen.findByRole('table', { name: 'Invitations' });
    await user.click(screen.getByRole('combobox', { name: 'Filter invitations by status' }));
    await user.click(await screen.findByRole('option', { name: 'Expired' }));
    await waitFor(() => expect(screen.queryByText('marie.curie@example.com')).not.toBeInTheDocument());
    expect(screen.getByText('john.backus@example.com')).toBeInTheDocument();
  });

  it('revokes after confirmation, and the row and its seat go', async () => {
    const { user } = renderSection();
    await screen.findByRole('table', { name: 'Invitations' });
    expect(screen.getByText(/seats used/)).toHaveTextContent('64 seats used');
    await user.click(screen.getByRole('button', { name: 'Actions for the invitation to marie.curie@example.com' }));
    await user.click(await screen.findByRole('menuitem', { name: /Revoke invitation/ }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('stops working right away');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));
    await waitFor(() => expect(screen.queryByText('marie.curie@example.com')).not.toBeInTheDocument());
  });
});
