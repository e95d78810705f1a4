import './lib/csp-safe-zod.ts';
import './lib/theme-boot.ts';
import './styles/tokens.css';
import './styles/base.css';
import { fetchEarly } from './lib/early-fetch.ts';

/** Pages that open signed out (router.tsx): they may never ask who is signed in. */
const PUBLIC_PAGE = /^\/(sign-in|sign-up|check-inbox|verified|forgot-password|reset-password|invitations|dev)(\/|$)/;

/**
 * Mock mode starts the MSW worker before the app's modules load: socket.io-client captures the
 * WebSocket constructor when its module is evaluated, so MSW must have patched it by then.
 */
async function start() {
  if (import.meta.env.VITE_MOCKS === '1') {
    // The server's own app answers in the tab (ADR 18); a production build never reaches it.
    const { startMockWorker } = await import('./mocks/server-in-browser/start.ts');
    await startMockWorker();
  } else if (!PUBLIC_PAGE.test(window.location.pathname)) {
    // A signed-in page's loader asks who is signed in first: ask while the app's code loads.
    fetchEarly('/api/me');
  }
  const { mountApp } = await import('./app/mount.tsx');
  mountApp(document.getElementById('root')!);
}

void start();
