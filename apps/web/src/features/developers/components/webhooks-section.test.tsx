import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderRoute } from '../../../test/render.tsx';
import { orgIdOf, signInAs, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { jsonb } from '../../../../../server/src/db/json.ts';
import { DevelopersPage } from './developers-page.tsx';

withServerApp();

/** An IP literal: the URL guard checks it without asking DNS, and it is public. */
const RECEIVER = 'https://93.184.215.14/hooks';

async function renderDevelopers() {
  signInAs('ada');
  const orgId = await orgIdOf('acme');
  return { orgId, ...renderRoute(<DevelopersPage orgId={orgId} orgName="Acme" isAdmin isCreator />) };
}

const storedEndpoints = async () =>
  (await testDb())
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'events', 'description', 'secret', 'enabled'])
    .execute();

async function addEndpoint(
  orgId: string,
  fields: { url?: string; description?: string; enabled?: boolean; reason?: string } = {},
) {
  const db = await testDb();
  const owner = await db
    .selectFrom('organizations')
    .select('created_by')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const id = crypto.randomUUID();
  await db
    .insertInto('webhook_endpoints')
    .values({
      id,
      org_id: orgId,
      url: fields.url ?? RECEIVER,
      events: jsonb(['member.added']),
      description: fields.description ?? null,
      enabled: fields.enabled ?? true,
      disabled_reason: fields.reason ?? null,
      secret: 'sealed',
      created_by: owner.created_by,
      created_at: new Date(),
    })
    .execute();
  return id;
}

describe('Webhooks on the Developers page', () => {
  it('adds an endpoint with its events and shows the signing secret once with Copy', async () => {
    const { user } = await renderDevelopers();
    expect(await screen.findByText('No webhook endpoints yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });

    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    expect(within(dialog).getByLabelText('URL')).toHaveAccessibleDescription('Enter the receiver’s URL');
    expect(within(dialog).getByText('Choose at least one event')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('URL'), RECEIVER);
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'HR sync');
    await user.click(within(dialog).getByRole('checkbox', { name: /^member\.added/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^workspace\.\*/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));

    const shown = await screen.findByRole('dialog', { name: 'Copy the signing secret' });
    const secret = within(shown).getByLabelText('Signing secret').textContent ?? '';
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    const [stored] = await storedEndpoints();
    expect(stored).toMatchObject({ url: RECEIVER, events: ['workspace.*', 'member.added'], description: 'HR sync' });
    expect(stored!.secret).not.toContain(secret.slice(6));
    await user.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const row = within(await screen.findByRole('list', { name: 'Webhook endpoints' })).getByRole('listitem');
    expect(row).toHaveTextContent('HR sync');
    expect(row).toHaveTextContent(RECEIVER);
    expect(row).toHaveTextContent('workspace.*, member.added');
    expect(row).toHaveTextContent('Enabled');
    expect(row).toHaveTextContent('No deliveries yet');
    expect(document.body).not.toHaveTextContent(secret);
  });

  it('subscribing to every event sends only `*`', async () => {
    const { user } = await renderDevelopers();
    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.type(within(dialog).getByLabelText('URL'), RECEIVER);
    await user.click(within(dialog).getByRole('checkbox', { name: /^member\.removed/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /^\*/ }));
    expect(within(dialog).getByRole('checkbox', { name: /^org\.deleted/ })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    await screen.findByRole('dialog', { name: 'Copy the signing secret' });
    expect((await storedEndpoints())[0]!.events).toEqual(['*']);
  });

  it('says why the server refused a URL, on the URL field', async () => {
    const { user } = await renderDevelopers();
    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.type(within(dialog).getByLabelText('URL'), 'http://93.184.215.14/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: /^member\.added/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('URL')).toHaveAccessibleDescription(
        'Webhook URLs must use https. Roster sends only to public https addresses.',
      ),
    );
    expect(await storedEndpoints()).toEqual([]);
  });

  it('refuses a private address as the server does, the tab’s server too', async () => {
    const { user } = await renderDevelopers();
    await user.click(await screen.findByRole('button', { name: 'Add endpoint' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a webhook endpoint' });
    await user.type(within(dialog).getByLabelText('URL'), 'https://10.0.0.7/hooks');
    await user.click(within(dialog).getByRole('checkbox', { name: /^member\.added/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Add endpoint' }));
    await waitFor(() =>
      expect(within(dialog).getByLabelText('URL')).toHaveAccessibleDescription(
        '10.0.0.7 is a private or reserved address. Roster sends only to public https addresses.',
      ),
    );
    expect(await storedEndpoints()).toEqual([]);
  });

  it('deletes an endpoint only after asking', async () => {
    const { user, orgId } = await renderDevelopers();
    await addEndpoint(orgId, { description: 'Old CRM' });
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    await user.click(within(list).getByRole('button', { name: 'More for Old CRM' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Old CRM?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(await storedEndpoints()).toHaveLength(1);

    await user.click(within(list).getByRole('button', { name: 'More for Old CRM' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Delete Old CRM?' })).getByRole('button', {
        name: 'Delete endpoint',
      }),
    );
    expect(await screen.findByText('No webhook endpoints yet.')).toBeInTheDocument();
    expect(await storedEndpoints()).toEqual([]);
  });

  it('names an endpoint disabled after failing, with why, and re-enables it', async () => {
    const { user, orgId } = await renderDevelopers();
    await addEndpoint(orgId, { description: 'Payroll', enabled: false, reason: 'Every retry failed: HTTP 500' });
    const banner = await screen.findByRole('status', { name: 'Disabled webhooks' });
    expect(banner).toHaveTextContent(
      'Payroll was disabled after its deliveries kept failing: Every retry failed: HTTP 500',
    );
    const row = within(screen.getByRole('list', { name: 'Webhook endpoints' })).getByRole('listitem');
    expect(row).toHaveTextContent('Disabled after failing');

    await user.click(within(banner).getByRole('button', { name: 'Re-enable Payroll' }));
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Disabled webhooks' })).not.toBeInTheDocument());
    expect(row).toHaveTextContent('Enabled');
    expect((await storedEndpoints())[0]!.enabled).toBe(true);
  });

  it('says someone else got there first when the endpoint changed meanwhile, and shows their change', async () => {
    const { user, orgId } = await renderDevelopers();
    const id = await addEndpoint(orgId, { description: 'Payroll' });
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    // Another admin disabled it after this page read it.
    await (
      await testDb()
    )
      .updateTable('webhook_endpoints')
      .set({ enabled: false, version: 2 })
      .where('id', '=', id)
      .execute();
    await user.click(within(list).getByRole('button', { name: 'More for Payroll' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Disable' }));
    expect(
      await screen.findByText(
        'Someone else changed this endpoint a moment ago. The list now shows their change; try again.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(list).getByRole('listitem')).toHaveTextContent('Disabled'));
  });

  it('changes an endpoint’s URL, events and description, and refuses a private address on the URL field', async () => {
    const { user, orgId } = await renderDevelopers();
    await addEndpoint(orgId, { description: 'Payroll' });
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    await user.click(within(list).getByRole('button', { name: 'More for Payroll' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change Payroll' });
    expect(within(dialog).getByLabelText('URL')).toHaveValue(RECEIVER);
    expect(within(dialog).getByRole('checkbox', { name: /^member\.added/ })).toBeChecked();

    await user.clear(within(dialog).getByLabelText('URL'));
    await user.type(within(dialog).getByLabelText('URL'), 'https://93.184.215.15/roster');
    await user.clear(within(dialog).getByLabelText('Description (optional)'));
    await user.type(within(dialog).getByLabelText('Description (optional)'), 'Payroll v2');
    await user.click(within(dialog).getByRole('checkbox', { name: /^member\.removed/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Change Payroll' })).not.toBeInTheDocument());
    const [stored] = await storedEndpoints();
    expect(stored).toMatchObject({ url: 'https://93.184.215.15/roster', description: 'Payroll v2' });
    expect(stored!.events).toEqual(['member.added', 'member.removed']);
    expect(within(list).getByRole('listitem')).toHaveTextContent('https://93.184.215.15/roster');

    // A private address is refused on the URL field, and nothing changes.
    await user.click(within(list).getByRole('button', { name: 'More for Payroll v2' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit…' }));
    const again = await screen.findByRole('dialog', { name: 'Change Payroll v2' });
    await user.clear(within(again).getByLabelText('URL'));
    await user.type(within(again).getByLabelText('URL'), 'https://10.0.0.7/roster');
    await user.click(within(again).getByRole('button', { name: 'Save changes' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent('public https addresses');
    expect((await storedEndpoints())[0]!.url).toBe('https://93.184.215.15/roster');
  });

  it('rotates the secret and shows the new one once', async () => {
    const { user, orgId } = await renderDevelopers();
    await addEndpoint(orgId, { description: 'Payroll' });
    const list = await screen.findByRole('list', { name: 'Webhook endpoints' });
    await user.click(within(list).getByRole('button', { name: 'More for Payroll' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Rotate secret' }));
    const shown = await screen.findByRole('dialog', { name: 'Copy the new signing secret' });
    expect(within(shown).getByLabelText('Signing secret').textContent).toMatch(/^whsec_/);
    expect(shown).toHaveTextContent('keeps signing beside it for 24 hours');
  });

  it('lists an endpoint’s attempts with their facts and sends one again', async () => {
    const { user, orgId } = await renderDevelopers();
    const endpointId = await addEndpoint(orgId, { description: 'Payroll' });
    const db = await testDb();
    const deliveryId = crypto.randomUUID();
    const now = Date.now();
    await db
      .insertInto('webhook_deliveries')
      .values({
        id: deliveryId,
        endpoint_id: endpointId,
        org_id: orgId,
        seq: 7,
        event_type: 'member.added',
        payload: jsonb({}),
        state: 'failed',
        attempts: 2,
        next_attempt_at: new Date(now),
        created_at: new Date(now - 60_000),
      })
      .execute();
    await db
      .insertInto('webhook_attempts')
      .values([
        {
          delivery_id: deliveryId,
          endpoint_id: endpointId,
          attempt: 1,
          status: 'failed',
          http_status: 503,
          duration_ms: 120,
          error: 'HTTP 503',
          at: new Date(now - 50_000),
          next_retry_at: new Date(now + 25 * 60_000),
        },
        {
          delivery_id: deliveryId,
          endpoint_id: endpointId,
          attempt: 2,
          status: 'failed',
          http_status: null,
          duration_ms: 10_000,
          error: 'Timed out',
          at: new Date(now - 10_000),
          next_retry_at: null,
        },
      ])
      .execute();

    await user.click(await screen.findByRole('button', { name: 'Deliveries of Payroll' }));
    const drawer = await screen.findByRole('dialog', { name: 'Deliveries of Payroll' });
    const rows = within(await within(drawer).findByRole('list', { name: 'Delivery attempts' })).getAllByRole(
      'listitem',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('member.added #7');
    expect(rows[0]).toHaveTextContent('Attempt 2 · No response · 10000 ms');
    expect(rows[0]).toHaveTextContent('Timed out');
    expect(rows[1]).toHaveTextContent('Attempt 1 · HTTP 503 · 120 ms');
    expect(rows[1]).toHaveTextContent(/Next retry in 2[45] min/);
    expect(within(rows[1]!).queryByRole('button', { name: /Redeliver/ })).not.toBeInTheDocument();

    await user.click(within(rows[0]!).getByRole('button', { name: 'Redeliver member.added #7' }));
    await waitFor(async () =>
      expect(
        (await db.selectFrom('webhook_deliveries').select('state').where('id', '=', deliveryId).executeTakeFirst())
          ?.state,
      ).toBe('pending'),
    );
  });

  it('shows older attempts 50 at a time', async () => {
    const { user, orgId } = await renderDevelopers();
    const endpointId = await addEndpoint(orgId, { description: 'Payroll' });
    const db = await testDb();
    const deliveryId = crypto.randomUUID();
    const now = Date.now();
    await db
      .insertInto('webhook_deliveries')
      .values({
        id: deliveryId,
        endpoint_id: endpointId,
        org_id: orgId,
        seq: 3,
        event_type: 'member.removed',
        payload: jsonb({}),
        state: 'failed',
        attempts: 51,
        next_attempt_at: new Date(now),
        created_at: new Date(now - 3_600_000),
      })
      .execute();
    await db
      .insertInto('webhook_attempts')
      .values(
        Array.from({ length: 51 }, (_, i) => ({
          delivery_id: deliveryId,
          endpoint_id: endpointId,
          attempt: i + 1,
          status: 'failed' as const,
          http_status: 500,
          duration_ms: 40,
          error: 'HTTP 500',
          at: new Date(now - (51 - i) * 1000),
          next_retry_at: null,
        })),
      )
      .execute();

    await user.click(await screen.findByRole('button', { name: 'Deliveries of Payroll' }));
    const drawer = await screen.findByRole('dialog', { name: 'Deliveries of Payroll' });
    const list = await within(drawer).findByRole('list', { name: 'Delivery attempts' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Attempt 51');
    await user.click(within(drawer).getByRole('button', { name: 'Show older attempts' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(51));
    expect(within(list).getAllByRole('listitem')[50]).toHaveTextContent('Attempt 1 ·');
    expect(within(drawer).queryByRole('button', { name: 'Show older attempts' })).not.toBeInTheDocument();
    expect(within(drawer).getAllByRole('button', { name: /^Redeliver/ })).toHaveLength(1);
  });
});
