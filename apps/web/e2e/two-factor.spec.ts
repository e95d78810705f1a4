import { expect } from '@playwright/test';
import { newPerson, openAccountPage, signOut, signUpAndVerify, submitSignIn, totpCode, test } from './accounts.ts';

test('two-factor sign-in: turned on from the account page, then asked for at sign-in', async ({ newDevice }) => {
  const toni = newPerson('Toni Twofactor');
  const page = await newDevice();
  await signUpAndVerify(page, toni);
  await openAccountPage(page, toni.name);

  const twoFactor = page.getByRole('region', { name: 'Two-factor sign-in' });
  await twoFactor.getByRole('button', { name: 'Set up' }).click();
  const confirmIdentity = page.getByRole('dialog', { name: 'Set up two-factor sign-in' });
  await confirmIdentity.getByLabel('Your password').fill(toni.password);
  await confirmIdentity.getByRole('button', { name: 'Continue' }).click();

  // The key an authenticator app would take in, as the page shows it for typing by hand.
  const setupKey = (await twoFactor.getByLabel(/^Setup key /).textContent()) ?? '';
  expect(setupKey).toMatch(/^[A-Z2-7 ]{16,}$/);
  await twoFactor.getByLabel('Enter the 6-digit code from the app').fill(totpCode(setupKey));
  await twoFactor.getByRole('button', { name: 'Turn on' }).click();
  await expect(twoFactor.getByText('Status On')).toBeVisible();

  await signOut(page);
  await submitSignIn(page, toni.email, toni.password);
  await expect(page.getByRole('heading', { name: 'Two-factor sign-in' })).toBeVisible();
  await page.getByLabel('Authentication code').fill(totpCode(setupKey));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'You’re not in any organization yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: `Account menu for ${toni.name}` })).toBeVisible();
});
