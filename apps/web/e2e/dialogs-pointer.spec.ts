import { expect, test, type Page } from '@playwright/test';
import { showOnly, signedInPage } from './fixtures.ts';
import { expectOptionsUnderPointer, expectUnderPointer, pickMenuItem, pickOption } from './pointer.ts';

// Each test opens its own browser contexts (one per person); close them, live connections and all.
test.afterEach(async ({ browser }) => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

/**
 * Every control inside every dialog and drawer, clicked with the mouse where it is drawn. A select
 * whose list opened behind its dialog's overlay passed keyboard-driven tests; these would not.
 */

// Each test opens many selects and checks every option: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const uniqueEmail = (tag: string) => `${tag}.${Date.now()}.${Math.floor(Math.random() * 1e4)}@pointer.test`;

async function addChip(drawer: ReturnType<Page['getByRole']>, email: string) {
  const input = drawer.getByLabel('Email addresses');
  await input.click();
  await input.pressSequentially(`${email},`);
  await expect(drawer.getByText(email)).toBeVisible();
}

for (const [device, viewport] of [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const) {
  test(`Add members (${device}): role, lite, workspace pickers and tabs all take real clicks`, async ({ browser }) => {
    const ada = await signedInPage(browser, 'ada@acme.test', viewport);
    const opener = ada.getByRole('button', { name: 'Add members' });
    await opener.click();
    const drawer = ada.getByRole('dialog', { name: 'Add members' });
    await expect(drawer).toBeVisible();

    await drawer.getByRole('tab', { name: 'Upload CSV' }).click();
    await expect(drawer.getByRole('tab', { name: 'Upload CSV' })).toHaveAttribute('aria-selected', 'true');
    await drawer.getByRole('tab', { name: 'Type or paste' }).click();
    await addChip(drawer, uniqueEmail('drawer'));

    const role = drawer.getByRole('combobox', { name: 'Organization role' });
    await pickOption(role, /^External/);
    await expect(role).toHaveText(/External/);
    await pickOption(role, /^Admin/);
    await expect(role).toHaveText(/Admin/);

    // Lite clamps the role; its checkbox is clicked where it is drawn.
    const lite = drawer.getByRole('checkbox', { name: /Lite access/ });
    await lite.click();
    await expect(lite).toBeChecked();
    await expect(role).toHaveText(/Member/);
    await lite.click();
    await expect(lite).not.toBeChecked();

    await drawer.getByRole('button', { name: 'Add workspace' }).click();
    await pickOption(drawer.getByRole('combobox', { name: 'Workspace 1' }), 'Design');
    await pickOption(drawer.getByRole('combobox', { name: 'Role in Design' }), 'Owner');
    await expect(drawer.getByRole('combobox', { name: 'Role in Design' })).toHaveText(/Owner/);
    await drawer.getByRole('button', { name: 'Add workspace' }).click();
    await pickOption(drawer.getByRole('combobox', { name: 'Workspace 2' }), 'Growth');
    await drawer.getByRole('button', { name: 'Remove Growth' }).click();
    await expect(drawer.getByRole('combobox', { name: 'Workspace 2' })).toHaveCount(0);

    // Closing gives focus back to the button that opened the drawer.
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toHaveCount(0);
    await expect(opener).toBeFocused();
  });
}

test('bulk role dialog: the new-role select opens above the dialog', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const rows = ada.getByRole('checkbox', { name: /^Select (?!all)/ });
  await rows.nth(1).click();
  await rows.nth(2).click();
  const bar = ada.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('2 selected');
  const opener = bar.getByRole('button', { name: 'Change role…' });
  await opener.click();
  const dialog = ada.getByRole('dialog', { name: /role/ });
  const newRole = dialog.getByRole('combobox', { name: 'New role' });
  await pickOption(newRole, 'External');
  await expect(dialog).toContainText(/Makes [12] (person|people) External/);
  await pickOption(newRole, 'Admin');
  await expect(dialog).toContainText(/Makes [12] (person|people) Admin/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);
});

test('edit invitation: selects and grants inside the dialog, opened from the row menu', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  const email = uniqueEmail('edit');
  await ada.getByRole('button', { name: 'Add members' }).click();
  const drawer = ada.getByRole('dialog', { name: 'Add members' });
  await addChip(drawer, email);
  await pickOption(drawer.getByRole('combobox', { name: 'Organization role' }), /^External/);
  await drawer.getByRole('button', { name: 'Invite 1 person' }).click();
  await expect(drawer.getByRole('list', { name: 'Result per address' })).toContainText('Invited');
  await drawer.getByRole('button', { name: 'Done' }).click();

  await ada
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: /^Invitations/ })
    .click();
  const invitations = ada.getByRole('region', { name: 'Invitations' });
  await invitations.getByRole('searchbox', { name: 'Search invitations' }).fill(email);
  const actions = invitations.getByRole('button', { name: `Actions for the invitation to ${email}` });
  await pickMenuItem(actions, /Edit role and workspaces/);
  const dialog = ada.getByRole('dialog', { name: 'Edit invitation' });
  await pickOption(dialog.getByRole('combobox', { name: 'Organization role' }), 'Member');
  await dialog.getByRole('button', { name: 'Add workspace' }).click();
  await pickOption(dialog.getByRole('combobox', { name: 'Workspace 1' }), 'Research');
  await pickOption(dialog.getByRole('combobox', { name: 'Role in Research' }), 'Viewer');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(actions).toBeFocused();
  await expect(invitations.getByText('Research · Viewer')).toBeVisible();

  await pickMenuItem(actions, /Revoke invitation/);
  const confirm = ada.getByRole('alertdialog', { name: `Revoke the invitation to ${email}?` });
  await confirm.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(invitations.getByText(email)).toHaveCount(0);
});

test('add to workspace: the role select and the people list take real clicks', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await ada
    .getByRole('navigation', { name: /Acme pages/ })
    .getByRole('link', { name: 'Workspaces' })
    .click();
  await ada.getByRole('link', { name: 'Growth' }).click();
  const opener = ada.getByRole('button', { name: 'Add users' });
  await opener.click();
  const dialog = ada.getByRole('dialog', { name: 'Add users to Growth' });
  await dialog.getByRole('searchbox', { name: 'Search people' }).fill('Linus');
  await dialog.getByRole('checkbox', { name: 'Select Linus Torvalds' }).click();
  await expect(dialog.getByRole('list', { name: 'Selected people' })).toContainText('Linus Torvalds');
  const role = dialog.getByRole('combobox', { name: 'Workspace role' });
  await pickOption(role, 'Viewer');
  await pickOption(role, 'Owner');
  await pickOption(role, 'Member');
  await dialog.getByRole('button', { name: 'Unselect Linus Torvalds' }).click();
  await expect(dialog.getByRole('list', { name: 'Selected people' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  // The inline role select of a workspace's table opens above the page too.
  const inline = ada.getByRole('combobox', { name: /^Workspace role for / }).first();
  await inline.click();
  await expectOptionsUnderPointer(ada.getByRole('listbox'));
  await ada.keyboard.press('Escape');
});

test('approve and reject dialogs: role, lite, workspaces and reason take real clicks', async ({ browser }) => {
  const toApprove = uniqueEmail('approve');
  const toReject = uniqueEmail('reject');
  const linus = await signedInPage(browser, 'linus@acme.test', DESKTOP);
  await linus.getByRole('button', { name: 'Request invitations' }).click();
  const drawer = linus.getByRole('dialog', { name: 'Add members' });
  // A member may not propose an admin: the option is there, disabled, and says why.
  const role = drawer.getByRole('combobox', { name: 'Organization role' });
  await role.click();
  await expectOptionsUnderPointer(linus.getByRole('listbox'));
  await expect(linus.getByRole('option', { name: /^Admin/ })).toHaveAttribute('aria-disabled', 'true');
  await linus.getByRole('option', { name: /^External/ }).click();
  await addChip(drawer, toApprove);
  await addChip(drawer, toReject);
  await drawer.getByRole('button', { name: 'Request 2 people' }).click();
  await expect(drawer.getByRole('list', { name: 'Result per address' })).toContainText('Requested');
  await drawer.getByRole('button', { name: 'Done' }).click();

  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await ada
    .getByRole('navigation', { name: 'Members sections' })
    .getByRole('link', { name: /^Requests/ })
    .click();

  const rejectButton = ada.getByRole('button', { name: `Reject request for ${toReject}` });
  await rejectButton.click();
  const reject = ada.getByRole('dialog', { name: `Reject the request for ${toReject}?` });
  await reject.getByLabel(/Reason/).click();
  await reject.getByLabel(/Reason/).fill('Please use the company address.');
  await reject.getByRole('button', { name: 'Reject request' }).click();
  await expect(ada.getByRole('listitem', { name: `Request for ${toReject}` })).toHaveCount(0);

  await ada.getByRole('button', { name: `Approve request for ${toApprove}` }).click();
  const approve = ada.getByRole('dialog', { name: `Approve the invitation for ${toApprove}?` });
  const orgRole = approve.getByRole('combobox', { name: 'Organization role' });
  await pickOption(orgRole, 'Admin');
  await pickOption(orgRole, 'Member');
  await approve.getByRole('switch', { name: 'Lite access' }).click();
  await expect(approve.getByRole('switch', { name: 'Lite access' })).toBeChecked();
  await approve.getByRole('switch', { name: 'Lite access' }).click();
  await approve.getByRole('checkbox', { name: 'Platform' }).click();
  await pickOption(approve.getByRole('combobox', { name: 'Role in Platform' }), 'Owner');
  await approve.getByRole('button', { name: 'Approve and send' }).click();
  await expect(ada.getByRole('listitem', { name: `Request for ${toApprove}` })).toHaveCount(0);
});

test('view access and remove, opened from a row menu, give focus back to the menu button', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await showOnly(ada, 'linus@');
  const actions = ada.getByRole('button', { name: 'Actions for Linus Torvalds' });

  await pickMenuItem(actions, /View access/);
  const access = ada.getByRole('dialog', { name: 'Access of Linus Torvalds' });
  await expect(access).toBeVisible();
  await access.getByRole('button', { name: 'Close dialog' }).click();
  await expect(access).toHaveCount(0);
  await expect(actions).toBeFocused();

  await pickMenuItem(actions, /Remove from organization/);
  const remove = ada.getByRole('alertdialog', { name: /Remove Linus Torvalds/ });
  await expectUnderPointer(remove.getByRole('button', { name: 'Cancel' }));
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toHaveCount(0);
  await expect(actions).toBeFocused();

  // The toolbar's filters and the role cell are selects too.
  await pickOption(ada.getByRole('combobox', { name: 'Filter by two-factor sign-in' }), '2FA off');
  await pickOption(ada.getByRole('combobox', { name: 'Filter by two-factor sign-in' }), 'Any 2FA');
  const cell = ada.getByRole('combobox', { name: 'Role for Linus Torvalds' });
  await cell.click();
  await expectOptionsUnderPointer(ada.getByRole('listbox'));
  await ada.keyboard.press('Escape');
});

test('settings: radios, switches and number boxes take real clicks; discard restores', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await ada
    .getByRole('navigation', { name: /Acme pages/ })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(ada.getByRole('heading', { name: 'Organization settings' })).toBeVisible();
  await ada.getByRole('radio', { name: /^Admins only/ }).click();
  await expect(ada.getByRole('radio', { name: /^Admins only/ })).toBeChecked();
  const seatCap = ada.locator('#memberCap-on');
  await seatCap.click();
  await expect(seatCap).toBeChecked();
  await ada.getByRole('textbox', { name: /Organization seat cap/ }).click();
  await ada.getByRole('textbox', { name: /Organization seat cap/ }).fill('500');
  await expect(ada.getByText('You have unsaved changes')).toBeVisible();
  await ada.getByRole('button', { name: 'Discard' }).click();
  await expect(ada.getByText('All changes saved')).toBeVisible();
});

test('removing a workspace’s only owner: the new-owner select opens above the confirmation', async ({ browser }) => {
  const ada = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await showOnly(ada, 'grace@');
  const actions = ada.getByRole('button', { name: 'Actions for Grace Hopper' });
  await pickMenuItem(actions, /Remove from organization/);
  const remove = ada.getByRole('alertdialog', { name: /Remove Grace Hopper/ });
  // Grace owns Design alone in the demo organization.
  await expect(remove.getByText('Design will have no owner')).toBeVisible();
  const picker = remove.getByRole('combobox', { name: 'New owner of Design' });
  await expectUnderPointer(picker);
  await picker.click();
  await expectOptionsUnderPointer(ada.getByRole('listbox'));
  await ada.keyboard.press('Escape');
  await remove.getByRole('button', { name: 'Cancel' }).click();
  await expect(remove).toHaveCount(0);
});
