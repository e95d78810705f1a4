import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// Mock mode as designers use it: a VITE_MOCKS build (`dist-mock`), served as static files, with
// the server's own app running in each tab. No server process, no database: every test's tab
// starts its own organization, so tests run side by side.
const port = Number(process.env.E2E_MOCK_PORT ?? 4319);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e-mock',
  // Each tab starts its own server (PGlite, migrations, seed) before the sign-in form shows.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  outputDir: 'test-results/mock',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: base.use?.launchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: { ROSTER_WEB_OUT: 'dist-mock' },
  },
});
