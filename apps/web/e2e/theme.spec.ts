import { expect, test, type Page } from '@playwright/test';
import { signedInPage } from './fixtures.ts';
import { expectUnderPointer } from './pointer.ts';

// Each test opens its own browser contexts (one per person); close them, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme chosen in the header holds across reloads, before the app renders', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', { width: 1280, height: 800 });
  const light = await background(ada);

  await ada.getByRole('button', { name: 'Theme: System' }).click();
  const dark = ada.getByRole('menuitemradio', { name: 'Dark' });
  await expectUnderPointer(dark);
  await dark.click();
  await expect(ada.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(ada)).not.toBe(light);

  // The saved choice is on <html> as soon as the first module runs, before React mounts.
  await ada.reload({ waitUntil: 'domcontentloaded' });
  await expect(ada.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(ada.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();

  await ada.getByRole('button', { name: 'Theme: Dark' }).click();
  await ada.getByRole('menuitemradio', { name: 'System' }).click();
  await expect(ada.locator('html')).not.toHaveAttribute('data-theme');
  expect(await background(ada)).toBe(light);
});
