import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { DESKTOP, expectNoSidewaysScroll, PHONE, test } from './accounts.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseRole, expectLive, roleSelect, showOnly, signedInPage } from './fixtures.ts';
import { pickOption } from './pointer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');
const PERSON = 'Vint Liskov';

test.describe.configure({ timeout: 180_000 });

/** Picks the person's role in their row; taking admin away is confirmed, as the page asks. */
async function setRole(page: Page, role: 'Admin' | 'Member') {
  await chooseRole(page, PERSON, role);
  if (role === 'Admin') return;
  const ask = page.getByRole('alertdialog', { name: `Make ${PERSON} ${role}?` });
  await ask.getByRole('button', { name: `Make ${role}` }).click();
}

test('one admin changes a role; the other sees it arrive in the audit log, live, finds it by its filters and reverts it, and the first sees the role go back', async ({
  browser,
}) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const grace = await signedInPage(browser, 'grace@acme.test', DESKTOP);
  await ada.goto('/o/acme/audit');
  await expect(ada.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  await expectLive(ada);

  // Grace flips the role of a demo member no other spec relies on (runs share a database:
  // whatever it is now, to the other one; put back at the end).
  await grace.goto('/o/acme/members');
  await showOnly(grace, 'vint.40@');
  const before = (await roleSelect(grace, PERSON).textContent()) ?? '';
  const next = before.includes('Admin') ? 'Member' : 'Admin';
  await setRole(grace, next);
  await expect(roleSelect(grace, PERSON)).toHaveText(new RegExp(next));

  const table = ada.getByRole('table', { name: 'Audit log' });
  const entry = table
    .getByRole('row')
    .filter({ hasText: 'Grace Hopper' })
    .filter({ hasText: `→ ${next}` })
    .first();
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(PERSON);

  await pickOption(ada.getByRole('combobox', { name: 'Action' }), 'Role changes');
  await ada.getByRole('searchbox', { name: 'Search the audit log' }).fill('vint');
  await expect(ada).toHaveURL(/action=/);
  await expect(entry).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'Settings' })).toHaveCount(0);
  await expectNoSeriousViolations(ada, 'audit log');

  // The export downloads what the filters show: the change, named as it was, in CSV.
  const download = ada.waitForEvent('download');
  await ada.getByRole('link', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^id,seq,at,action,/);
  expect(csv).toMatch(
    new RegExp(`member\\.role_changed,user,[^,]+,Grace Hopper,grace@acme\\.test,member,[^,]+,${PERSON},`),
  );

  // Ada reverts Grace's change from the log (which also puts the demo member back as they were);
  // Grace's members page shows the role go back, live.
  const revert = entry.getByRole('button', { name: `Revert: ${PERSON}` });
  // Wholly in view where it is, without the table scrolling sideways to reach it.
  await expect(revert).toBeInViewport({ ratio: 1 });
  await revert.click();
  const ask = ada.getByRole('alertdialog', { name: 'Revert this change?' });
  await expect(ask).toContainText(`Role: ${next} → ${before.includes('Admin') ? 'Admin' : 'Member'}`);
  await expectNoSeriousViolations(ada, 'revert confirmation');
  await ask.getByRole('button', { name: 'Revert', exact: true }).click();
  await expect(ask).toBeHidden();
  await expect(entry).toContainText('Reverted by Ada Lovelace');
  await expect(roleSelect(grace, PERSON)).not.toHaveText(new RegExp(next));
  await expect(
    table.getByRole('row').filter({ hasText: 'Ada Lovelace' }).filter({ hasText: 'Undid: Changed a role' }).first(),
  ).toBeVisible();

  // The page at both sizes, light and dark: the change, and its revert with the revert's own Revert.
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
      await expect(page.getByText('Reverted by Ada Lovelace').first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `audit-${size}-${scheme}.png`) });
      await context.close();
    }
});
