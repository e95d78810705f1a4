import { useSyncExternalStore } from 'react';

/**
 * One shared one-second ticker for every relative time on screen. Components derive a string
 * from it, and React skips the re-render whenever that string did not change.
 */
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** Re-renders the caller only when `derive(now)` changes. */
export function useTicking<T>(derive: (now: number) => T): T {
  return useSyncExternalStore(subscribe, () => derive(Date.now()));
}
