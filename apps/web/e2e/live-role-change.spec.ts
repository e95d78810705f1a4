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

test('the live indicator leaves “Offline” when the network returns, and the list catches up', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  const grace = await signedInPage(browser, 'grace@acme.test');
  await Promise.all([expectLive(ada), expectLive(grace)]);
  await showOnly(ada, 'frances.6@');
  await showOnly(grace, 'frances.6@');
  const adaRole = ada.getByRole('combobox', { name: /^Role for / });
  const graceRole = grace.getByRole('combobox', { name: /^Role for / });
  const target = /External/.test((await graceRole.textContent()) ?? '') ? 'Member' : 'External';
  const indicator = grace.getByRole('status', { name: /Live updates/ });

  // Chromium's network emulation: the page is told it is offline, and nothing gets through.
  await grace.context().setOffline(true);
  await expect(indicator).toHaveText(/Offline/);
  await adaRole.click();
  await ada.getByRole('option', { name: new RegExp(`^${target}`) }).click();
  await expect(adaRole).toHaveText(new RegExp(target));

  await grace.context().setOffline(false);
  await expect(indicator).toHaveText(/Live|Resynced/, { timeout: 20_000 });
  await expect(graceRole).toHaveText(new RegExp(target));
});
