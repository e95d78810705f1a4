import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { NoOrganizationsRoute } from './routes/no-organizations-route.tsx';
import { renderRoute } from '../test/render.tsx';
import { memberCountOf, orgIdOf, testDb, withServerApp } from '../test/server-app/index.ts';
import { signInNewPerson, verifiedAcmeDomain } from '../features/domains/test-domains.ts';

withServerApp();

function renderWelcome() {
  return renderRoute(<NoOrganizationsRoute />, {
    path: '/no-organizations',
    url: '/no-organizations',
    routes: [{ path: '/o/:slug/welcome', element: <p>Welcome page of the org</p> }],
  });
}

/** Caps Acme's seats at what its members and open invitations take now: not one is left. */
async function fillAcme(orgId: string) {
  const db = await testDb();
  const invited = await db
    .selectFrom('invitations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['requested', 'pending'])
    .execute();
  const { settings } = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const memberCap = (await memberCountOf(orgId)) + invited.length;
  await db
    .updateTable('organizations')
    .set({ settings: { ...settings, memberCap } })
    .where('id', '=', orgId)
    .execute();
}

const joinable = () => screen.findByRole('list', { name: 'Organizations you can join' });

describe('joining through a verified domain, from the welcome page', () => {
  it('joins Acme as a member on one click and opens it', async () => {
    await verifiedAcmeDomain('acme.test', 'suggest');
    await signInNewPerson('nora@acme.test');
    const orgId = await orgIdOf('acme');
    const before = await memberCountOf(orgId);
    const { user, router } = renderWelcome();

    const acme = within(await joinable()).getByRole('listitem');
    expect(acme).toHaveTextContent('For people at acme.test. You join as a member.');
    await user.click(within(acme).getByRole('button', { name: 'Join Acme' }));

    expect(await screen.findByText('Welcome page of the org')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/o/acme/welcome');
    expect(await memberCountOf(orgId)).toBe(before + 1);
    const member = await (
      await testDb()
    )
      .selectFrom('org_members')
      .select(['role', 'email'])
      .where('org_id', '=', orgId)
      .where('email', '=', 'nora@acme.test')
      .executeTakeFirst();
    expect(member).toEqual({ role: 'MEMBER', email: 'nora@acme.test' });
  });

  it('asks Acme’s admins when the domain says so, and shows Requested from then on', async () => {
    await verifiedAcmeDomain('acme.test', 'request');
    await signInNewPerson('nora@acme.test');
    const orgId = await orgIdOf('acme');
    const before = await memberCountOf(orgId);
    const { user, unmount } = renderWelcome();

    const acme = within(await joinable()).getByRole('listitem');
    await user.click(within(acme).getByRole('button', { name: 'Ask to join' }));

    expect(await within(acme).findByText('Requested')).toBeInTheDocument();
    expect(within(acme).queryByRole('button')).not.toBeInTheDocument();
    const requests = await (
      await testDb()
    )
      .selectFrom('invitations')
      .select(['email', 'role', 'status'])
      .where('org_id', '=', orgId)
      .where('email_lower', '=', 'nora@acme.test')
      .execute();
    expect(requests).toEqual([{ email: 'nora@acme.test', role: 'MEMBER', status: 'requested' }]);
    expect(await memberCountOf(orgId)).toBe(before);

    // Coming back later, the server's `requested` says so.
    unmount();
    renderWelcome();
    expect(await within(within(await joinable()).getByRole('listitem')).findByText('Requested')).toBeInTheDocument();
  });

  it('says there is no seat left when Acme is full, and leaves the offer in place', async () => {
    await verifiedAcmeDomain('acme.test', 'suggest');
    const orgId = await orgIdOf('acme');
    await fillAcme(orgId);
    await signInNewPerson('nora@acme.test');
    const before = await memberCountOf(orgId);
    const { user, router } = renderWelcome();

    const acme = within(await joinable()).getByRole('listitem');
    await user.click(within(acme).getByRole('button', { name: 'Join Acme' }));

    const toasts = await screen.findByRole('region', { name: /Notifications/ });
    expect(await within(toasts).findByText('Could not join Acme')).toBeInTheDocument();
    expect(within(toasts).getByText('Acme has no seats left. Ask one of its admins to make room.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/no-organizations');
    expect(await memberCountOf(orgId)).toBe(before);
    expect(within(await joinable()).getByRole('button', { name: 'Join Acme' })).toBeEnabled();
  });
});
