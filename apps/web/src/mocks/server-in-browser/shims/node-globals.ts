import { Buffer } from './buffer.ts';

/** The Node globals the server's modules use at run time: Buffer and setImmediate. */
const scope = globalThis as { Buffer?: unknown; setImmediate?: unknown };
scope.Buffer ??= Buffer;
scope.setImmediate ??= (run: () => void) => setTimeout(run, 0);
