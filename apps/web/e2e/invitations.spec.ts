import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectLive, signedInPage } from './fixtures.ts';

const PASSWORD = 'tangerine orbit velvet 42';

/** A fresh address per run: the e2e database lives for the whole run. */
const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e4)}@newcomer.test`;

async function inviteFromDrawer(admin: Page, email: string) {
  await admin.getByRole('button', { name: 'Add members' }).click();
  await admin.getByLabel('Email addresses').fill(email);
  await admin.getByLabel('Email addresses').press('Enter');
  await admin.getByRole('button', { name: 'Invite 1 person' }).click();
  const results = admin.getByRole('list', { name: 'Result per address' });
  await expect(results.getByRole('listitem').filter({ hasText: email })).toContainText('Invited');
  await admin.getByRole('button', { name: 'Done' }).click();
}

/** Invitations are a section of the members page of their own. */
async function openInvitations(admin: Page) {
  await admin
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: /^Invitations/ })
    .click();
}

async function signUp(page: Page, name: string, email: string) {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test('a new person invited by mail signs up from the link, joins, and appears live for other admins', async ({
  browser,
}) => {
  const email = uniqueEmail('mailed');
  const grace = await signedInPage(browser, 'grace@acme.test');
  await expectLive(grace);
  await grace.getByLabel('Search members').fill(email);
  await expect(grace.getByText('No members match')).toBeVisible();

  const ada = await signedInPage(browser, 'ada@acme.test');
  await inviteFromDrawer(ada, email);
  await openInvitations(ada);
  await expect(ada.getByRole('table', { name: 'Invitations' }).getByText(email)).toBeVisible();

  // The mail lands in the dev mailbox (no SMTP_URL in e2e); the newcomer follows its link.
  const newcomer = await newPage(browser);
  await newcomer.goto('/dev/mailbox');
  await newcomer.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click();
  await newcomer
    .getByRole('article')
    .getByRole('link', { name: /\/invitations\// })
    .click();
  await expect(newcomer.getByRole('heading', { name: 'Join Acme on Roster' })).toBeVisible();
  // The link proves the address: the account is created right here, verified and signed in.
  await newcomer.getByLabel('Name').fill('Nova Newcomer');
  await newcomer.getByLabel('Password').fill(PASSWORD);
  await newcomer.getByRole('button', { name: 'Create account' }).click();

  // R8: straight back to the invitation, no onboarding.
  await expect(newcomer).toHaveURL(/\/invitations\//);
  await newcomer.getByRole('button', { name: 'Accept and join Acme' }).click();
  await expect(newcomer.getByRole('heading', { name: 'You joined Acme' })).toBeVisible();

  // Grace never reloaded: the member.joined event brings the row.
  await expect(grace.getByText(email)).toBeVisible();
  await expect(grace.getByText('Nova Newcomer')).toBeVisible();
  // And Ada's invitations list dropped the accepted invitation.
  await expect(ada.getByRole('table', { name: 'Invitations' }).getByText(email)).toHaveCount(0);
});

test('an invitee’s inbox shows an invitation live, and drops it live when it is revoked', async ({ browser }) => {
  const email = uniqueEmail('inbox');
  const invitee = await newPage(browser);
  await invitee.goto('/sign-up');
  await signUp(invitee, 'Ingrid Inbox', email);
  // Nobody is signed in until the address is proven: the verification link is in the mailbox.
  await expect(invitee.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await invitee.goto('/dev/mailbox');
  await invitee.getByRole('button', { name: new RegExp(email.replace(/[.]/g, '\\.')) }).click();
  // The mailbox opens links in a new tab; this tab follows it itself.
  const verify = await invitee
    .getByRole('article')
    .getByRole('link', { name: /\/verify-email/ })
    .getAttribute('href');
  await invitee.goto(verify!);
  await expect(invitee.getByRole('heading', { name: 'Email verified' })).toBeVisible();
  await expect(invitee.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
  await expectLive(invitee);
  await expect(invitee.getByRole('button', { name: 'Invitations: none pending' })).toBeVisible();

  const ada = await signedInPage(browser, 'ada@acme.test');
  await inviteFromDrawer(ada, email);

  await expect(invitee.getByRole('button', { name: 'Invitations: 1 pending' })).toBeVisible();
  await expect(invitee.getByRole('list', { name: 'Your invitations' }).getByText('Acme')).toBeVisible();

  await openInvitations(ada);
  await ada.getByRole('button', { name: `Actions for the invitation to ${email}` }).click();
  await ada.getByRole('menuitem', { name: /Revoke invitation/ }).click();
  await ada.getByRole('alertdialog').getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(ada.getByRole('table', { name: 'Invitations' }).getByText(email)).toHaveCount(0);

  await expect(invitee.getByRole('button', { name: 'Invitations: none pending' })).toBeVisible();
  await expect(invitee.getByRole('list', { name: 'Your invitations' })).toHaveCount(0);
});
