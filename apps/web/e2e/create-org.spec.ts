import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DESKTOP, expectNoSidewaysScroll, newPerson, PHONE, signUpAndVerify, test } from './accounts.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { expectUnderPointer } from './pointer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

// Sign-up, the mailed link and a new org: a minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

/** The header's org switcher, named after the org it is in. */
function switcher(page: Page) {
  return page.getByRole('button', { name: /Switch organization$/ });
}

test('a new person creates an organization with the mouse and can switch back to it', async ({ newDevice }) => {
  const nova = newPerson('Nova Founder');
  const page = await newDevice(DESKTOP);
  await signUpAndVerify(page, nova);
  await expect(page.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
  await expectNoSeriousViolations(page, 'welcome page');

  const open = page.getByRole('button', { name: 'Create organization' });
  await expectUnderPointer(open);
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Create an organization' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(page, 'create organization dialog', '[role="dialog"]');

  await dialog.getByRole('textbox', { name: 'Name' }).fill('Beta');
  const slug = dialog.getByRole('textbox', { name: /URL slug/ });
  await expect(slug).toHaveValue('beta');
  // Someone may hold `beta` already (runs share a database): take the free one offered.
  const betaSlug = `beta-${Date.now().toString(36)}`;
  await slug.fill(betaSlug);
  const create = dialog.getByRole('button', { name: 'Create organization' });
  await expectUnderPointer(create);
  await create.click();

  await expect(page).toHaveURL(new RegExp(`/o/${betaSlug}/members$`));
  const betaMembers = page.url();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members).toBeVisible();
  const rows = members.getByRole('row').filter({ hasText: nova.email });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Admin');
  await expect(switcher(page)).toHaveAccessibleName('Organization: Beta. Switch organization');

  // The switcher lists Beta (current) and offers another; from the account page it goes back.
  await page.goto('/account');
  await switcher(page).click();
  const beta = page.getByRole('menuitem', { name: /^Beta/ });
  await expect(beta).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('menuitem', { name: 'Create organization' })).toBeVisible();
  await expectUnderPointer(beta);
  await beta.click();
  await expect(page).toHaveURL(betaMembers);

  // The app opens in the last org next time.
  await page.goto('/');
  await expect(page).toHaveURL(betaMembers);
});

for (const [size, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`the welcome page at ${size} size, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await signUpAndVerify(page, newPerson('Wren Welcome'));
      await expect(page.getByRole('heading', { name: 'Create an organization' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `welcome-${size}-${scheme}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Create organization' }).click();
      await page
        .getByRole('dialog', { name: 'Create an organization' })
        .getByRole('textbox', { name: 'Name' })
        .fill('Beta Labs');
      await page.screenshot({ path: join(SHOTS, `create-org-${size}-${scheme}.png`) });
      await context.close();
    });
