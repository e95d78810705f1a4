import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The API and the socket live on the server's origin; proxying keeps the SPA same-origin in
// development, so the session cookie and the server's Origin check work unchanged.
const apiTarget = process.env.ROSTER_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
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
            { name: 'ui', test: /node_modules[\\/](@radix-ui|radix-ui|@floating-ui|@tanstack)[\\/]/, priority: 2 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    css: false,
    // Component tests drive real Radix widgets in jsdom; a loaded CI box needs the headroom.
    testTimeout: 20_000,
  },
});
