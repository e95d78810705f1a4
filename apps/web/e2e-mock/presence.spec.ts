import { expect, test } from '@playwright/test';
import { openScenario } from './mock-app.ts';

// Tall enough that every demo member's row is on screen, so Grace's hint shows wherever she is.
test.use({ viewport: { width: 1280, height: 2600 } });

test('busy-org: the other admins are on the page, one away, and Grace is seen changing a role', async ({ page }) => {
  await openScenario(page, 'busy-org');
  const others = page.getByRole('group', { name: 'Also on this page' });
  await expect(others.getByRole('img', { name: 'Grace Hopper' })).toBeVisible({ timeout: 20_000 });
  await expect(others.getByRole('img', { name: /^Margaret .* \(away\)$/ })).toBeVisible();
  // Frances sits on the settings page: she is not listed here, and you never are.
  await expect(others.getByRole('img', { name: /^Frances / })).toHaveCount(0);
  await expect(others.getByRole('img', { name: /^Ada / })).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'Grace is changing this role' })).toBeVisible({ timeout: 15_000 });
});
