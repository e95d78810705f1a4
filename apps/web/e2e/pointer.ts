import { expect, type Locator } from '@playwright/test';

/**
 * Clicking like a person: `locator.click()` moves the mouse to the element's centre and clicks
 * there, and waits until nothing else (an overlay, say) would receive that click. Never
 * `force: true`, never `dispatchEvent`: either would click through whatever covers the element.
 */

/** What is under the pointer at the centre of `target`'s bounding box: it, or something inside it. */
export async function expectUnderPointer(target: Locator) {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error(`${String(target)} has no bounding box`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await target.evaluate(
    (el, [px, py]) => {
      const top = document.elementFromPoint(px!, py!);
      const describe = (node: Element | null) =>
        node ? `<${node.tagName.toLowerCase()} class="${node.getAttribute('class') ?? ''}">` : 'nothing';
      return { inside: top !== null && (top === el || el.contains(top)), found: describe(top) };
    },
    [x, y],
  );
  expect(hit.inside, `under the pointer at the centre of ${String(target)} is ${hit.found}`).toBe(true);
}

/** Every option of the open listbox is on top where it is drawn, so a click there reaches it. */
export async function expectOptionsUnderPointer(listbox: Locator) {
  const options = listbox.getByRole('option');
  await expect(options.first()).toBeVisible();
  const count = await options.count();
  for (let i = 0; i < count; i++) await expectUnderPointer(options.nth(i));
  return count;
}

/**
 * Opens a select with a click, checks that each of its options is the element under the pointer,
 * and clicks the one named `option`. Returns the trigger's text afterwards.
 */
export async function pickOption(combobox: Locator, option: string | RegExp) {
  const page = combobox.page();
  await expectUnderPointer(combobox);
  await combobox.click();
  const listbox = page.getByRole('listbox');
  await expectOptionsUnderPointer(listbox);
  await listbox.getByRole('option', { name: option }).click();
  await expect(listbox).toHaveCount(0);
}

/** Opens a dropdown menu with a click, checks each item is under the pointer, and clicks `item`. */
export async function pickMenuItem(trigger: Locator, item: string | RegExp) {
  const page = trigger.page();
  await trigger.click();
  const menu = page.getByRole('menu');
  const items = menu.getByRole('menuitem');
  await expect(items.first()).toBeVisible();
  const count = await items.count();
  for (let i = 0; i < count; i++) await expectUnderPointer(items.nth(i));
  await menu.getByRole('menuitem', { name: item }).click();
}
