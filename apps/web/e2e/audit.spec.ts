import { join } from 'node:path';
import { expect } from '@playwright/test';
import { DESKTOP, expectNoSidewaysScroll, PHONE, test } from './accounts.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseRole, expectLive, roleSelect, showOnly, signedInPage } from './fixtures.ts';
import { pickOption } from './pointer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

test.describe.configure({ timeout: 180_000 });

test('one admin changes a role and the other sees it arrive in the audit log, live, and finds it by its filters', async ({
  browser,
}) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const grace = await signedInPage(browser, 'grace@acme.test', DESKTOP);
  await ada.goto('/o/acme/audit');
  await expect(ada.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expectLive(ada);

  // Grace flips Linus's role (runs share a database: whatever it is now, to the other one).
  await grace.goto('/o/acme/members');
  await showOnly(grace, 'Linus');
  const before = (await roleSelect(grace, 'Linus Torvalds').textContent()) ?? '';
  const next = before.includes('Admin') ? 'Member' : 'Admin';
  await chooseRole(grace, 'Linus Torvalds', next);
  await expect(roleSelect(grace, 'Linus Torvalds')).toHaveText(new RegExp(next));

  const table = ada.getByRole('table', { name: 'Audit log' });
  const entry = table
    .getByRole('row')
    .filter({ hasText: 'Grace Hopper' })
    .filter({ hasText: `→ ${next}` })
    .first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('Linus Torvalds');

  await pickOption(ada.getByRole('combobox', { name: 'Action' }), 'Role changes');
  await ada.getByRole('searchbox', { name: 'Search the audit log' }).fill('linus');
  await expect(ada).toHaveURL(/action=/);
  await expect(entry).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Settings' })).toHaveCount(0);
  await expectNoSeriousViolations(ada, 'audit log');

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
      await page.goto(ada.url());
      await expect(page.getByText(`→ ${next}`).first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `audit-${size}-${scheme}.png`) });
      await context.close();
    }
});
