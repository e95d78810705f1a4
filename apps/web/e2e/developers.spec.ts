import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { signedInPage } from './fixtures.ts';
import { expectUnderPointer, pickMenuItem, pickOption } from './pointer.ts';

// Each test opens its own browser context; close it, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

test.describe.configure({ timeout: 120_000 });

const DIALOG = '[role="dialog"], [role="alertdialog"]';

for (const [device, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`Developers (${device}): an admin makes an API key with the mouse, sees it once, and revokes it`, async ({
    browser,
  }) => {
    const ada = await signedInPage(browser, 'ada@acme.test', viewport);
    // Dialogs fade in; axe must read their colours as they end up, not halfway.
    await ada.emulateMedia({ reducedMotion: 'reduce' });
    const orgPath = new URL(ada.url()).pathname.replace(/\/members$/, '');
    await ada.goto(`${orgPath}/developers`);
    await expect(ada.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
    await expectNoSeriousViolations(ada, `developers (${device})`);

    const name = `Sync ${device} ${Date.now()}`;
    await ada.getByRole('button', { name: 'Create API key' }).click();
    const dialog = ada.getByRole('dialog', { name: 'Create an API key' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Name', { exact: true }).click();
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    for (const scope of [/members:read/, /invitations:write/]) {
      const box = dialog.getByRole('checkbox', { name: scope });
      await expectUnderPointer(box);
      await box.click();
      await expect(box).toBeChecked();
    }
    // The expiry select opens above the dialog, and each of its choices takes a click.
    await pickOption(dialog.getByRole('combobox', { name: 'Expires' }), 'In 30 days');
    await expect(dialog.getByRole('combobox', { name: 'Expires' })).toHaveText(/In 30 days/);
    await expectNoSeriousViolations(ada, `create API key dialog (${device})`, DIALOG);
    await dialog.getByRole('button', { name: 'Create key' }).click();

    const shown = ada.getByRole('dialog', { name: 'Copy your API key' });
    await expect(shown.getByLabel('API key')).toHaveText(/^rk_[0-9a-f]{8}_[0-9a-f]{64}$/, { timeout: 15_000 });
    await expectNoSeriousViolations(ada, `API key shown once (${device})`, DIALOG);
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toHaveCount(0);

    const row = ada.getByRole('list', { name: 'API keys' }).getByRole('listitem').filter({ hasText: name });
    await expect(row).toContainText('members:read');
    // Shown once: the list has the prefix, never the secret.
    await expect(row).not.toContainText(/rk_[0-9a-f]{8}_[0-9a-f]{64}/);
    const revoke = row.getByRole('button', { name: `Revoke ${name}` });
    await expectUnderPointer(revoke);
    await revoke.click();
    const confirm = ada.getByRole('alertdialog', { name: `Revoke ${name}?` });
    await expect(confirm).toBeVisible();
    await expectNoSeriousViolations(ada, `revoke API key dialog (${device})`, DIALOG);
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await expect(row).toHaveCount(0);
  });

  test(`Developers (${device}): an admin adds a webhook endpoint with the mouse, sees its secret once, and removes it`, async ({
    browser,
  }) => {
    const ada = await signedInPage(browser, 'ada@acme.test', viewport);
    // Dialogs fade in; axe must read their colours as they end up, not halfway.
    await ada.emulateMedia({ reducedMotion: 'reduce' });
    const orgPath = new URL(ada.url()).pathname.replace(/\/members$/, '');
    await ada.goto(`${orgPath}/developers`);
    const description = `Hooks ${device} ${Date.now()}`;

    await ada.getByRole('button', { name: 'Add endpoint' }).click();
    const dialog = ada.getByRole('dialog', { name: 'Add a webhook endpoint' });
    await expect(dialog).toBeVisible();
    // A public address written as one: accepted without asking DNS, and nothing here subscribes
    // to what the test does, so no delivery is attempted.
    await dialog.getByLabel('URL').click();
    await dialog.getByLabel('URL').fill('https://93.184.216.34/roster');
    await dialog.getByLabel('Description (optional)').fill(description);
    const added = dialog.getByRole('checkbox', { name: /^member\.added/ });
    await expectUnderPointer(added);
    await added.click();
    await expect(added).toBeChecked();
    await expectNoSeriousViolations(ada, `add webhook dialog (${device})`, DIALOG);
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();

    const shown = ada.getByRole('dialog', { name: 'Copy the signing secret' });
    await expect(shown.getByLabel('Signing secret')).toHaveText(/^whsec_/);
    await shown.getByRole('button', { name: 'Done' }).click();

    const row = ada
      .getByRole('list', { name: 'Webhook endpoints' })
      .getByRole('listitem')
      .filter({ hasText: description });
    await expect(row).toContainText('member.added');
    await expect(row).toContainText('Enabled');
    await pickMenuItem(row.getByRole('button', { name: `More for ${description}` }), 'Disable');
    await expect(row).toContainText('Disabled');

    await row.getByRole('button', { name: `Deliveries of ${description}` }).click();
    const drawer = ada.getByRole('dialog', { name: `Deliveries of ${description}` });
    await expect(drawer.getByText('No deliveries yet.')).toBeVisible();
    await expectNoSeriousViolations(ada, `webhook deliveries (${device})`, DIALOG);
    await drawer.getByRole('button', { name: 'Close' }).click();

    await pickMenuItem(row.getByRole('button', { name: `More for ${description}` }), 'Delete');
    const confirm = ada.getByRole('alertdialog', { name: `Delete ${description}?` });
    await expect(confirm).toBeVisible();
    await expectNoSeriousViolations(ada, `delete webhook dialog (${device})`, DIALOG);
    await confirm.getByRole('button', { name: 'Delete endpoint' }).click();
    await expect(row).toHaveCount(0);
  });
}
