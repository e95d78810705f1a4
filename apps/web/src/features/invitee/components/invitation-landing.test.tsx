import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { InvitationLanding } from './invitation-landing.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { invitationStore } from '../../../mocks/invitation-store.ts';

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
  it('offers sign-in and sign-up with the link as next when signed out', async () => {
    renderLanding(EVE_TOKEN);
    expect(await screen.findByRole('heading', { name: 'Join Initech on Roster' })).toBeInTheDocument();
    expect(screen.getByText(/invited you as a/)).toHaveTextContent('Grace Hopper invited you as a Member');
    expect(screen.getByRole('link', { name: 'Create account' })).toHaveAttribute(
      'href',
      `/sign-up?next=${encodeURIComponent(`/invitations/${EVE_TOKEN}`)}`,
    );
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
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
