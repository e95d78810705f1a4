import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { InvitationLanding } from './invitation-landing.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { invitationStore } from '../../../mocks/invitation-store.ts';
import { db } from '../../../mocks/db.ts';

function renderLanding(token: string, viewerEmail: string | null = null) {
  const onSwitchAccount = vi.fn();
  const onAccepted = vi.fn();
  const view = renderRoute(
    <InvitationLanding
      token={token}
      viewerEmail={viewerEmail}
      onSwitchAccount={onSwitchAccount}
      onAccepted={onAccepted}
    />,
  );
  return { ...view, onSwitchAccount, onAccepted };
}

/** Eve's invitation to Initech in the fixtures. */
const EVE_TOKEN = 'tok_inv_101';

describe('InvitationLanding', () => {
  it('lets a newcomer create an account right there, with the invitation’s address', async () => {
    const { user } = renderLanding('tok_inv_001');
    expect(await screen.findByRole('heading', { name: 'Join Acme on Roster' })).toBeInTheDocument();
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('marie.curie@example.com');
    expect(email).toHaveAttribute('readonly');
    expect(screen.getByRole('link', { name: 'Sign in to accept' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent('/invitations/tok_inv_001')}`,
    );
    await user.type(screen.getByLabelText('Name'), 'Marie Curie');
    await user.type(screen.getByLabelText('Password'), 'radium and polonium');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    // Signed in and verified: the invitation is there to accept, on the same page.
    expect(await screen.findByRole('button', { name: 'Accept and join Acme' })).toBeInTheDocument();
    expect(db.people.find((p) => p.email === 'marie.curie@example.com')).toMatchObject({ emailVerified: true });
  });

  it('sends someone who already has an account to sign in (ACCOUNT_EXISTS)', async () => {
    const { user } = renderLanding(EVE_TOKEN);
    expect(await screen.findByText(/invited you as a/)).toHaveTextContent('Grace Hopper invited you as a Member');
    await user.type(screen.getByLabelText('Name'), 'Eve');
    await user.type(screen.getByLabelText('Password'), 'radium and polonium');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You already have an account for this address.');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent(`/invitations/${EVE_TOKEN}`)}`,
    );
  });

  it('says clearly that an expired link has expired', async () => {
    renderLanding('tok_inv_004');
    expect(await screen.findByRole('heading', { name: 'This invitation has expired' })).toBeInTheDocument();
    expect(screen.getByText(/Ask an admin of the organization to send you a new one/)).toBeInTheDocument();
  });

  it('says a revoked link was withdrawn', async () => {
    invitationStore().invitations.find((i) => i.token === EVE_TOKEN)!.status = 'revoked';
    renderLanding(EVE_TOKEN);
    expect(await screen.findByRole('heading', { name: 'This invitation was withdrawn' })).toBeInTheDocument();
  });

  it('tells a wrong account whose invitation it is and offers to switch', async () => {
    signInAs('linus');
    const { user, onSwitchAccount } = renderLanding(EVE_TOKEN, 'linus@acme.test');
    expect(await screen.findByText('This invitation is for another email address')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('You’re signed in as linus@acme.test');
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Switch account' }));
    expect(onSwitchAccount).toHaveBeenCalled();
  });

  it('accepts for the invited account', async () => {
    signInAs('eve');
    const { user, onAccepted } = renderLanding(EVE_TOKEN, 'ext@partner.test');
    await user.click(await screen.findByRole('button', { name: 'Accept and join Initech' }));
    await vi.waitFor(() =>
      expect(onAccepted).toHaveBeenCalledWith({ orgId: 'org_initech', role: 'MEMBER', alreadyMember: false }),
    );
  });
});
