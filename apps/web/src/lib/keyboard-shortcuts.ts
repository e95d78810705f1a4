/** What a page-wide shortcut does; shortcuts without one are handled where they apply. */
export type ShortcutAction = 'focus-search' | 'show-shortcuts';

export interface Shortcut {
  /** The keys as the list shows them. */
  keys: string;
  description: string;
  /** For page-wide shortcuts: the `KeyboardEvent.key` that runs `action`. */
  key?: string;
  action?: ShortcutAction;
}

/** Every shortcut the app has: the page-wide handler and the "Keyboard shortcuts" list both read it. */
export const shortcuts: readonly Shortcut[] = [
  { keys: '/', key: '/', action: 'focus-search', description: 'Search this page' },
  { keys: '?', key: '?', action: 'show-shortcuts', description: 'Show keyboard shortcuts' },
  { keys: 'Esc', description: 'Close a dialog or menu' },
  { keys: 'Esc', description: 'Clear the members search, while typing in it' },
];

/** Marks the search box `/` focuses; a page shows at most one. */
export const pageSearchProps = { 'data-page-search': '' } as const;

export function findPageSearch(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-page-search]');
}

// Menus and listboxes take letters for typeahead.
const TYPING_TARGETS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), [role="combobox"], [role="menu"], [role="listbox"]';
const OPEN_DIALOG = '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]';

/**
 * The page-wide shortcut a key press asks for, or null. Keys typed into a field, a select or an
 * open dialog or menu belong there; with Ctrl, Alt or Meta they belong to the browser.
 */
export function shortcutFor(event: KeyboardEvent): Shortcut | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return null;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(TYPING_TARGETS) || document.querySelector(OPEN_DIALOG)) return null;
  return shortcuts.find((s) => s.action && s.key === event.key) ?? null;
}
