import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { DEMO_PASSWORD } from './fixtures.ts';

// Each test opens its own browser contexts (one per person); close them, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

/**
 * axe finds no serious or critical violation on any page or open dialog, in the light and the
 * dark scheme (the system's preference, which the app follows by default).
 */

const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
const DIALOG = '[role="dialog"], [role="alertdialog"]';
const PHONE = { width: 390, height: 844 };

async function device(browser: Browser, scheme: Scheme, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce', viewport });
  return context.newPage();
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/o\/[^/]+\/members/);
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    // A scan takes a few seconds on a busy machine, and each test runs a dozen.
    test.describe.configure({ timeout: 240_000 });

    test('signed-out pages', async ({ browser }) => {
      const page = await device(browser, scheme);
      const pages: [string, string, RegExp][] = [
        ['sign-in', '/sign-in', /Sign in to Roster/],
        ['sign-up', '/sign-up', /Create your account/],
        ['check inbox', '/check-inbox?email=someone%40example.test', /Check your inbox/],
        ['forgot password', '/forgot-password', /password/i],
        ['reset password (bad link)', '/reset-password?error=INVALID_TOKEN', /link/i],
        ['invitation (unknown link)', '/invitations/not-a-real-token', /./],
        ['dev mailbox', '/dev/mailbox', /Dev mailbox/],
      ];
      for (const [name, path, heading] of pages) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
        await expect(page.getByRole('main')).toBeVisible();
        await expectNoSeriousViolations(page, `${name} (${scheme})`);
      }
      // A refused sign-in shows its error state.
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill('ada@acme.test');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await expect(page.getByRole('alert').first()).toBeVisible();
      await expectNoSeriousViolations(page, `sign-in refused (${scheme})`);
    });

    test('an admin’s pages', async ({ browser }) => {
      const page = await device(browser, scheme);
      await signIn(page, 'ada@acme.test');
      await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
      await expectNoSeriousViolations(page, `members (${scheme})`);
      await page
        .getByRole('checkbox', { name: /^Select (?!all)/ })
        .nth(1)
        .click();
      await expectNoSeriousViolations(page, `members with a selection (${scheme})`, '[role="region"]');
      await page.getByRole('button', { name: 'Clear selection' }).click();

      const sections = page.getByRole('navigation', { name: 'Members sections' });
      await sections.getByRole('link', { name: /^Invitations/ }).click();
      await expect(page.getByRole('searchbox', { name: 'Search invitations' })).toBeVisible();
      await expectNoSeriousViolations(page, `invitations (${scheme})`);
      await sections.getByRole('link', { name: /^Requests/ }).click();
      await expect(page.getByText(/waiting for approval|Nothing waiting/)).toBeVisible();
      await expectNoSeriousViolations(page, `requests (${scheme})`);

      const nav = page.getByRole('navigation', { name: /Acme pages/ });
      await nav.getByRole('link', { name: 'Workspaces' }).click();
      await expect(page.getByRole('table', { name: 'Workspaces' })).toBeVisible();
      await expectNoSeriousViolations(page, `workspaces (${scheme})`);
      await page.getByRole('link', { name: 'Platform' }).click();
      await expect(page.getByRole('table', { name: 'Members of Platform' })).toBeVisible();
      await expectNoSeriousViolations(page, `workspace (${scheme})`);

      await nav.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
      await expectNoSeriousViolations(page, `settings (${scheme})`);

      await nav.getByRole('link', { name: 'Developers' }).click();
      await expect(page.getByRole('heading', { name: 'Developers', level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, `developers (${scheme})`);

      await page.goto('/account');
      await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
      await expect(page.getByRole('list', { name: 'Signed-in devices' })).toBeVisible();
      await expectNoSeriousViolations(page, `account (${scheme})`);
    });

    test('an admin’s menus and dialogs', async ({ browser }) => {
      const page = await device(browser, scheme);
      await signIn(page, 'ada@acme.test');
      await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
      await page.getByRole('heading', { level: 1 }).first().click();
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoSeriousViolations(page, `keyboard shortcuts (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: /^Account menu/ }).click();
      await expectNoSeriousViolations(page, `account menu (${scheme})`, '[role="menu"]');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /^Theme/ }).click();
      await expectNoSeriousViolations(page, `theme menu (${scheme})`, '[role="menu"]');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Add members' }).click();
      const drawer = page.getByRole('dialog', { name: 'Add members' });
      await drawer.getByRole('button', { name: 'Add workspace' }).click();
      await expectNoSeriousViolations(page, `add members drawer (${scheme})`, DIALOG);
      await drawer.getByRole('combobox', { name: 'Organization role' }).click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectNoSeriousViolations(page, `role select in the drawer (${scheme})`, '[role="listbox"]');
      await page.keyboard.press('Escape');
      await drawer.getByRole('button', { name: 'Close' }).click();

      await page
        .getByRole('checkbox', { name: /^Select (?!all)/ })
        .nth(1)
        .click();
      await page.getByRole('button', { name: 'Change role…' }).click();
      const bulk = page.getByRole('dialog', { name: /role/ });
      await expect(bulk.getByText(/^(Makes 1 person|Nobody changes)/)).toBeVisible();
      await expectNoSeriousViolations(page, `bulk role dialog (${scheme})`, DIALOG);
      await bulk.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'Clear selection' }).click();

      await page
        .getByRole('button', { name: /^Actions for / })
        .nth(1)
        .click();
      await page.getByRole('menuitem', { name: /View access/ }).click();
      await expect(
        page
          .getByRole('dialog', { name: /^Access of / })
          .getByText(/workspace/i)
          .first(),
      ).toBeVisible();
      await expectNoSeriousViolations(page, `view access dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');

      await page
        .getByRole('navigation', { name: /Acme pages/ })
        .getByRole('link', { name: 'Workspaces' })
        .click();
      await page.getByRole('button', { name: 'New workspace' }).click();
      await expectNoSeriousViolations(page, `new workspace dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Platform' }).click();
      await page.getByRole('button', { name: 'Add users' }).click();
      await page.getByRole('searchbox', { name: 'Search people' }).fill('Lin');
      await expect(page.getByRole('list', { name: 'People found' })).toBeVisible();
      await expectNoSeriousViolations(page, `add users dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Rename' }).click();
      await expectNoSeriousViolations(page, `rename workspace dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Delete workspace' }).click();
      await expect(page.getByRole('alertdialog').getByText(/access to Platform/)).toBeVisible();
      await expectNoSeriousViolations(page, `delete workspace dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');

      await page.goto('/account');
      await page.getByRole('button', { name: 'Delete account…' }).click();
      await expectNoSeriousViolations(page, `delete account dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');
    });

    test('a phone: member cards and the header’s menu', async ({ browser }) => {
      const page = await device(browser, scheme, PHONE);
      await signIn(page, 'ada@acme.test');
      await expect(page.getByRole('list', { name: 'Members' })).toBeVisible();
      await expectNoSeriousViolations(page, `members on a phone (${scheme})`);
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await expectNoSeriousViolations(page, `header menu (${scheme})`, '[role="menu"]');
      await page.keyboard.press('Escape');
    });

    test('a member’s restricted directory', async ({ browser }) => {
      const page = await device(browser, scheme);
      await signIn(page, 'linus@acme.test');
      await expect(page.getByRole('heading', { name: 'Access restricted' })).toBeVisible();
      await expectNoSeriousViolations(page, `access restricted (${scheme})`);
      await page.getByRole('button', { name: 'Request access' }).click();
      await expect(page.getByRole('dialog', { name: 'Request access' })).toBeVisible();
      await expectNoSeriousViolations(page, `request access dialog (${scheme})`, DIALOG);
      await page.keyboard.press('Escape');
    });
  });
}

test('a skip link, the first stop for the keyboard, jumps past the header', async ({ browser }) => {
  const page = await device(browser, 'light');
  await signIn(page, 'ada@acme.test');
  await expect(page.getByRole('table', { name: 'Members' })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).not.toHaveURL(/#main/);
});
