import { expect, test } from '@playwright/test';
import {
  inviteOne,
  liveIndicator,
  openScenario,
  openSection,
  recordLiveStates,
  rolesOnScreen,
  sectionCount,
} from './mock-app.ts';
import { DEMO_PASSWORD } from '../e2e/fixtures.ts';

// Each test's tab runs its own server and players; Playwright’s `page` closes it after the test.
test.describe(() => {
  // Tall enough that all 44 demo members are rendered at once, so a change to any row is on screen.
  test.use({ viewport: { width: 1280, height: 2600 } });

  for (const [scenario, within] of [
    ['live', 20_000],
    ['busy', 5_000],
  ] as const) {
    test(`${scenario}: another admin’s role changes appear without reload, and the page stays Live`, async ({
      page,
    }) => {
      await openScenario(page, scenario);
      await expect(liveIndicator(page)).toHaveText(/Live|Resynced/);
      await expect(page.getByRole('combobox', { name: /^Role for / })).toHaveCount(44);
      const before = await rolesOnScreen(page);

      await expect.poll(() => rolesOnScreen(page), { timeout: within }).not.toBe(before);
      await expect(liveIndicator(page)).toHaveText(/Live|Resynced/);
    });
  }
});

test('reconnect: the connection drops, the page reconnects and resyncs, then is Live again', async ({ page }) => {
  // The scenario drops the connection every 25 s: up to one whole interval is spent waiting.
  test.setTimeout(120_000);
  await openScenario(page, 'reconnect');
  const liveStates = await recordLiveStates(page);

  await expect.poll(liveStates, { timeout: 40_000 }).toContain('reconnecting');
  await expect.poll(liveStates, { timeout: 15_000 }).toContain('resynced');
  await expect(liveIndicator(page)).toHaveText('Live', { timeout: 15_000 });
});

test('seat-cap: inviting anyone is refused with the seat limit message', async ({ page }) => {
  await openScenario(page, 'seat-cap');
  await inviteOne(page, 'one.more@newcomer.test');
  await expect(page.getByRole('alert').filter({ hasText: 'Seat limit reached' })).toBeVisible();
});

test('expired-invites: the invitations list shows expired invitations', async ({ page }) => {
  await openScenario(page, 'expired-invites');
  await openSection(page, 'Invitations');
  const table = page.getByRole('table', { name: 'Invitations' });
  await expect(table.getByText('Expired', { exact: true })).toHaveCount(5);
});

test('mail-failure: a new invitation ends up marked “Mail failed”', async ({ page }) => {
  await openScenario(page, 'mail-failure');
  const email = 'unlucky@newcomer.test';
  await inviteOne(page, email);
  const results = page.getByRole('list', { name: 'Result per address' });
  await expect(results.getByRole('listitem').filter({ hasText: email })).toContainText('Invited');
  await page.getByRole('button', { name: 'Done' }).click();
  await openSection(page, 'Invitations');
  const row = page.getByRole('table', { name: 'Invitations' }).getByRole('row').filter({ hasText: email });
  // Three attempts, 1 s and 5 s apart, before the outbox gives up.
  await expect(row.getByText('Mail failed')).toBeVisible({ timeout: 20_000 });
});

test('large: the organization has more than 5,000 members', async ({ page }) => {
  await openScenario(page, 'large');
  const count = page.getByText(/^\d[\d,]* members$/);
  await expect(count).toBeVisible();
  expect(Number((await count.textContent())!.replace(/\D/g, ''))).toBeGreaterThan(5_000);
});

test('busy-org: members’ invite requests count up on the Requests tab', async ({ page }) => {
  await openScenario(page, 'busy-org');
  await expect(liveIndicator(page)).toHaveText(/Live|Resynced/);
  const before = await sectionCount(page, 'Requests');
  await expect.poll(() => sectionCount(page, 'Requests'), { timeout: 20_000 }).toBeGreaterThan(before);
});

test('long-history: Alan Ritchie’s History reaches back months and grows while it is open', async ({ page }) => {
  await openScenario(page, 'long-history');
  await expect(liveIndicator(page)).toHaveText(/Live|Resynced/);
  await page.getByRole('button', { name: 'Actions for Alan Ritchie' }).click();
  await page.getByRole('menuitem', { name: /View access/ }).click();
  const drawer = page.getByRole('dialog', { name: 'Access of Alan Ritchie' });
  await drawer.getByRole('tab', { name: 'History' }).click();
  const history = drawer.getByRole('list', { name: 'History of Alan Ritchie' });
  await expect(history.getByRole('listitem')).toHaveCount(50);
  // Grace flips his role or Alan Sutherland's every 3 s: a new entry about him soon tops the list.
  const newest = await history.getByRole('listitem').first().getAttribute('data-entry');
  await expect
    .poll(() => history.getByRole('listitem').first().getAttribute('data-entry'), { timeout: 30_000 })
    .not.toBe(newest);
  // Scrolling to the end brings older entries.
  await history.getByRole('listitem').last().scrollIntoViewIfNeeded();
  await expect.poll(() => history.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(50);
});

test('quiet: the organization loads and is Live', async ({ page }) => {
  await openScenario(page, 'quiet');
  await expect(liveIndicator(page)).toHaveText(/Live|Resynced/);
  await expect(page.getByText('44 members', { exact: true })).toBeVisible();
});

test('an unknown API path answers 404 NOT_FOUND from the server in the tab', async ({ page }) => {
  await openScenario(page, 'quiet');
  const answer = await page.evaluate(async () => {
    const response = await fetch('/api/nope');
    const body = (await response.json()) as { error?: { code?: string } };
    return { status: response.status, code: body.error?.code, controlled: navigator.serviceWorker.controller !== null };
  });
  expect(answer).toEqual({ status: 404, code: 'NOT_FOUND', controlled: true });
});

test('deleted-org: Beta Labs is marked Deleted in the switcher, and its page restores it', async ({ page }) => {
  await openScenario(page, 'deleted-org');
  await page.getByRole('button', { name: /Switch organization/ }).click();
  const beta = page.getByRole('menuitem', { name: /Beta Labs/ });
  await expect(beta).toContainText('Deleted');
  await beta.click();
  await expect(page.getByText('Beta Labs is scheduled for deletion on')).toBeVisible();
  await page.getByRole('button', { name: 'Restore Beta Labs' }).click();
  await expect(page.getByText('Beta Labs is scheduled for deletion on')).toBeHidden();
  await page.getByRole('button', { name: /Switch organization/ }).click();
  await expect(page.getByRole('menuitem', { name: /Beta Labs/ })).not.toContainText('Deleted');
});

test('newcomer: Nora has no organization yet, and joins Acme through its domain on one click', async ({ page }) => {
  await page.goto('/sign-in?scenario=newcomer');
  await page.getByLabel('Email').fill('nora@acme.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const joinable = page.getByRole('list', { name: 'Organizations you can join' });
  await joinable.getByRole('button', { name: 'Join Acme' }).click();
  await page.waitForURL(/\/o\/acme\//);
  await expect(page.getByRole('button', { name: /Switch organization/ })).toContainText('Acme');
});
