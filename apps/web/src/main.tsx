import './lib/csp-safe-zod.ts';
import './lib/theme-boot.ts';
import './styles/tokens.css';
import './styles/base.css';

/**
 * Mock mode starts the MSW worker before the app's modules load: socket.io-client captures the
 * WebSocket constructor when its module is evaluated, so MSW must have patched it by then.
 */
async function start() {
  if (import.meta.env.VITE_MOCKS === '1') {
    // The server's own app answers in the tab (ADR 18); a production build never reaches it.
    const { startMockWorker } = await import('./mocks/server-in-browser/start.ts');
    await startMockWorker();
  }
  const { mountApp } = await import('./app/mount.tsx');
  mountApp(document.getElementById('root')!);
}

void start();
