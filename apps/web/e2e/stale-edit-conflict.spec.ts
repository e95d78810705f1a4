import { expect, test } from '@playwright/test';
import { chooseRole, roleSelect, showOnly, signedInPage } from './fixtures.ts';

test('a stale edit is refused and explained, with the current value shown', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test');
  const grace = await signedInPage(browser, 'grace@acme.test');
  // Grace's live connection drops (a flaky network): her page keeps showing the old value.
  await grace.context().route('**/socket.io/**', (route) => route.abort());
  await grace.reload();
  await showOnly(ada, 'claude.3@');
  await showOnly(grace, 'claude.3@');
  await expect(roleSelect(grace, 'Claude Wilson')).toHaveText(/Member/);

  await chooseRole(ada, 'Claude Wilson', 'External');
  await expect(roleSelect(ada, 'Claude Wilson')).toHaveText(/External/);
  await chooseRole(grace, 'Claude Wilson', 'Admin');

  // Toasts are also copied into a hidden live region for screen readers: read the visible one.
  const notifications = grace.getByRole('region', { name: /Notifications/ });
  await expect(notifications.getByText(/Ada Lovelace set Claude Wilson to External/)).toBeVisible();
  await expect(notifications.getByText(/your change was not applied/i)).toBeVisible();
  await expect(roleSelect(grace, 'Claude Wilson')).toHaveText(/External/);
});
