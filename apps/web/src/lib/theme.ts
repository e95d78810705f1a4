import { useSyncExternalStore } from 'react';

/** What the person chose in the header; `system` follows the operating system's scheme. */
export type ThemeChoice = 'light' | 'dark' | 'system';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
export const THEME_STORAGE_KEY = 'roster.theme';

const isChoice = (value: unknown): value is ThemeChoice => THEME_CHOICES.includes(value as ThemeChoice);

/** The saved choice; anything missing, unknown or unreadable (storage disabled) is `system`. */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined = safeStorage()): ThemeChoice {
  try {
    const saved = storage?.getItem(THEME_STORAGE_KEY);
    return isChoice(saved) ? saved : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Puts the choice on <html>: `data-theme="light|dark"` pins the scheme (tokens.css sets
 * `color-scheme` from it); no attribute leaves it to `prefers-color-scheme`.
 */
export function applyThemeChoice(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

const listeners = new Set<() => void>();
let current: ThemeChoice | null = null;

/** Saves, applies and announces a new choice (every open tab follows through the storage event). */
export function setThemeChoice(choice: ThemeChoice, storage: Pick<Storage, 'setItem'> | undefined = safeStorage()) {
  try {
    storage?.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Private mode or a full quota: the choice holds for this tab only.
  }
  current = choice;
  applyThemeChoice(choice);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    current = readThemeChoice();
    applyThemeChoice(current);
    notify();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

/** The current choice, re-rendering when it changes here or in another tab. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, () => (current ??= readThemeChoice()));
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
