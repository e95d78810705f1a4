import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { openAccountPage } from './accounts.ts';
import { expectLive, roleSelect, showOnly, signedInPage } from './fixtures.ts';
import { expectUnderPointer } from './pointer.ts';

// Tabs that earlier specs left open are people on these pages too: each test starts with none.
test.beforeEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

/** Who else the page's header says is here. */
const alsoHere = (page: Page) => page.getByRole('group', { name: 'Also on this page' });

test('two admins on the members page see each other, and the row one of them is changing', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  const grace = await signedInPage(browser, 'grace@acme.test');
  await Promise.all([expectLive(ada), expectLive(grace)]);

  // Each sees the other beside the page's title, never themselves.
  await expect(alsoHere(ada).getByRole('img', { name: 'Grace Hopper' })).toBeVisible();
  await expect(alsoHere(grace).getByRole('img', { name: 'Ada Lovelace' })).toBeVisible();
  await expect(alsoHere(ada).getByRole('img')).toHaveCount(1);
  await expect(alsoHere(grace).getByRole('img')).toHaveCount(1);
  await alsoHere(grace).getByRole('img', { name: 'Ada Lovelace' }).hover();
  await expect(grace.getByRole('tooltip')).toHaveText('Ada Lovelace');
  // A pointer glides away (Radix keeps a tooltip open while the pointer may be heading into it).
  await grace.mouse.move(640, 600, { steps: 8 });
  await expect(grace.getByRole('tooltip')).toHaveCount(0);

  // Ada opens a member's role list with a click; Grace sees who is on that row, before any save.
  await showOnly(ada, 'barbara.2@');
  await showOnly(grace, 'barbara.2@');
  const role = roleSelect(ada, 'Barbara Thompson');
  await expectUnderPointer(role);
  await role.click();
  await expect(ada.getByRole('listbox')).toBeVisible();
  const hint = grace.getByRole('img', { name: 'Ada is changing this role' });
  await expect(hint).toBeVisible();
  await expect(hint).toHaveText('AL');
  await hint.hover();
  await expect(grace.getByRole('tooltip')).toHaveText('Ada is changing this role');
  await expectNoSeriousViolations(grace, 'members page with another admin on it');

  // Closing the list ends the hint; it never locked anything.
  await ada.keyboard.press('Escape');
  await expect(ada.getByRole('listbox')).toHaveCount(0);
  await expect(hint).toHaveCount(0);

  // Ada closes her tab: after the server's short grace for reloads, she is gone from Grace's header
  // (how soon is the integration suite's to hold; here a loaded machine only must not fail it).
  await ada.context().close();
  await expect(alsoHere(grace)).toHaveCount(0, { timeout: 15_000 });
  await grace.context().close();
});

test('a settings field another admin has focused says who is editing it', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  const grace = await signedInPage(browser, 'grace@acme.test');
  await Promise.all([expectLive(ada), expectLive(grace)]);
  for (const page of [ada, grace]) {
    await page.goto(page.url().replace(/\/members.*$/, '/settings'));
    await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
  }
  await expect(alsoHere(grace).getByRole('img', { name: 'Ada Lovelace' })).toBeVisible();

  await ada.getByLabel('Pending requests per member').click();
  await expect(grace.getByText('Ada is editing')).toBeVisible();
  await expectNoSeriousViolations(grace, 'settings with another admin editing a field');

  // Moving, in the app, to a page outside the org's admin pages takes her off this one at once.
  await openAccountPage(ada, 'Ada Lovelace');
  await expect(alsoHere(grace)).toHaveCount(0);
  await Promise.all([ada.context().close(), grace.context().close()]);
});
