import { vi } from 'vitest';

/**
 * Makes `matchMedia` answer true for the given queries (a phone's, say) for the rest of the test;
 * jsdom has no layout, so the responsive switches are driven from here.
 */
export function matchMediaQueries(...matching: string[]) {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: matching.includes(query),
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
}
