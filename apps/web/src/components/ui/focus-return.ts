import { useCallback, useLayoutEffect, useRef } from 'react';

/** The last elements that had focus, newest last. */
const history: HTMLElement[] = [];
const KEPT = 12;

/**
 * Records `el` as the newest opener. Focus does it for most controls; a menu's trigger never
 * takes focus on a click (Radix keeps it for the menu), so the menu notes its trigger itself.
 */
export function noteOpener(el: HTMLElement | null) {
  if (!el) return;
  const seen = history.indexOf(el);
  if (seen >= 0) history.splice(seen, 1);
  history.push(el);
  if (history.length > KEPT) history.shift();
}

if (typeof document !== 'undefined') {
  document.addEventListener(
    'focusin',
    (event) => {
      if (event.target instanceof HTMLElement) noteOpener(event.target);
    },
    true,
  );
}

/**
 * The control that opened what is opening now: the newest focused element still on the page and
 * not inside a menu or list. A dialog opened from a menu item finds the menu's trigger, since
 * the item is gone by the time the dialog mounts.
 */
export function openerElement(): HTMLElement | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const el = history[i]!;
    if (el.isConnected && !el.closest('[role="menu"], [role="listbox"]')) return el;
  }
  return null;
}

/**
 * For a Radix dialog's `onCloseAutoFocus`: focus goes back to the control that opened it, also
 * when the dialog is controlled (no Trigger) or was opened from a menu item that no longer exists.
 */
export function useReturnFocus(open: boolean) {
  const opener = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open) opener.current = openerElement();
  }, [open]);
  return useCallback((event: Event) => {
    const el = opener.current;
    if (!el?.isConnected) return;
    event.preventDefault();
    el.focus();
  }, []);
}
