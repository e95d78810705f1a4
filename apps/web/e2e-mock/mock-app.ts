import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../e2e/fixtures.ts';

/**
 * Mock mode playing `scenario` in the test's own tab, signed in as Ada through the real sign-in
 * form. The first load's `?scenario=` picks it; the sign-in that follows stays in the same page,
 * so the organization the tab's server started with is the one Ada sees.
 */
export async function openScenario(page: Page, scenario: string): Promise<void> {
  await page.goto(`/sign-in?scenario=${scenario}`);
  await page.getByLabel('Email').fill('ada@acme.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/o\/[^/]+\/members/);
}

export function liveIndicator(page: Page) {
  return page.getByRole('status', { name: /Live updates/ });
}

/** Every state the live indicator passes through from now on, even ones shown only briefly. */
export async function recordLiveStates(page: Page): Promise<() => Promise<string[]>> {
  await expect(liveIndicator(page)).toHaveAttribute('data-status', /.+/);
  await liveIndicator(page).evaluate((el) => {
    const seen: string[] = [el.getAttribute('data-status') ?? ''];
    (window as unknown as { __liveStates: string[] }).__liveStates = seen;
    new MutationObserver(() => seen.push(el.getAttribute('data-status') ?? '')).observe(el, {
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });
  return () => page.evaluate(() => (window as unknown as { __liveStates: string[] }).__liveStates);
}

/** The role shown on every member row on screen, in order: a change anywhere changes it. */
export async function rolesOnScreen(page: Page): Promise<string> {
  const roles = await page.getByRole('combobox', { name: /^Role for / }).allTextContents();
  return roles.join('|');
}

export async function openSection(page: Page, section: 'Invitations' | 'Requests') {
  await page
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: new RegExp(`^${section}`) })
    .click();
}

/** The number a section tab shows beside its name (0 when it shows none). */
export async function sectionCount(page: Page, section: 'Invitations' | 'Requests'): Promise<number> {
  const link = page
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: new RegExp(`^${section}`) });
  const digits = /\d[\d,]*/.exec((await link.textContent()) ?? '')?.[0] ?? '0';
  return Number(digits.replace(/,/g, ''));
}

/** Types one address into the Add members drawer and sends it. */
export async function inviteOne(page: Page, email: string) {
  await page.getByRole('button', { name: 'Add members' }).click();
  await page.getByLabel('Email addresses').fill(email);
  await page.getByLabel('Email addresses').press('Enter');
  await page.getByRole('button', { name: 'Invite 1 person' }).click();
}
