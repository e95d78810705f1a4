import { expect } from '@playwright/test';
import { newPerson, signUpAndVerify, submitSignIn, test } from './accounts.ts';
import { followLinkInMail, SUBJECT } from './mailbox.ts';

const NEW_PASSWORD = 'copper kettle mornings 7';

test('a forgotten password: the mailed link sets a new one, and the old one stops working', async ({ newDevice }) => {
  const rosa = newPerson('Rosa Reset');
  const laptop = await newDevice();
  await signUpAndVerify(laptop, rosa);

  const page = await newDevice();
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await page.getByLabel('Email').fill(rosa.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();

  await followLinkInMail(page, rosa.email, SUBJECT.resetPassword, /\/reset-password\//);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();

  // A reset signs the account out everywhere: the laptop drops to sign-in by itself.
  await expect(laptop.getByRole('heading', { name: 'Sign in to Roster' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await submitSignIn(page, rosa.email, rosa.password);
  await expect(page.getByRole('alert')).toHaveText(/email and password don’t match an account/);

  await submitSignIn(page, rosa.email, NEW_PASSWORD);
  await expect(page.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
});
