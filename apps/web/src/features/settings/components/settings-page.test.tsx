import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { SettingsPage } from './settings-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { governanceOf } from '../../../mocks/governance-db.ts';

const ORG = 'org_acme';

function renderSettings(role: 'ADMIN' | 'MEMBER' = 'ADMIN') {
  signInAs(role === 'ADMIN' ? 'ada' : 'linus');
  return renderRoute(
    <SettingsPage orgId={ORG} orgName="Acme" viewerRole={role} allowSelfLeave={false} onLeft={() => {}} />,
  );
}

describe('SettingsPage', () => {
  it('saves only what changed, with the version it was read at', async () => {
    const { user } = renderSettings();
    const adminsOnly = await screen.findByRole('radio', { name: /Admins only/ });
    expect(screen.getByRole('radio', { name: /Members request/ })).toBeChecked();
    await user.click(adminsOnly);
    await user.click(screen.getByRole('switch', { name: /Allow people to leave on their own/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('All changes saved');
    const org = findOrg(ORG)!;
    expect(org.settings).toMatchObject({ invitePolicy: 'admins_only', allowSelfLeave: true, inviteTtlHours: 168 });
    expect(governanceOf(org).settingsVersion).toBe(2);
  });

  it('on a conflict, lists what changed meanwhile and loads the current values', async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Members can view the member directory/ }));
    // Grace saves first.
    const org = findOrg(ORG)!;
    org.settings = { ...org.settings, invitePolicy: 'anyone' };
    governanceOf(org).settingsVersion = 2;

    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else changed these settings while you were editing');
    expect(alert).toHaveTextContent('Invite policy: Members request → Anyone');
    await waitFor(() => expect(screen.getByRole('radio', { name: /Anyone/ })).toBeChecked());
    expect(screen.getByRole('switch', { name: /Members can view the member directory/ })).not.toBeChecked();
    expect(org.settings.membersCanViewDirectory).toBe(false);
  });

  it('checks numbers before sending them', async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Enter a whole number of seats, 1 or more.')).toBeInTheDocument();
  });

  it('is "Access restricted" for anyone but admins', async () => {
    renderSettings('MEMBER');
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
  });
});
