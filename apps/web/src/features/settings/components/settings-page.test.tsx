import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import type { OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { SettingsPage } from './settings-page.tsx';
import { renderRoute, signInAs } from '../../../test/render.tsx';
import { findOrg } from '../../../mocks/db.ts';
import { emitOrgEvent, governanceOf } from '../../../mocks/governance-db.ts';
import { server } from '../../../test/msw-server.ts';
import { settingsKeys } from '../api/settings-keys.ts';

const ORG = 'org_acme';
const grace = { id: 'usr_grace', name: 'Grace Hopper' };

function renderSettings(role: 'ADMIN' | 'MEMBER' = 'ADMIN') {
  signInAs(role === 'ADMIN' ? 'ada' : 'linus');
  return renderRoute(
    <SettingsPage orgId={ORG} orgName="Acme" viewerRole={role} allowSelfLeave={false} onLeft={() => {}} />,
  );
}

/** Every settings PATCH body, in order; the mocked server still answers them. */
function recordSaves() {
  const bodies: unknown[] = [];
  server.use(
    http.patch('/api/orgs/:orgId/settings', async ({ request }) => {
      bodies.push(await request.clone().json());
    }),
  );
  return bodies;
}

/** Grace saves from another tab: the mocked server's state moves on and its log names her. */
function graceSaves(changes: Partial<OrgSettings>): OrgSettingsResponse {
  const org = findOrg(ORG)!;
  org.settings = { ...org.settings, ...changes };
  const state = governanceOf(org);
  state.settingsVersion += 1;
  const next = { settings: org.settings, version: state.settingsVersion, changedBy: grace };
  emitOrgEvent(org, { type: 'settings.updated', data: next }, grace.id);
  return next;
}

const notifications = () => screen.findByRole('region', { name: /Notifications/ });

describe('SettingsPage', () => {
  it('sends only the fields that changed, with the version it was read at', async () => {
    const bodies = recordSaves();
    const { user } = renderSettings();
    const adminsOnly = await screen.findByRole('radio', { name: /Admins only/ });
    expect(screen.getByRole('radio', { name: /Members request/ })).toBeChecked();
    await user.click(adminsOnly);
    await user.click(screen.getByRole('switch', { name: /Allow people to leave on their own/ }));
    // Changed and changed back: not a change.
    const protect = screen.getByRole('switch', { name: /Protect the organization’s creator/ });
    await user.click(protect);
    await user.click(protect);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByText('All changes saved');
    expect(bodies).toEqual([{ invitePolicy: 'admins_only', allowSelfLeave: true, version: 1 }]);
    const org = findOrg(ORG)!;
    expect(org.settings).toMatchObject({ invitePolicy: 'admins_only', allowSelfLeave: true, inviteTtlHours: 168 });
    expect(governanceOf(org).settingsVersion).toBe(2);
  });

  it('lays a save onto another admin’s change to a different setting and sends it again, once', async () => {
    const bodies = recordSaves();
    const { user } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Members can view the member directory/ }));
    graceSaves({ invitePolicy: 'anyone' });

    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const toasts = await notifications();
    expect(await within(toasts).findByText('Settings saved')).toBeInTheDocument();
    expect(
      within(toasts).getByText('Merged with Grace Hopper’s change: Invite policy: Members request → Anyone.'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([
      { membersCanViewDirectory: true, version: 1 },
      { membersCanViewDirectory: true, version: 2 },
    ]);
    const org = findOrg(ORG)!;
    expect(org.settings).toMatchObject({ invitePolicy: 'anyone', membersCanViewDirectory: true });
    expect(governanceOf(org).settingsVersion).toBe(3);
    expect(screen.getByRole('radio', { name: /Anyone/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Members can view the member directory/ })).toBeChecked();
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps an edit another admin also made, shows their value beside it, and saves yours on the next save', async () => {
    const bodies = recordSaves();
    const { user } = renderSettings();
    await user.click(await screen.findByRole('radio', { name: /Admins only/ }));
    await user.click(screen.getByRole('switch', { name: /Allow people to leave on their own/ }));
    graceSaves({ invitePolicy: 'anyone', protectCreator: false });

    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Grace Hopper changed a setting you are changing too');
    expect(screen.getByText(/Grace Hopper changed this to/)).toHaveTextContent(
      'Grace Hopper changed this to Anyone. Yours is kept until you save.',
    );
    // Yours stays; her other change came in; nothing of yours was written.
    expect(screen.getByRole('radio', { name: /Admins only/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Allow people to leave on their own/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Protect the organization’s creator/ })).not.toBeChecked();
    const org = findOrg(ORG)!;
    expect(org.settings).toMatchObject({ invitePolicy: 'anyone', allowSelfLeave: false });
    expect(bodies).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved');
    expect(bodies[1]).toEqual({ invitePolicy: 'admins_only', allowSelfLeave: true, version: 2 });
    expect(org.settings).toMatchObject({ invitePolicy: 'admins_only', allowSelfLeave: true, protectCreator: false });
    expect(screen.queryByText(/changed this to/)).not.toBeInTheDocument();
  });

  it('takes the other admin’s value with “Use theirs”', async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.type(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' }), '40');
    graceSaves({ memberCap: 55 });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Grace Hopper changed this to/)).toHaveTextContent('changed this to 55 seats');
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('55');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('follows live changes to settings the admin has not touched while they edit others', async () => {
    const { user, queryClient } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.type(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' }), '40');

    // What the live cache does with Grace's `settings.updated` event.
    act(() => {
      queryClient.setQueryData(settingsKeys.org(ORG), graceSaves({ invitePolicy: 'admins_only' }));
    });
    await waitFor(() => expect(screen.getByRole('radio', { name: /Admins only/ })).toBeChecked());
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('40');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    act(() => {
      queryClient.setQueryData(settingsKeys.org(ORG), graceSaves({ memberCap: 55 }));
    });
    expect(await screen.findByText(/Grace Hopper changed this to/)).toHaveTextContent('changed this to 55 seats');
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('40');
    expect(screen.getByRole('alert')).toHaveTextContent('Grace Hopper changed a setting you are changing too');
  });

  it('offers invitation expiry as 1, 3, 7, 14 or 30 days or never, stored in hours', async () => {
    const bodies = recordSaves();
    const { user } = renderSettings();
    const expiry = await screen.findByRole('combobox', { name: 'Invitation links expire after' });
    expect(expiry).toHaveTextContent('7 days');
    await user.click(expiry);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['1 day', '3 days', '7 days', '14 days', '30 days', 'Never']);
    await user.click(screen.getByRole('option', { name: '30 days' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved');
    expect(bodies).toEqual([{ inviteTtlHours: 720, version: 1 }]);

    await user.click(screen.getByRole('combobox', { name: 'Invitation links expire after' }));
    await user.click(await screen.findByRole('option', { name: 'Never' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ inviteTtlHours: null, version: 2 });
  });

  it('shows a stored expiry that is not one of the choices as its own option, and keeps it', async () => {
    const org = findOrg(ORG)!;
    org.settings = { ...org.settings, inviteTtlHours: 48 };
    const { user } = renderSettings();
    const expiry = await screen.findByRole('combobox', { name: 'Invitation links expire after' });
    expect(expiry).toHaveTextContent('2 days');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    await user.click(expiry);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '1 day',
      '2 days',
      '3 days',
      '7 days',
      '14 days',
      '30 days',
      'Never',
    ]);
  });

  it('checks numbers before sending them', async () => {
    const { user } = renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Enter a whole number of seats, 1 or more.')).toBeInTheDocument();
  });

  it('edits how many requests a member may have waiting, within bounds', async () => {
    const { user } = renderSettings();
    const box = await screen.findByRole('textbox', { name: 'Pending requests per member' });
    expect(box).toHaveValue('10');
    await user.clear(box);
    await user.type(box, '101');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('At most 100 requests.')).toBeInTheDocument();
    await user.clear(box);
    await user.type(box, '3');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved');
    expect(findOrg(ORG)!.settings.maxPendingRequestsPerMember).toBe(3);
  });

  it('is "Access restricted" for anyone but admins', async () => {
    renderSettings('MEMBER');
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
  });
});
