import { expect, test } from '@playwright/test';
import { chooseRole, showOnly, signedInPage } from './fixtures.ts';

test('a member opening the members page sees "Access restricted"', async ({ browser }) => {
  const linus = await signedInPage(browser, 'linus@acme.test');
  await expect(linus.getByRole('heading', { name: 'Access restricted' })).toBeVisible();
  await expect(linus.getByRole('table')).toHaveCount(0);
});

test('an admin demoted while the page is open sees "Access restricted" without reload', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  await showOnly(ada, 'dennis.4@');
  await chooseRole(ada, 'Dennis Dijkstra', 'Admin');
  const dennis = await signedInPage(browser, 'dennis.4@acme.test');
  await expect(dennis.getByLabel('Search members')).toBeVisible();

  await chooseRole(ada, 'Dennis Dijkstra', 'Member');
  // Taking admin away is asked once more.
  const ask = ada.getByRole('alertdialog', { name: 'Make Dennis Dijkstra Member?' });
  await ask.getByRole('button', { name: 'Make Member' }).click();

  await expect(dennis.getByRole('heading', { name: 'Access restricted' })).toBeVisible();
});
