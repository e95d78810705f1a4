import { expect, test, type Page } from '@playwright/test';
import { expectLive, signedInPage } from './fixtures.ts';
import { expectUnderPointer } from './pointer.ts';

// Each test opens its own browser contexts (one per person); close them, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

const DESKTOP = { width: 1280, height: 800 };

async function openWorkspaces(page: Page) {
  await page
    .getByRole('navigation', { name: /Acme pages/ })
    .getByRole('link', { name: 'Workspaces' })
    .click();
  await expect(page.getByRole('table', { name: 'Workspaces' })).toBeVisible();
}

test('a workspace is renamed and deleted with the mouse, live on another admin’s list', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const grace = await signedInPage(browser, 'grace@acme.test', DESKTOP);
  await Promise.all([openWorkspaces(ada), openWorkspaces(grace)]);
  const stamp = Date.now().toString(36);

  await ada.getByRole('button', { name: 'New workspace' }).click();
  const create = ada.getByRole('dialog', { name: 'New workspace' });
  await create.getByLabel('Name').fill(`Temp ${stamp}`);
  await create.getByRole('button', { name: 'Create workspace' }).click();
  await expect(grace.getByRole('link', { name: `Temp ${stamp}` })).toBeVisible();

  // A new workspace opens at once, ready for its people.
  await expect(ada.getByRole('heading', { name: `Temp ${stamp}` })).toBeVisible();
  await ada.getByRole('button', { name: 'Rename' }).click();
  const rename = ada.getByRole('dialog', { name: `Rename Temp ${stamp}` });
  await rename.getByLabel('Name').fill(`Renamed ${stamp}`);
  await expectUnderPointer(rename.getByRole('button', { name: 'Rename' }));
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(ada.getByRole('heading', { name: `Renamed ${stamp}` })).toBeVisible();
  await expect(grace.getByRole('link', { name: `Renamed ${stamp}` })).toBeVisible();

  await ada.getByRole('button', { name: 'Add users' }).click();
  const add = ada.getByRole('dialog', { name: `Add users to Renamed ${stamp}` });
  await add.getByRole('searchbox', { name: 'Search people' }).fill('Linus');
  await add.getByRole('checkbox', { name: 'Select Linus Torvalds' }).click();
  await add.getByRole('button', { name: 'Add 1 person' }).click();
  await expect(add.getByText(`Linus Torvalds added to Renamed ${stamp}`)).toBeVisible();
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(add).toHaveCount(0);
  await expect(ada.getByRole('table').getByText('Linus Torvalds')).toBeVisible();

  await ada.getByRole('button', { name: 'Delete workspace' }).click();
  const remove = ada.getByRole('alertdialog', { name: `Delete Renamed ${stamp}?` });
  await expect(remove).toContainText(`1 person loses access to Renamed ${stamp}: Linus Torvalds`);
  await expectUnderPointer(remove.getByRole('button', { name: 'Delete workspace' }));
  await remove.getByRole('button', { name: 'Delete workspace' }).click();
  await expect(
    ada.getByRole('region', { name: /Notifications/ }).getByText(`Renamed ${stamp} was deleted`),
  ).toBeVisible();
  await expect(grace.getByRole('link', { name: `Renamed ${stamp}` })).toHaveCount(0);
});

test('a member asks for access from “Access restricted”, and the admins hear of it live', async ({ browser }) => {
  // One request per page an hour: a retry asks about another page.
  const [path, page] = test.info().retry === 0 ? ['members', 'Members'] : ['settings', 'Settings'];
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const linus = await signedInPage(browser, 'linus@acme.test', DESKTOP);
  await expectLive(ada);
  if (path === 'settings') await linus.goto(linus.url().replace(/\/members.*$/, '/settings'));
  await expect(linus.getByRole('heading', { name: 'Access restricted' })).toBeVisible();
  await expect(linus.getByText(/Ada Lovelace/)).toBeVisible();

  await linus.getByRole('button', { name: 'Request access' }).click();
  const dialog = linus.getByRole('dialog', { name: 'Request access' });
  await dialog.getByRole('textbox').fill('I look after onboarding now.');
  await expectUnderPointer(dialog.getByRole('button', { name: 'Send request' }));
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(linus.getByText(/Request sent/)).toBeVisible();
  const toasts = ada.getByRole('region', { name: /Notifications/ });
  await expect(toasts.getByText(`Linus Torvalds asks for access to ${page}`)).toBeVisible();
});

test('“/” jumps to the search and “?” lists the shortcuts', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const search = ada.getByRole('searchbox', { name: 'Search members' });
  await expect(search).toBeVisible();
  await ada.getByRole('heading', { level: 1 }).first().click();
  await ada.keyboard.press('/');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await ada.getByRole('heading', { level: 1 }).first().click();
  await ada.keyboard.press('?');
  const shortcuts = ada.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toContainText('Search this page');
  await ada.keyboard.press('Escape');
  await expect(shortcuts).toHaveCount(0);
});
