// Starts the encoder worker from its TypeScript source (development, tests, the bench): a worker
// thread does not inherit the process's TypeScript loader, so it registers its own first. The
// built server starts the compiled worker instead (scripts/build.mjs).
import { register } from 'tsx/esm/api';

register();
await import('./encoder-worker.ts');
