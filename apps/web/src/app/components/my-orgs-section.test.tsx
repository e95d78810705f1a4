import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderRoute } from '../../test/render.tsx';
import { as, orgIdOf, signInAs, withServerApp, type DemoPerson } from '../../test/server-app/index.ts';
import { AccountRoute } from '../routes/account-route.tsx';

withServerApp();

function renderAccount() {
  return renderRoute(<AccountRoute />, { path: '/account', url: '/account' });
}

/** Clicks Leave on the org's row and confirms. */
async function leave(user: ReturnType<typeof renderAccount>['user'], orgName: string) {
  const list = await screen.findByRole('list', { name: 'Your organizations' });
  const row = within(list).getByText(orgName).closest('li')!;
  await user.click(within(row).getByRole('button', { name: 'Leave organization' }));
  await user.click(await screen.findByRole('button', { name: `Leave ${orgName}` }));
}

async function letMembersLeave(admin: DemoPerson) {
  const acme = await orgIdOf('acme');
  const { version } = await as(admin).get<{ version: number }>(`/api/orgs/${acme}/settings`);
  await as(admin).patch(`/api/orgs/${acme}/settings`, { allowSelfLeave: true, version });
}

const notices = () => screen.findByRole('region', { name: /Notifications/ });

describe('Your organizations, on the account page', () => {
  it('explains why leaving is refused, and lets a member go once the org allows it', async () => {
    signInAs('linus');
    const { user } = renderAccount();
    await leave(user, 'Acme');
    expect(await within(await notices()).findByText(/does not allow people to leave on their own/)).toBeVisible();
    expect(within(screen.getByRole('list', { name: 'Your organizations' })).getByText('Acme')).toBeVisible();

    await letMembersLeave('ada');
    await leave(user, 'Acme');
    expect(await screen.findByText(/You are not in any organization/)).toBeVisible();
  });

  it('marks the org you created, and tells its creator to hand it over first', async () => {
    await letMembersLeave('grace');
    signInAs('ada');
    const { user } = renderAccount();
    const list = await screen.findByRole('list', { name: 'Your organizations' });
    expect(within(list).getByText('Creator')).toBeVisible();
    await leave(user, 'Acme');
    expect(await within(await notices()).findByText(/Transfer ownership to another admin first/)).toBeVisible();
  });
});
