import type { Lane } from './lane.ts';

/** The most keys one load reads; more wait for the next. */
const MAX_BATCH = 500;

/**
 * Loads by key in batches: the keys asked for in one turn of the event loop, or while the
 * previous batch was loading, are read together by one `load` in `lane`. A key's load always
 * starts after it was asked for, so a read asked after some change sees that change.
 */
export function createBatcher<K, V>(lane: Lane, load: (keys: K[]) => Promise<Map<K, V>>, missing: V) {
  let waiting: { key: K; resolve(value: V): void; reject(error: unknown): void }[] = [];
  let loading = false;
  let scheduled = false;

  function next() {
    scheduled = false;
    if (loading || waiting.length === 0) return;
    const batch = waiting.slice(0, MAX_BATCH);
    waiting = waiting.slice(MAX_BATCH);
    loading = true;
    lane
      .run(() => load([...new Set(batch.map((w) => w.key))]))
      .then(
        (values) => batch.forEach((w) => w.resolve(values.has(w.key) ? values.get(w.key)! : missing)),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => {
        loading = false;
        next();
      });
  }

  return (key: K): Promise<V> =>
    new Promise((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      if (!scheduled && !loading) {
        scheduled = true;
        setImmediate(next);
      }
    });
}
