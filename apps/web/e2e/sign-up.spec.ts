import { expect } from '@playwright/test';
import {
  DESKTOP,
  expectNoSidewaysScroll,
  inviteToAcme,
  newPerson,
  PHONE,
  signIn,
  signOut,
  signUpFromInvitation,
  submitSignIn,
  test,
} from './accounts.ts';
import { DEMO_PASSWORD } from './fixtures.ts';
import { followLinkInMail, SUBJECT } from './mailbox.ts';

// Signed in, the app shell is 880 px wide at least (a known issue, fixed elsewhere): on a phone its
// pages scroll sideways, so only the signed-out pages are checked to fit the screen.
for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test.describe(`on a ${device} (${viewport.width}×${viewport.height})`, () => {
    test('signing up without an invitation: the mailed link verifies the address and signs in', async ({
      newDevice,
    }) => {
      const nova = newPerson('Nova Signup');
      const page = await newDevice(viewport);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.getByLabel('Name').fill(nova.name);
      await page.getByLabel('Email').fill(nova.email);
      await page.getByLabel('Password').fill(nova.password);
      await page.getByRole('button', { name: 'Create account' }).click();

      // Nobody is signed in until the address is proven.
      await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
      await expect(page.getByText(`We sent a link to ${nova.email}`)).toBeVisible();
      await expectNoSidewaysScroll(page);

      await followLinkInMail(page, nova.email, SUBJECT.verifyEmail, /\/verify-email/);
      await expect(page.getByRole('heading', { name: 'Email verified' })).toBeVisible();
      await expectNoSidewaysScroll(page);
      // A moment later the page moves on by itself, into the app, signed in.
      await expect(page.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
      await expect(page.getByRole('button', { name: `Account menu for ${nova.name}` })).toBeVisible();

      // The account works with its password from now on, with no further check.
      await signOut(page);
      await expectNoSidewaysScroll(page);
      await submitSignIn(page, nova.email, nova.password);
      await expect(page.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
    });

    test('an invitee signs up on the invitation page, accepts, and lands in the organization', async ({
      newDevice,
    }) => {
      test.slow(); // Two browsers and a mail: room for a busy machine.
      const ines = newPerson('Ines Invitee');
      const ada = await newDevice(DESKTOP);
      await signIn(ada, 'ada@acme.test', DEMO_PASSWORD);
      await inviteToAcme(ada, ines.email);

      // Signed out, on the invitee's own device: the mail's link, then an account made right there.
      const page = await newDevice(viewport);
      await signUpFromInvitation(page, ines);
      await expectNoSidewaysScroll(page);

      await page.getByRole('button', { name: 'Accept and join Acme' }).click();
      await expect(page).toHaveURL(/\/o\/[^/]+\/welcome/);
      await expect(page.getByRole('heading', { name: 'You joined Acme' })).toBeVisible();

      // The link made the account verified: signing in again needs no mailed link.
      await signOut(page);
      await submitSignIn(page, ines.email, ines.password);
      await expect(page).toHaveURL(/\/o\/[^/]+\//);
      await expect(page.getByRole('button', { name: `Account menu for ${ines.name}` })).toBeVisible();
    });
  });
}
