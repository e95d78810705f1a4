import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A loaded CI machine can make a test that races real sockets and processes miss once; it gets
    // one more try there, and the reporter names every test that needed it (ADR 17).
    retry: process.env.CI ? 1 : 0,
    reporters: ['default', '../../tools/flaky-reporter.ts'],
  },
});
