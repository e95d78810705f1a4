import { expect, type Locator, type Page } from '@playwright/test';

/** The subjects of the mails these specs follow (apps/server/src/mail). */
export const SUBJECT = {
  verifyEmail: 'Confirm your email address for Roster',
  resetPassword: 'Reset your Roster password',
  invitation: 'invited you to Acme on Roster',
} as const;

/** Below this width the dev mailbox has no room for the open mail (its list column alone is 340 px). */
const MAILBOX_MIN_WIDTH = 720;

/**
 * Where `page`'s owner reads mail: the page itself, or on a phone-sized page a second,
 * desktop-sized tab of the same browser. The dev mailbox (a stand-in for a mail app, not part of
 * the product) lays its list and the open mail side by side and shows no mail on a phone.
 */
export async function mailTabFor(page: Page): Promise<Page> {
  if ((page.viewportSize()?.width ?? Infinity) >= MAILBOX_MIN_WIDTH) return page;
  const tab = await page.context().newPage();
  await tab.setViewportSize({ width: 1280, height: 800 });
  return tab;
}

/**
 * Opens the dev mailbox (the server's stand-in for SMTP) in `tab` and shows the newest mail to
 * `address` whose subject contains `subject`. Mail goes out through an outbox and the page polls,
 * so this waits for it to arrive.
 */
export async function openMail(tab: Page, address: string, subject: string): Promise<Locator> {
  await tab.goto('/dev/mailbox');
  await expect(tab.getByRole('heading', { name: 'Dev mailbox' })).toBeVisible();
  const mail = tab
    .getByRole('list', { name: 'Mails' })
    .getByRole('button')
    .filter({ hasText: address })
    .filter({ hasText: subject })
    .first();
  await mail.click();
  const opened = tab.getByRole('article', { name: `Mail to ${address}` });
  await expect(opened.getByRole('heading', { name: subject })).toBeVisible();
  return opened;
}

/**
 * Follows the link in an opened mail whose address matches `path`, on `page`. A link into the
 * app's own pages, read on that same page, is clicked; any other link opens a new tab (and a mail
 * read in another tab is followed on `page`), so `page` goes to its address.
 */
export async function followMailLink(mail: Locator, path: RegExp, page: Page = mail.page()): Promise<void> {
  const link = mail.getByRole('link', { name: path });
  if (page === mail.page() && (await link.getAttribute('target')) !== '_blank') {
    await link.click();
    return;
  }
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`The link matching ${path} has no href`);
  await page.goto(href);
}

/** Opens the newest matching mail where `page`'s owner reads mail, and follows its link on `page`. */
export async function followLinkInMail(page: Page, address: string, subject: string, path: RegExp): Promise<void> {
  const tab = await mailTabFor(page);
  await followMailLink(await openMail(tab, address, subject), path, page);
  if (tab !== page) await tab.close();
}
