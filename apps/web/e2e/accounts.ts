import { createHmac } from 'node:crypto';
import { test as base, expect, type BrowserContext, type Page, type ViewportSize } from '@playwright/test';
import { followLinkInMail, SUBJECT } from './mailbox.ts';

/** A password the server's strength check accepts (10+ characters, not a common one). */
export const STRONG_PASSWORD = 'tangerine orbit velvet 42';

export const DESKTOP: ViewportSize = { width: 1280, height: 800 };
export const PHONE: ViewportSize = { width: 390, height: 844 };

export interface Person {
  name: string;
  email: string;
  password: string;
}

/**
 * Someone new, with an address no other test or run uses (specs share one server and database),
 * of an everyday length: "nova.mi9x2k4w7f@newcomer.test".
 */
export function newPerson(name: string): Person {
  const unique = Date.now().toString(36) + Math.floor(Math.random() * 36 ** 2).toString(36);
  const email = `${name.split(' ')[0]!.toLowerCase()}.${unique}@newcomer.test`;
  return { name, email, password: STRONG_PASSWORD };
}

/** `newDevice(viewport)`: a browser of its own (cookies included) at that size, closed after the test. */
export const test = base.extend<{ newDevice: (viewport?: ViewportSize) => Promise<Page> }>({
  newDevice: async ({ browser }, use) => {
    const devices: BrowserContext[] = [];
    await use(async (viewport = DESKTOP) => {
      const context = await browser.newContext({ viewport });
      devices.push(context);
      return context.newPage();
    });
    await Promise.all(devices.map((context) => context.close()));
  },
});

/** Fills the sign-in form on the page it is on and submits it; what follows is up to the caller. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in from /sign-in and waits until the app has let the person in. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Roster' })).toBeVisible();
}

/** Creates an account on /sign-up and follows the mailed link, which signs the person in. */
export async function signUpAndVerify(page: Page, person: Person) {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(page.getByText(`We sent a link to ${person.email}`)).toBeVisible();

  await followLinkInMail(page, person.email, SUBJECT.verifyEmail, /\/verify-email/);
  await expect(page.getByRole('heading', { name: 'Email verified' })).toBeVisible();
  // A moment later the page moves on by itself, into the app.
  await expect(page.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
  await expect(accountMenu(page, person.name)).toBeVisible();
}

/** Nothing sticks out sideways: the page needs no horizontal scrolling at its width. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await expect.poll(overflow).toBeLessThanOrEqual(0);
}

/** Tags the page's document, so that `expectNotReloaded` can tell a reload (which drops the tag). */
export async function tagDocument(page: Page) {
  await page.evaluate(() => document.documentElement.setAttribute('data-e2e-tagged', ''));
}

export async function expectNotReloaded(page: Page) {
  await expect(page.locator('html[data-e2e-tagged]')).toHaveCount(1);
}

export function accountMenu(page: Page, name: string) {
  return page.getByRole('button', { name: `Account menu for ${name}` });
}

export async function openAccountPage(page: Page, name: string) {
  await accountMenu(page, name).click();
  await page.getByRole('menuitem', { name: 'Account settings' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
}

/**
 * Signed out, on the invitee's device: follows the invitation mail's link and creates the account
 * on the invitation page (the link proved the address). Leaves the person there, signed in.
 */
export async function signUpFromInvitation(page: Page, person: Person) {
  await followLinkInMail(page, person.email, SUBJECT.invitation, /\/invitations\//);
  await expect(page.getByRole('heading', { name: 'Join Acme on Roster' })).toBeVisible();
  const form = page.getByRole('form', { name: 'New to Roster? Create your account' });
  await expect(form.getByLabel('Email')).toHaveValue(person.email);
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('button', { name: 'Accept and join Acme' })).toBeVisible();
}

/** An admin on Acme's members page invites one address from the "Add members" drawer. */
export async function inviteToAcme(admin: Page, email: string, role: 'Admin' | 'Member' = 'Member') {
  await admin.getByRole('button', { name: 'Add members' }).click();
  const drawer = admin.getByRole('dialog', { name: 'Add members' });
  // A comma ends an address: it becomes a chip.
  await drawer.getByLabel('Email addresses').pressSequentially(`${email},`);
  if (role !== 'Member') {
    await drawer.getByRole('combobox', { name: 'Organization role' }).click();
    await admin.getByRole('option', { name: new RegExp(`^${role}`) }).click();
  }
  await drawer.getByRole('button', { name: 'Invite 1 person' }).click();
  const results = drawer.getByRole('list', { name: 'Result per address' });
  await expect(results.getByRole('listitem').filter({ hasText: email })).toContainText('Invited');
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toHaveCount(0);
}

/**
 * What an authenticator app shows for a base32 secret right now (RFC 6238: HMAC-SHA1, 6 digits,
 * 30 s steps), as apps/server/test/account-helpers.ts `totpFor` computes it.
 */
export function totpCode(secret: string, at = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.replace(/[\s=]+/g, '').toUpperCase())
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac('sha1', key).update(counter).digest();
  const offset = hmac[hmac.length - 1]! & 0xf;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}
