import { expect, test } from '@playwright/test';
import { chooseRole, expectLive, roleSelect, showOnly, signedInPage } from './fixtures.ts';

test('a role change by one admin appears on another admin’s page without reload', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  const grace = await signedInPage(browser, 'grace@acme.test');
  await Promise.all([expectLive(ada), expectLive(grace)]);
  await showOnly(ada, 'barbara.2@');
  await showOnly(grace, 'barbara.2@');
  await expect(roleSelect(grace, 'Barbara Thompson')).toHaveText(/Member/);

  await chooseRole(ada, 'Barbara Thompson', 'Admin');

  await expect(roleSelect(grace, 'Barbara Thompson')).toHaveText(/Admin/);
  await expect(grace.getByText(/Ada Lovelace/).first()).toBeVisible();
});
