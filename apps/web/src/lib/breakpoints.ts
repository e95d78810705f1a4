import { useMediaQuery } from './use-media-query.ts';

/**
 * The layout's two switches, in one place (the CSS uses the same widths):
 * - phone (< 720 px): lists become cards, drawers full-screen sheets, forms one column;
 * - compact header (< 1024 px): the header's pages, theme and links fold into one menu.
 */
export const PHONE_QUERY = '(max-width: 719px)';
export const COMPACT_HEADER_QUERY = '(max-width: 1023px)';

export const usePhoneLayout = () => useMediaQuery(PHONE_QUERY);
export const useCompactHeader = () => useMediaQuery(COMPACT_HEADER_QUERY);
