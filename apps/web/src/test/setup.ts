import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { useToastStore } from '../components/ui/toast-store.ts';
import { server } from './msw-server.ts';
import './jsdom-polyfills.ts';

// findBy*/waitFor default to 1 s, too tight for a busy CI machine (only failures wait this long).
configure({ asyncUtilTimeout: 8_000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  useToastStore.setState({ toasts: [] });
});
afterAll(() => server.close());

/**
 * A test that logs `console.error` fails: React warnings (act, keys, updates on unmounted
 * components) and contract mismatches in api-client all land there and must not go unnoticed.
 * Tests that expect one replace the spy with their own.
 */
let logged: unknown[][] = [];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args);
  });
});
afterEach(() => {
  const calls = logged;
  logged = [];
  if (calls.length > 0) {
    const text = calls.map((args) => args.map(String).join(' ')).join('\n---\n');
    throw new Error(`console.error was called during this test:\n${text}`);
  }
});
