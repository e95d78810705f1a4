import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { CreateInvitationsResponse, InvitationLink, OrgResponse, OrgRole } from '@roster/contracts';
import { InvitationLanding } from './invitation-landing.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { as, orgIdOf, signInAs, testDb, withServerApp, type DemoPerson } from '../../../test/server-app/index.ts';

withServerApp();

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

interface SentInvitation {
  id: string;
  version: number;
  token: string;
}

/** An invitation sent through the API, and its link as an admin copies it (the token the mail carries). */
async function invite(by: DemoPerson, orgId: string, email: string, role: OrgRole = 'MEMBER'): Promise<SentInvitation> {
  const { results } = await as(by).post<CreateInvitationsResponse>(`/api/orgs/${orgId}/invitations`, {
    emails: [email],
    role,
  });
  const id = results[0]?.invitationId;
  if (!id) throw new Error(`${email} was not invited: ${JSON.stringify(results)}`);
  const { url, invitation } = await as(by).post<InvitationLink>(`/api/orgs/${orgId}/invitations/${id}/link`);
  return { id, version: invitation.version, token: new URL(url).pathname.split('/').pop()! };
}

/** Grace founds Initech, where Eve (who has an account, in Acme) is not a member, and invites her. */
async function graceInvitesEveToInitech() {
  const { org } = await as('grace').post<OrgResponse>('/api/orgs', { name: 'Initech' });
  return { orgId: org.id, ...(await invite('grace', org.id, 'ext@partner.test')) };
}

describe('InvitationLanding', () => {
  it('lets a newcomer create an account right there, with the invitation’s address', async () => {
    const { token } = await invite('ada', await orgIdOf('acme'), 'marie.curie@example.com');
    const { user } = renderLanding(token);
    expect(await screen.findByRole('heading', { name: 'Join Acme on Roster' })).toBeInTheDocument();
    const email = screen.getByLabelText('Email');
    expect(email).toHaveValue('marie.curie@example.com');
    expect(email).toHaveAttribute('readonly');
    expect(screen.getByRole('link', { name: 'Sign in to accept' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`,
    );
    await user.type(screen.getByLabelText('Name'), 'Marie Curie');
    await user.type(screen.getByLabelText('Password'), 'radium and polonium');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    // Signed in and verified: the invitation is there to accept, on the same page.
    expect(await screen.findByRole('button', { name: 'Accept and join Acme' })).toBeInTheDocument();
    const account = await (
      await testDb()
    )
      .selectFrom('users')
      .select('email_verified')
      .where('email', '=', 'marie.curie@example.com')
      .executeTakeFirst();
    expect(account).toEqual({ email_verified: true });
  });

  it('sends someone who already has an account to sign in (ACCOUNT_EXISTS)', async () => {
    const { token } = await graceInvitesEveToInitech();
    const { user } = renderLanding(token);
    expect(await screen.findByText(/invited you as a/)).toHaveTextContent('Grace Hopper invited you as a Member');
    await user.type(screen.getByLabelText('Name'), 'Eve');
    await user.type(screen.getByLabelText('Password'), 'radium and polonium');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You already have an account for this address.');
    expect(within(alert).getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      `/sign-in?next=${encodeURIComponent(`/invitations/${token}`)}`,
    );
  });

  it('says clearly that an expired link has expired', async () => {
    const { id, token } = await invite('ada', await orgIdOf('acme'), 'late.comer@example.com');
    // A week passing is what expires a link; the database moves its end into the past instead.
    await (
      await testDb()
    )
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', id)
      .execute();
    renderLanding(token);
    expect(await screen.findByRole('heading', { name: 'This invitation has expired' })).toBeInTheDocument();
    expect(screen.getByText(/Ask an admin of the organization to send you a new one/)).toBeInTheDocument();
  });

  it('says a revoked link was withdrawn', async () => {
    const { orgId, id, version, token } = await graceInvitesEveToInitech();
    await as('grace').post(`/api/orgs/${orgId}/invitations/${id}/revoke`, { version });
    renderLanding(token);
    expect(await screen.findByRole('heading', { name: 'This invitation was withdrawn' })).toBeInTheDocument();
  });

  it('tells a wrong account whose invitation it is and offers to switch', async () => {
    const { token } = await graceInvitesEveToInitech();
    signInAs('linus');
    const { user, onSwitchAccount } = renderLanding(token, 'linus@acme.test');
    expect(await screen.findByText('This invitation is for another email address')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('You’re signed in as linus@acme.test');
    expect(screen.queryByRole('button', { name: /Accept/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Switch account' }));
    expect(onSwitchAccount).toHaveBeenCalled();
  });

  it('accepts for the invited account', async () => {
    const { orgId, token } = await graceInvitesEveToInitech();
    signInAs('ext');
    const { user, onAccepted } = renderLanding(token, 'ext@partner.test');
    await user.click(await screen.findByRole('button', { name: 'Accept and join Initech' }));
    await vi.waitFor(() => expect(onAccepted).toHaveBeenCalledWith({ orgId, role: 'MEMBER', alreadyMember: false }));
  });
});
