import { describe, expect, it, onTestFinished } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { OrgSettings, OrgSettingsResponse } from '@roster/contracts';
import { SettingsPage } from './settings-page.tsx';
import { renderRoute } from '../../../test/render.tsx';
import { server } from '../../../test/msw-server.ts';
import { as, orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { settingsKeys } from '../api/settings-keys.ts';

withServerApp();

async function renderSettings(role: 'ADMIN' | 'MEMBER' = 'ADMIN') {
  signInAs(role === 'ADMIN' ? 'ada' : 'linus');
  const orgId = await orgIdOf('acme');
  const view = renderRoute(<SettingsPage orgId={orgId} orgName="Acme" viewerRole={role} />);
  return { ...view, orgId };
}

/** Every settings PATCH body the page sends, in order; the server still answers them. */
function recordSaves() {
  const bodies: unknown[] = [];
  const record = async ({ request }: { request: Request }) => {
    if (request.method === 'PATCH' && new URL(request.url).pathname.endsWith('/settings')) {
      bodies.push(await request.clone().json());
    }
  };
  server.events.on('request:start', record);
  onTestFinished(() => server.events.removeListener('request:start', record));
  return bodies;
}

/** Acme's settings and their version, as stored. */
async function storedSettings() {
  const row = await (
    await testDb()
  )
    .selectFrom('organizations')
    .select(['settings', 'version'])
    .where('slug', '=', 'acme')
    .executeTakeFirstOrThrow();
  return { settings: row.settings as OrgSettings, version: row.version };
}

/** Grace saves from another tab, at the version she read: the server's answer names her. */
async function graceSaves(changes: Partial<OrgSettings>): Promise<OrgSettingsResponse> {
  const path = `/api/orgs/${await orgIdOf('acme')}/settings`;
  const { version } = await as('grace').get<OrgSettingsResponse>(path);
  return as('grace').patch<OrgSettingsResponse>(path, { ...changes, version });
}

const notifications = () => screen.findByRole('region', { name: /Notifications/ });

describe('SettingsPage', () => {
  it('sends only the fields that changed, with the version it was read at', async () => {
    const bodies = recordSaves();
    const { user } = await renderSettings();
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
    expect(await storedSettings()).toMatchObject({
      settings: { invitePolicy: 'admins_only', allowSelfLeave: true, inviteTtlHours: 168 },
      version: 2,
    });
  });

  it('lays a save onto another admin’s change to a different setting and sends it again, once', async () => {
    const bodies = recordSaves();
    const { user } = await renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Members can view the member directory/ }));
    await graceSaves({ invitePolicy: 'anyone' });

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
    expect(await storedSettings()).toMatchObject({
      settings: { invitePolicy: 'anyone', membersCanViewDirectory: true },
      version: 3,
    });
    expect(screen.getByRole('radio', { name: /Anyone/ })).toBeChecked();
    expect(screen.getByRole('switch', { name: /Members can view the member directory/ })).toBeChecked();
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps an edit another admin also made, shows their value beside it, and saves yours on the next save', async () => {
    const bodies = recordSaves();
    const { user } = await renderSettings();
    await user.click(await screen.findByRole('radio', { name: /Admins only/ }));
    await user.click(screen.getByRole('switch', { name: /Allow people to leave on their own/ }));
    await graceSaves({ invitePolicy: 'anyone', protectCreator: false });

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
    expect((await storedSettings()).settings).toMatchObject({ invitePolicy: 'anyone', allowSelfLeave: false });
    expect(bodies).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved');
    expect(bodies[1]).toEqual({ invitePolicy: 'admins_only', allowSelfLeave: true, version: 2 });
    expect((await storedSettings()).settings).toMatchObject({
      invitePolicy: 'admins_only',
      allowSelfLeave: true,
      protectCreator: false,
    });
    expect(screen.queryByText(/changed this to/)).not.toBeInTheDocument();
  });

  it('takes the other admin’s value with “Use theirs”', async () => {
    const { user } = await renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.type(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' }), '40');
    await graceSaves({ memberCap: 55 });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText(/Grace Hopper changed this to/)).toHaveTextContent('changed this to 55 seats');
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('55');
    expect(screen.getByText('All changes saved')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('follows live changes to settings the admin has not touched while they edit others', async () => {
    const { user, queryClient, orgId } = await renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.type(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' }), '40');

    // What the live cache does with Grace's `settings.updated` event.
    const policySaved = await graceSaves({ invitePolicy: 'admins_only' });
    act(() => {
      queryClient.setQueryData(settingsKeys.org(orgId), policySaved);
    });
    await waitFor(() => expect(screen.getByRole('radio', { name: /Admins only/ })).toBeChecked());
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('40');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const capSaved = await graceSaves({ memberCap: 55 });
    act(() => {
      queryClient.setQueryData(settingsKeys.org(orgId), capSaved);
    });
    expect(await screen.findByText(/Grace Hopper changed this to/)).toHaveTextContent('changed this to 55 seats');
    expect(screen.getByRole('textbox', { name: 'Organization seat cap (seats)' })).toHaveValue('40');
    expect(screen.getByRole('alert')).toHaveTextContent('Grace Hopper changed a setting you are changing too');
  });

  it('offers invitation expiry as 1, 3, 7, 14 or 30 days or never, stored in hours', async () => {
    const bodies = recordSaves();
    const { user } = await renderSettings();
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

  it('keeps the audit log forever until an admin chooses how long, stored in days', async () => {
    const bodies = recordSaves();
    const { user } = await renderSettings();
    const retention = await screen.findByRole('combobox', { name: 'Audit log keeps entries for' });
    expect(retention).toHaveTextContent('Forever');
    await user.click(retention);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      '30 days',
      '90 days',
      '180 days',
      '1 year',
      '2 years',
      'Forever',
    ]);
    await user.click(screen.getByRole('option', { name: '1 year' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('All changes saved');
    expect(bodies).toEqual([{ auditRetentionDays: 365, version: 1 }]);
    expect(screen.getByRole('combobox', { name: 'Audit log keeps entries for' })).toHaveTextContent('1 year');
  });

  it('shows a stored expiry that is not one of the choices as its own option, and keeps it', async () => {
    // Two days: not one of the choices the page offers, but one the API takes.
    await graceSaves({ inviteTtlHours: 48 });
    const { user } = await renderSettings();
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
    const { user } = await renderSettings();
    await user.click(await screen.findByRole('switch', { name: /Organization seat cap/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Enter a whole number of seats, 1 or more.')).toBeInTheDocument();
  });

  it('edits how many requests a member may have waiting, within bounds', async () => {
    const { user } = await renderSettings();
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
    expect((await storedSettings()).settings.maxPendingRequestsPerMember).toBe(3);
  });

  it('is "Access restricted" for anyone but admins', async () => {
    await renderSettings('MEMBER');
    expect(await screen.findByRole('heading', { name: 'Access restricted' })).toBeInTheDocument();
  });
});
