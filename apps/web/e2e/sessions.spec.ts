import { expect } from '@playwright/test';
import {
  expectNotReloaded,
  inviteToAcme,
  newPerson,
  openAccountPage,
  signIn,
  signUpFromInvitation,
  tagDocument,
  test,
} from './accounts.ts';
import { DEMO_PASSWORD, expectLive } from './fixtures.ts';

test('a device signed out from the account page drops to sign-in without a reload', async ({ newDevice }) => {
  test.slow(); // Three browsers and a mail: room for a busy machine.
  // Sam, a new admin of Acme: one account on two devices.
  const sam = newPerson('Sam Sessions');
  const ada = await newDevice();
  await signIn(ada, 'ada@acme.test', DEMO_PASSWORD);
  await inviteToAcme(ada, sam.email, 'Admin');
  const deviceA = await newDevice();
  await signUpFromInvitation(deviceA, sam);
  await deviceA.getByRole('button', { name: 'Accept and join Acme' }).click();
  await expect(deviceA).toHaveURL(/\/o\/[^/]+\/members/);

  const deviceB = await newDevice();
  await signIn(deviceB, sam.email, sam.password);
  await expect(deviceB).toHaveURL(/\/o\/[^/]+\/members/);
  await expect(deviceB.getByLabel('Search members')).toBeVisible();
  await expectLive(deviceB);
  await tagDocument(deviceB);

  await openAccountPage(deviceA, sam.name);
  const devices = deviceA.getByRole('list', { name: 'Signed-in devices' });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await expect(devices.getByRole('listitem').filter({ hasText: 'This device' })).toHaveCount(1);
  await devices.getByRole('button', { name: /^Sign out / }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(1);

  await expect(deviceB.getByRole('heading', { name: 'Sign in to Roster' })).toBeVisible();
  await expectNotReloaded(deviceB);
  // Device A itself stays signed in.
  await expect(deviceA.getByRole('heading', { name: 'Your account' })).toBeVisible();
});
