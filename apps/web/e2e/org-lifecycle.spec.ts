import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DESKTOP, expectNoSidewaysScroll, inviteToAcme, newPerson, PHONE, signUpAndVerify, test } from './accounts.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { expectLive, roleSelect, showOnly, signedInPage } from './fixtures.ts';
import { expectUnderPointer } from './pointer.ts';

const SHOTS = join(import.meta.dirname, '..', 'test-results', 'screenshots');

// Two sign-ups, an invitation, a deletion and a restore, with screenshots: minutes on a busy machine.
test.describe.configure({ timeout: 240_000 });

const VARIANTS = [
  ['desktop', DESKTOP],
  ['phone', PHONE],
] as const;

/** Clicks with the mouse, after checking nothing covers the target. */
async function pointerClick(target: ReturnType<Page['getByRole']>) {
  await expectUnderPointer(target);
  await target.click();
}

/** `path` as the creator sees it at every size and scheme, screenshot by screenshot, in their session. */
async function screenshotEverywhere(
  browser: Browser,
  session: BrowserContext,
  path: string,
  name: string,
  ready: (page: Page) => Promise<void>,
) {
  const storageState = await session.storageState();
  for (const [size, viewport] of VARIANTS)
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport,
        colorScheme: scheme,
        reducedMotion: 'reduce',
        storageState,
      });
      const page = await context.newPage();
      await page.goto(path);
      await ready(page);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(SHOTS, `${name}-${size}-${scheme}.png`) });
      await context.close();
    }
}

test('a creator deletes an organization, its member loses it at once, and a restore brings it back', async ({
  browser,
  newDevice,
}) => {
  const nova = newPerson('Nova Founder');
  const cora = newPerson('Cora Colleague');
  const creator = await newDevice(DESKTOP);
  const colleague = await newDevice(DESKTOP);
  await signUpAndVerify(creator, nova);
  await signUpAndVerify(colleague, cora);
  // Meanwhile Ada works in Acme in another window: nothing of Beta's life touches it.
  const acme = await signedInPage(browser, 'ada@acme.test', DESKTOP);
  await acme.goto('/o/acme/members');
  await expectLive(acme);

  // Nova creates Beta (runs share a database: its slug is this run's own).
  const slug = `beta-${Date.now().toString(36)}`;
  await pointerClick(creator.getByRole('button', { name: 'Create organization' }));
  const create = creator.getByRole('dialog', { name: 'Create an organization' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Beta');
  await create.getByRole('textbox', { name: /URL slug/ }).fill(slug);
  await pointerClick(create.getByRole('button', { name: 'Create organization' }));
  await expect(creator).toHaveURL(new RegExp(`/o/${slug}/members$`));

  // She invites Cora, who accepts from her inbox and opens Beta.
  await inviteToAcme(creator, cora.email);
  await expectLive(colleague);
  await expect(colleague.getByRole('button', { name: 'Invitations: 1 pending' })).toBeVisible();
  const pending = colleague.getByRole('region', { name: 'Pending invitations' });
  await pointerClick(pending.getByRole('button', { name: 'Accept the invitation to Beta' }));
  await expect(colleague).toHaveURL(new RegExp(`/o/${slug}/`));
  await expect(colleague.getByRole('button', { name: 'Organization: Beta. Switch organization' })).toBeVisible();
  await expectLive(colleague);

  // Nova's settings end in the danger zone.
  await pointerClick(creator.getByRole('navigation', { name: 'Beta pages' }).getByRole('link', { name: 'Settings' }));
  const zone = creator.getByRole('region', { name: 'Danger zone' });
  await zone.scrollIntoViewIfNeeded();
  await expect(zone.getByRole('button', { name: 'Delete organization' })).toBeVisible();
  await expectNoSeriousViolations(creator, 'danger zone', 'section[aria-labelledby="settings-danger-zone"]');
  await screenshotEverywhere(browser, creator.context(), `/o/${slug}/settings`, 'danger-zone', async (page) => {
    const section = page.getByRole('region', { name: 'Danger zone' });
    await expect(section.getByRole('button', { name: 'Delete organization' })).toBeVisible();
    await section.scrollIntoViewIfNeeded();
  });

  // A wrong name deletes nothing; the right one deletes Beta.
  await pointerClick(zone.getByRole('button', { name: 'Delete organization' }));
  const dialog = creator.getByRole('dialog', { name: 'Delete Beta?' });
  await expect(dialog).toBeVisible();
  await expectNoSeriousViolations(creator, 'delete organization dialog', '[role="dialog"]');
  const confirm = dialog.getByRole('textbox', { name: 'Type Beta to confirm' });
  await confirm.fill('beta');
  await pointerClick(dialog.getByRole('button', { name: 'Delete organization' }));
  await expect(dialog.getByRole('alert')).toHaveText('That is not the organization’s name. Type Beta exactly.');
  await creator.screenshot({ path: join(SHOTS, 'delete-org-dialog-desktop-light.png') });
  await confirm.fill('Beta');
  await pointerClick(dialog.getByRole('button', { name: 'Delete organization' }));
  await expect(creator.getByRole('heading', { name: 'Beta was deleted', level: 1 })).toBeVisible();
  await expect(creator.getByText(/^Beta is scheduled for deletion on .+\. Nobody else can open it\.$/)).toBeVisible();

  // Cora's open page leaves Beta at once, and she is told who deleted it.
  await expect(colleague).toHaveURL(/\/no-organizations$/);
  await expect(colleague.getByText('Nova Founder deleted Beta', { exact: true })).toBeVisible();
  await expect(colleague.getByText(/You were removed/)).toHaveCount(0);
  await expect(acme).toHaveURL(/\/o\/acme\/members/);
  await expectLive(acme);
  await showOnly(acme, 'Linus');
  await expect(roleSelect(acme, 'Linus Torvalds')).toBeEnabled();

  await expectNoSeriousViolations(creator, 'deleted organization page');
  await screenshotEverywhere(browser, creator.context(), `/o/${slug}/members`, 'deleted-org', async (page) => {
    await expect(page.getByRole('heading', { name: 'Beta was deleted', level: 1 })).toBeVisible();
  });

  // Nova restores it; the settings page she was on comes back.
  await pointerClick(creator.getByRole('button', { name: 'Restore Beta' }));
  await expect(creator.getByRole('heading', { name: 'Organization settings', level: 1 })).toBeVisible();

  // Cora has Beta again.
  await colleague.reload();
  await expect(colleague.getByRole('button', { name: 'Organization: Beta. Switch organization' })).toBeVisible();
  await colleague.goto('/');
  await expect(colleague).toHaveURL(new RegExp(`/o/${slug}/`));
});
