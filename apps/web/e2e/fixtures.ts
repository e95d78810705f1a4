import { expect, type Browser, type Page, type ViewportSize } from '@playwright/test';

export const DEMO_PASSWORD = 'roster-demo';

/** A fresh browser context signed in through the real sign-in page, on the members page. */
export async function signedInPage(browser: Browser, email: string, viewport?: ViewportSize): Promise<Page> {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/o\/[^/]+\/members/);
  return page;
}

/** Narrows the (virtualized) table to one person, so their row is on screen. */
export async function showOnly(page: Page, query: string) {
  await page.getByLabel('Search members').fill(query);
  await expect(page.getByRole('combobox', { name: /^Role for / })).toHaveCount(1);
}

export function roleSelect(page: Page, name: string) {
  return page.getByRole('combobox', { name: `Role for ${name}` });
}

export async function chooseRole(page: Page, name: string, role: 'Admin' | 'Member' | 'External') {
  await roleSelect(page, name).click();
  await page.getByRole('option', { name: new RegExp(`^${role}`) }).click();
}

export async function expectLive(page: Page) {
  await expect(page.getByRole('status', { name: /Live updates/ })).toHaveText(/Live|Resynced/);
}
