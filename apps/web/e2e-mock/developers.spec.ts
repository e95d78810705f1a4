import { expect, test } from '@playwright/test';
import { openScenario } from './mock-app.ts';

// The server's own API key code runs in the tab: a key made on the Developers page is shown once,
// listed by its prefix, and gone from the list once revoked.
test('developers: an admin creates an API key, sees it once, and revokes it', async ({ page }) => {
  await openScenario(page, 'quiet');
  await page
    .getByRole('navigation', { name: /pages$/ })
    .getByRole('link', { name: 'Developers' })
    .click();
  await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
  await expect(page.getByText('No API keys yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Create API key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API key' });
  await dialog.getByLabel('Name', { exact: true }).fill('HR sync');
  await dialog.getByRole('checkbox', { name: /members:read/ }).check();
  await dialog.getByRole('button', { name: 'Create key' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy your API key' });
  await expect(shown.getByLabel('API key')).toHaveText(/^rk_[0-9a-f]{8}_[0-9a-f]{64}$/);
  await shown.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('list', { name: 'API keys' }).getByRole('listitem');
  await expect(row).toContainText('HR sync');
  await expect(row).toContainText('members:read');
  await row.getByRole('button', { name: 'Revoke HR sync' }).click();
  await page.getByRole('alertdialog', { name: 'Revoke HR sync?' }).getByRole('button', { name: 'Revoke key' }).click();
  await expect(page.getByText('No API keys yet.')).toBeVisible();
});
