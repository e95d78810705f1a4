export type FrameScheduler = (callback: () => void) => void;

/**
 * The next animation frame, or a short timer in a hidden tab, where frames are paused and
 * events would otherwise pile up unapplied until the tab is shown again.
 */
export const nextFrame: FrameScheduler = (callback) => {
  if (document.hidden) setTimeout(callback, 250);
  else requestAnimationFrame(() => callback());
};

export interface FrameBatcher<T> {
  push(item: T): void;
  stop(): void;
}

/**
 * Collects items and hands them over once per frame: a burst of a thousand live events costs
 * one cache write and one render instead of a thousand.
 */
export function createFrameBatcher<T>(
  flush: (items: T[]) => void,
  schedule: FrameScheduler = nextFrame,
): FrameBatcher<T> {
  let queue: T[] = [];
  let scheduled = false;
  let stopped = false;
  return {
    push(item) {
      if (stopped) return;
      queue.push(item);
      if (scheduled) return;
      scheduled = true;
      schedule(() => {
        scheduled = false;
        const items = queue;
        queue = [];
        if (!stopped && items.length > 0) flush(items);
      });
    },
    stop() {
      stopped = true;
      queue = [];
    },
  };
}
