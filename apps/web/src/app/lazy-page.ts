import type { ComponentType } from 'react';

/*
 * Every page is its own chunk, fetched when its route matches: the sign-in page never downloads
 * the members table, and the members page never downloads settings. Loaders, the splash and the
 * error page stay in the main chunk: a loader starts while its page's chunk is still on the way,
 * and the error page must be there to say so when a chunk fails to load (a deploy replaced it).
 */
export function page<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  // The object form: the router runs the route's loaders while the chunk loads. A lazy function
  // could return a loader too, so the router awaits it before running any loader of the route.
  return { Component: async () => (await load())[name] };
}
