import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { firstLoadBudget } from './build/first-load-budget.ts';
import { precompress } from './build/precompress.ts';
import { withoutMockWorker } from './build/without-mock-worker.ts';
import { serverInBrowser } from './build/server-in-browser.ts';
import { mockDatabase } from './build/mock-database.ts';
import { noMockCodeInProduction } from './build/no-mock-code-in-production.ts';

// The API and the socket live on the server's origin; proxying keeps the SPA same-origin in
// development, so the session cookie and the server's Origin check work unchanged.
const apiTarget = process.env.ROSTER_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [
    react(),
    serverInBrowser(),
    mockDatabase(),
    noMockCodeInProduction(),
    // After the files are written, in this order: the mock worker is gone before anything is
    // compressed, and the budget weighs the compressed files the server will send.
    withoutMockWorker(),
    precompress(),
    // A page's first load is the entry, the app it always imports (mount.tsx), and its lazy routes.
    // Budgets sit a little above today's sizes, so growth is a decision rather than a drift.
    firstLoadBudget([
      {
        page: 'members',
        roots: [
          'index.html',
          'src/app/mount.tsx',
          'src/app/routes/authed-layout.tsx',
          'src/app/routes/members-route.tsx',
        ],
        // 270 until the org's own life came to every page (org addresses, the switcher's badges,
        // deletion and restore news, domain offers) and the audit log shared the members table's
        // list machinery: 271.8 KB with the join offers, the inbox list and the dev mailbox link
        // fetched after the page; 273.4 KB with the member drawer's tabs (its History loads when
        // opened); 276.5 KB with presence (who else is on the page, who edits which row: store,
        // sender, avatars and hints, 2.3 KB; loading its avatars lazily cost more in preload lists
        // than it saved); 278.8 KB with the Developers page's place in every admin page (its
        // link, the live refresh of API keys and webhooks, the audit log's words for their
        // changes); 279.7 KB with the search box the audit log and invitations share. The cuts
        // left: the shared contracts' schemas (zod, 25 KB; marking the contracts free of side
        // effects split them into more chunks and cost 4 KB more), React (preact/compat made it
        // 220.7 KB in a trial, but Preact 10 does not pass `ref` as a prop the way React 19 does,
        // which about fifteen components rely on), the router (28 KB) and socket.io-client (13 KB,
        // needed after the first rows).
        budgetKb: 280,
      },
      {
        page: 'sign-in',
        roots: ['index.html', 'src/app/mount.tsx', 'src/app/routes/sign-in-route.tsx'],
        budgetKb: 190,
      },
    ]),
  ],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: process.env.ROSTER_WEB_OUT ?? 'dist',
    // Read by the first-load budget; a dot folder, which the server does not serve.
    manifest: true,
    // Maps for our own debugging, never linked from the bundles (the server does not serve them).
    sourcemap: 'hidden',
    rolldownOptions: {
      output: {
        // Long-lived libraries in their own chunks, so an app release does not re-download them.
        // socket.io-client stays with the app: mock mode must load it after MSW patches WebSocket.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/,
              priority: 3,
            },
            {
              name: 'ui',
              test: /node_modules[\\/](@radix-ui|radix-ui|@floating-ui|@tanstack)[\\/]/,
              priority: 2,
              // Split by the routes that use them: the sign-in page does not fetch the members table.
              entriesAware: true,
            },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // One migrated, seeded database for the whole run; each test file starts its app from it.
    globalSetup: ['./src/test/server-app/global-setup.ts'],
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    css: false,
    // Component tests drive real Radix widgets in jsdom; a loaded CI box needs the headroom.
    testTimeout: 20_000,
    // One more try on CI only, and every test that needed it is named (ADR 17).
    retry: process.env.CI ? 1 : 0,
    reporters: ['default', '../../tools/flaky-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'web', exclude: [...configDefaults.exclude, 'src/mocks/parity/**'] } },
      // The parity suite runs the real server and mock mode side by side in Node: no jsdom and none
      // of the component tests' set-up, whose MSW server would answer the suite's requests.
      {
        test: { name: 'parity', environment: 'node', include: ['src/mocks/parity/**/*.test.ts'], testTimeout: 20_000 },
      },
    ],
  },
});
