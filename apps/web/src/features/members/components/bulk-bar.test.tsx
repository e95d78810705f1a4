import { afterEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { BulkBar } from './bulk-bar.tsx';
import { useBulkSelectionStore } from '../stores/bulk-selection-store.ts';
import { renderRoute } from '../../../test/render.tsx';

afterEach(() => useBulkSelectionStore.setState({ selected: {}, allMatching: false }));

/** `count` rows ticked by hand in a list whose count the server gave as `total`. */
function renderWithTicked(count: number, total: number, totalIsCapped: boolean) {
  const selected = Object.fromEntries(Array.from({ length: count }, (_, i) => [`user-${i}`, 1]));
  useBulkSelectionStore.setState({ selected, allMatching: false });
  renderRoute(
    <BulkBar
      orgId="org-1"
      orgName="Acme"
      params={{ q: 'a', sort: 'name', order: 'asc' }}
      total={total}
      totalIsCapped={totalIsCapped}
      members={[]}
    />,
  );
}

describe('the bulk bar', () => {
  it('offers every match when a capped count says there are more than the rows ticked', () => {
    renderWithTicked(1000, 1000, true);
    expect(screen.getByRole('button', { name: 'Select all 1,000+ matching this filter' })).toBeVisible();
  });

  it('does not offer more than was ticked when the count is exact', () => {
    renderWithTicked(1000, 1000, false);
    expect(screen.queryByRole('button', { name: /^Select all/ })).toBeNull();
  });
});
