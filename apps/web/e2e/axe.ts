import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** What counts as a failure: axe's serious and critical findings (contrast, names, landmarks…). */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now (or on `within`, a selector) and records, as a soft assertion,
 * every serious or critical violation with the first elements it names. Logs the counts, so a
 * run shows where a page stands even when it passes.
 */
export async function expectNoSeriousViolations(page: Page, where: string, within?: string) {
  // Only violations are detailed: far quicker on long pages than the default full report.
  let builder = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
  // An open dialog or menu is scanned on its own: the page under it was scanned before.
  if (within) builder = builder.include(within);
  const { violations } = await builder.analyze();
  const blocking = violations.filter((v) => v.impact && BLOCKING.has(v.impact));
  const nodes = blocking.reduce((n, v) => n + v.nodes.length, 0);
  console.log(`axe · ${where}: ${blocking.length} serious/critical rules, ${nodes} elements`);
  expect
    .soft(
      blocking.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 4)
            .join(' | ')}`,
      ),
      `axe on ${where}`,
    )
    .toEqual([]);
  return nodes;
}
