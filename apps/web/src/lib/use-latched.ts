import { useState } from 'react';

/**
 * The last non-null value seen: a dialog keeps showing its subject while it animates closed,
 * after the store has already cleared it. Kept in state (React's "value from the previous
 * render" pattern), never in a ref read during render.
 */
export function useLatched<T>(value: T | null): T | null {
  const [latched, setLatched] = useState(value);
  if (value !== null && value !== latched) setLatched(value);
  return value ?? latched;
}
