import { join } from 'node:path';
import { expect } from '@playwright/test';
import { DESKTOP, expectNoSidewaysScroll, PHONE, test } from './accounts.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { signedInPage } from './fixtures.ts';
import { followLinkInMail } from './mailbox.ts';
import { expectUnderPointer, pickOption } from './pointer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.describe.configure({ timeout: 180_000 });

test('an admin adds a mail domain, someone at it verifies it from the mailed link, and the admin lets people join', async ({
  browser,
}) => {
  // Runs share a database and a domain is held by one org: this run's own.
  const domain = `d${Date.now().toString(36)}.test`;
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await ada.goto('/o/acme/settings');
  const section = ada.getByRole('region', { name: 'Domains' });
  await section.scrollIntoViewIfNeeded();
  const add = section.getByRole('button', { name: 'Add domain' });
  await expectUnderPointer(add);
  await add.click();

  const dialog = ada.getByRole('dialog', { name: /Add a domain/ });
  await dialog.getByRole('textbox', { name: 'Domain' }).fill('gmail.com');
  await dialog.getByRole('textbox', { name: 'Send the verification link to' }).fill('it@gmail.com');
  await dialog.getByRole('button', { name: 'Send verification link' }).click();
  await expect(dialog.getByText(/public mail domain/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Domain' }).fill(domain);
  await dialog.getByRole('textbox', { name: 'Send the verification link to' }).fill(`it@${domain}`);
  const send = dialog.getByRole('button', { name: 'Send verification link' });
  await expectUnderPointer(send);
  await send.click();
  const row = section.getByRole('listitem').filter({ hasText: domain });
  await expect(row.getByText('Pending verification')).toBeVisible();

  // Whoever reads it@ opens the link (here in Ada's own browser, signed in).
  await followLinkInMail(ada, `it@${domain}`, `Confirm that ${domain} belongs to Acme`, /\/verify-domain\?/);
  await expect(ada.getByText(`${domain} is verified for Acme`)).toBeVisible();

  await ada.goto('/o/acme/settings');
  await section.scrollIntoViewIfNeeded();
  await expect(row.getByText('Verified', { exact: true })).toBeVisible();
  await pickOption(row.getByRole('combobox', { name: `Who may join through ${domain}` }), /Suggest joining/);
  await expect(row.getByRole('combobox', { name: `Who may join through ${domain}` })).toHaveText(/Suggest joining/);
  await expectNoSeriousViolations(ada, 'domains section', 'section[aria-labelledby="settings-domains"]');

  const storageState = await ada.context().storageState();
  for (const [size, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const)
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport,
        colorScheme: scheme,
        reducedMotion: 'reduce',
        storageState,
      });
      const page = await context.newPage();
      await page.goto('/o/acme/settings');
      const domains = page.getByRole('region', { name: 'Domains' });
      await expect(domains.getByText(domain)).toBeVisible();
      await domains.scrollIntoViewIfNeeded();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `domains-${size}-${scheme}.png`) });
      await page.goto('/account#organizations');
      await expect(page.getByRole('list', { name: 'Your organizations' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `account-organizations-${size}-${scheme}.png`) });
      await context.close();
    }

  // Acme lets nobody join through it any more once it is removed (and the next run starts clean).
  await ada.goto('/o/acme/settings');
  await row.getByRole('button', { name: `Remove ${domain}` }).click();
  await ada
    .getByRole('alertdialog')
    .getByRole('button', { name: /Remove/ })
    .click();
  await expect(row).toHaveCount(0);
});
