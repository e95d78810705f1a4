import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { inviteToAcme } from './accounts.ts';
import { DEMO_PASSWORD, signedInPage } from './fixtures.ts';
import { followLinkInMail, SUBJECT } from './mailbox.ts';

// Each test opens its own browser contexts (one per person); close them, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

/**
 * The main flows at a laptop's and a phone's size, light and dark, walked with clicks; each page
 * is kept as a screenshot under test-results/screenshots/ (CI keeps the folder as an artifact),
 * for people to look at: a page that works but looks unfinished is not done.
 */

// A test walks every page with clicks and keeps a screenshot of each: minutes on a busy machine.
test.describe.configure({ timeout: 180_000 });

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
const SCHEMES = ['light', 'dark'] as const;
const DIR = join(import.meta.dirname, '..', 'test-results', 'screenshots');

async function device(browser: Browser, size: keyof typeof SIZES, scheme: (typeof SCHEMES)[number]) {
  const context = await browser.newContext({ viewport: SIZES[size], colorScheme: scheme, reducedMotion: 'reduce' });
  return context.newPage();
}

/** Full pages, except where a virtualized list would leave the unrendered part blank. */
async function keep(page: Page, name: string, { fullPage = true } = {}) {
  // Nothing on the page may scroll sideways, at any size.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage });
}

/** Opens one of the org's pages the way a person would at this size: the nav, or the header's menu. */
async function openPage(page: Page, name: 'Workspaces' | 'Settings') {
  const nav = page.getByRole('navigation', { name: /Acme pages/ });
  if (await nav.isVisible()) {
    await nav.getByRole('link', { name }).click();
  } else {
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('menuitem', { name, exact: true }).click();
  }
}

/** Something to show: two open invitations (one with a workspace) and a member's request. */
test.beforeAll(async ({ browser }) => {
  mkdirSync(DIR, { recursive: true });
  const stamp = Date.now();
  const ada = await signedInPage(browser, 'ada@acme.test', SIZES.desktop);
  await ada.getByRole('button', { name: 'Add members' }).click();
  const drawer = ada.getByRole('dialog', { name: 'Add members' });
  await drawer
    .getByLabel('Email addresses')
    .pressSequentially(`mira.${stamp}@example.test, oskar.${stamp}@example.test,`);
  await drawer.getByRole('button', { name: 'Add workspace' }).click();
  await drawer.getByRole('button', { name: 'Invite 2 people' }).click();
  await drawer.getByRole('button', { name: 'Done' }).click();
  await ada.context().close();

  const linus = await signedInPage(browser, 'linus@acme.test', SIZES.desktop);
  await linus.getByRole('button', { name: 'Request invitations' }).click();
  const request = linus.getByRole('dialog', { name: 'Add members' });
  await request.getByLabel('Email addresses').pressSequentially(`jun.${stamp}@example.test,`);
  await request.getByRole('button', { name: 'Request 1 person' }).click();
  await request.getByRole('button', { name: 'Done' }).click();
  await linus.context().close();
});

for (const size of Object.keys(SIZES) as (keyof typeof SIZES)[]) {
  for (const scheme of SCHEMES) {
    test(`main pages on a ${size}, ${scheme}`, async ({ browser }) => {
      const tag = `${size}-${scheme}`;
      const page = await device(browser, size, scheme);
      await page.goto('/sign-in');
      await expect(page.getByRole('heading', { name: 'Sign in to Roster' })).toBeVisible();
      await keep(page, `sign-in-${tag}`);

      await page.getByLabel('Email').fill('ada@acme.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.waitForURL(/\/o\/[^/]+\/members/);
      await expect(page.getByText(/^\d+ members$/)).toBeVisible();
      await expect(page.getByRole('status', { name: /Live updates/ })).toHaveText(/Live/);
      await keep(page, `members-${tag}`, { fullPage: false });

      await page.getByRole('button', { name: 'Add members' }).click();
      const drawer = page.getByRole('dialog', { name: 'Add members' });
      await drawer.getByRole('button', { name: 'Add workspace' }).click();
      await keep(page, `add-members-${tag}`, { fullPage: false });
      await drawer.getByRole('button', { name: 'Close' }).click();

      const sections = page.getByRole('navigation', { name: 'Members sections' });
      await sections.getByRole('link', { name: /^Invitations/ }).click();
      await expect(page.getByRole('searchbox', { name: 'Search invitations' })).toBeVisible();
      await keep(page, `invitations-${tag}`);

      await sections.getByRole('link', { name: /^Requests/ }).click();
      await expect(page.getByText(/waiting for approval|Nothing waiting/)).toBeVisible();
      await keep(page, `requests-${tag}`);

      await openPage(page, 'Workspaces');
      await expect(page.getByRole('table', { name: 'Workspaces' })).toBeVisible();
      await keep(page, `workspaces-${tag}`);

      await openPage(page, 'Settings');
      await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
      await expect(page.getByRole('radio', { name: /^Anyone/ })).toBeVisible();
      await keep(page, `settings-${tag}`);

      await page.getByRole('button', { name: /^Account menu/ }).click();
      await page.getByRole('menuitem', { name: 'Account settings' }).click();
      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Signed-in devices' })).toBeVisible();
      await keep(page, `account-${tag}`);
    });
  }
}

/** The pages a person reaches, signed out and as an admin, by their paths. */
async function everyPage(page: Page): Promise<[string, string][]> {
  const orgPath = new URL(page.url()).pathname.replace(/\/members$/, '');
  await page.goto(`${orgPath}/workspaces`);
  const workspace = await page.getByRole('link', { name: 'Platform' }).getAttribute('href');
  return [
    ['members', `${orgPath}/members`],
    ['invitations', `${orgPath}/members?section=invitations`],
    ['requests', `${orgPath}/members?section=requests`],
    ['workspaces', `${orgPath}/workspaces`],
    ['workspace', workspace!],
    ['settings', `${orgPath}/settings`],
    ['developers', `${orgPath}/developers`],
    ['account', '/account'],
    ['dev mailbox', '/dev/mailbox'],
  ];
}

for (const width of [360, 2560]) {
  test(`nothing scrolls sideways at ${width} px`, async ({ browser }) => {
    const size = { width, height: width === 360 ? 740 : 1440 };
    const signedOut = await (await browser.newContext({ viewport: size })).newPage();
    for (const path of [
      '/sign-in',
      '/sign-up',
      '/check-inbox?email=a%40b.test',
      '/forgot-password',
      '/reset-password',
    ]) {
      await signedOut.goto(path);
      await expect(signedOut.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await keep(signedOut, `${path.slice(1).split('?')[0]}-${width}`, { fullPage: false });
    }
    const ada = await signedInPage(browser, 'ada@acme.test', size);
    const pages = await everyPage(ada);
    for (const [name, path] of pages) {
      await ada.goto(path);
      await expect(ada.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // The lists arrive after the heading; a screenshot of a skeleton shows nothing.
      await ada.waitForLoadState('networkidle');
      await keep(ada, `${name.replace(' ', '-')}-${width}`, { fullPage: false });
    }
    await ada.goto(pages[0]![1]);
    await ada.getByRole('button', { name: 'Add members' }).click();
    await expect(ada.getByRole('dialog', { name: 'Add members' })).toBeVisible();
    await keep(ada, `add-members-${width}`, { fullPage: false });
    await ada.getByRole('dialog', { name: 'Add members' }).getByRole('button', { name: 'Close' }).click();

    // The invitation page, signed out, for an address as long as addresses get.
    const longAddress = `firstname.middlename.lastname.${Date.now()}@engineering.subsidiary-of-acme.example.test`;
    await inviteToAcme(ada, longAddress);
    await followLinkInMail(signedOut, longAddress, SUBJECT.invitation, /\/invitations\//);
    await expect(signedOut.getByRole('heading', { name: 'Join Acme on Roster' })).toBeVisible();
    await keep(signedOut, `invitation-${width}`);
  });
}
