import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from '../e2e/axe.ts';
import { openScenario } from './mock-app.ts';

// The server's own webhook code runs in the tab (its DNS answers every name with a public
// address, and nothing is ever delivered): at phone width, an endpoint is added, its secret shown
// once, disabled, its deliveries opened, and deleted after asking, with nothing wider than the screen.
test('webhooks: an admin adds an endpoint on a phone, sees the secret once, disables and deletes it', async ({
  page,
}) => {
  await openScenario(page, 'quiet');
  await page
    .getByRole('navigation', { name: /pages$/ })
    .getByRole('link', { name: 'Developers' })
    .click();
  await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a webhook endpoint' });
  await dialog.getByLabel('URL').fill('https://hooks.example.com/roster');
  await dialog.getByLabel('Description (optional)').fill('HR sync');
  await dialog.getByRole('checkbox', { name: /^member\.added/ }).check();
  await dialog.getByRole('checkbox', { name: /^workspace\.\*/ }).check();
  await expectNoSeriousViolations(page, 'add webhook dialog (phone)', '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Add endpoint' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy the signing secret' });
  await expect(shown.getByLabel('Signing secret')).toHaveText(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
  const secret = (await shown.getByLabel('Signing secret').textContent()) ?? '';
  expect(await fitsTheScreen()).toBe(true);
  await shown.getByRole('button', { name: 'Done' }).click();

  const row = page.getByRole('list', { name: 'Webhook endpoints' }).getByRole('listitem');
  await expect(row).toContainText('https://hooks.example.com/roster');
  await expect(row).toContainText('workspace.*, member.added');
  await expect(row).toContainText('Enabled');
  await expect(page.locator('body')).not.toContainText(secret);
  expect(await fitsTheScreen()).toBe(true);
  await expectNoSeriousViolations(page, 'webhooks list (phone)');

  await row.getByRole('button', { name: 'More for HR sync' }).click();
  await page.getByRole('menuitem', { name: 'Disable' }).click();
  await expect(row).toContainText('Disabled');

  await row.getByRole('button', { name: 'Deliveries of HR sync' }).click();
  const drawer = page.getByRole('dialog', { name: 'Deliveries of HR sync' });
  await expect(drawer.getByText('No deliveries yet.')).toBeVisible();
  await expectNoSeriousViolations(page, 'webhook deliveries drawer (phone)', '[role="dialog"]');
  expect(await fitsTheScreen()).toBe(true);
  await drawer.getByRole('button', { name: 'Close' }).click();

  await row.getByRole('button', { name: 'More for HR sync' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('alertdialog', { name: 'Delete HR sync?' })
    .getByRole('button', { name: 'Delete endpoint' })
    .click();
  await expect(page.getByText('No webhook endpoints yet.')).toBeVisible();
});
