import { expect, test } from '@playwright/test';
import { expectLive, signedInPage } from './fixtures.ts';

test('a member’s invitation request reaches the admins live, and the approval reaches the member live', async ({
  browser,
}) => {
  const email = `requested-${Date.now()}@example.test`;
  const ada = await signedInPage(browser, 'ada@acme.test');
  const linus = await signedInPage(browser, 'linus@acme.test');
  await Promise.all([expectLive(ada), expectLive(linus)]);
  const requestsTab = ada
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: /^Requests/ });
  await expect(requestsTab).toBeVisible();
  const before = Number((await requestsTab.textContent())?.replace(/\D/g, '') || '0');

  // Linus (a member, under the default "members request" policy) proposes someone.
  await expect(linus.getByRole('heading', { name: 'Access restricted' })).toBeVisible();
  await linus.getByRole('button', { name: 'Request invitations' }).click();
  const drawer = linus.getByRole('dialog', { name: 'Add members' });
  await drawer.getByLabel('Email addresses').fill(email);
  await drawer.getByLabel('Email addresses').press('Enter');
  await drawer.getByRole('button', { name: 'Request 1 person' }).click();
  await drawer.getByRole('button', { name: 'Done' }).click();
  const mine = linus.getByRole('list', { name: 'My requests' }).getByRole('listitem', { name: `Request for ${email}` });
  await expect(mine).toContainText('Waiting for approval');

  // Ada's badge counts up without a reload; she approves.
  await expect(requestsTab).toHaveAccessibleName(`Requests (${before + 1})`);
  await requestsTab.click();
  const row = ada.getByRole('listitem', { name: `Request for ${email}` });
  await expect(row).toContainText('Linus Torvalds');
  await row.getByRole('button', { name: `Approve request for ${email}` }).click();
  const dialog = ada.getByRole('dialog', { name: `Approve the invitation for ${email}?` });
  await dialog.getByRole('button', { name: 'Approve and send' }).click();
  await expect(row).toHaveCount(0);

  // Linus sees it approved, live.
  await expect(mine).toContainText('Approved · invitation sent');
  await expect(mine).toContainText('approved by Ada Lovelace');
});
